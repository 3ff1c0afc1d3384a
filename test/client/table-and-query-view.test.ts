import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { ErrorCode } from "@shared/errors";
import { ApiRequestError } from "../../client/src/api/http";
import { QueryView } from "../../client/src/components/query-view";
import { Table } from "../../client/src/components/table";

// The browser specs and their axe checks assert on this markup, so the one Table renders what the pages wrote by hand.
describe("Table", () => {
  const render = (props: Partial<Parameters<typeof Table>[0]> = {}) =>
    renderToStaticMarkup(
      createElement(Table, {
        caption: "Votes",
        columns: ["Proposal", { text: "For", numeric: true }, { text: "Action", hidden: true }],
        rows: [{ key: "a", header: "Longer terms", cells: [3, "Change"], data: { "data-proposal": "a" } }],
        ...props,
      }),
    );

  it("should render the GOV.UK table markup: caption, header row, a row header and numeric cells", () => {
    expect(render({ responsive: false })).toBe(
      '<table class="govuk-table"><caption class="govuk-table__caption govuk-table__caption--s">Votes</caption>' +
        '<thead class="govuk-table__head"><tr class="govuk-table__row">' +
        '<th scope="col" class="govuk-table__header">Proposal</th>' +
        '<th scope="col" class="govuk-table__header govuk-table__header--numeric">For</th>' +
        '<th scope="col" class="govuk-table__header"><span class="govuk-visually-hidden">Action</span></th>' +
        '</tr></thead><tbody class="govuk-table__body"><tr class="govuk-table__row" data-proposal="a">' +
        '<th scope="row" class="govuk-table__header">Longer terms</th>' +
        '<td class="govuk-table__cell govuk-table__cell--numeric">3</td>' +
        '<td class="govuk-table__cell">Change</td>' +
        "</tr></tbody></table>",
    );
  });

  it("should label each cell with its column's name for a phone, a column hidden from sight giving no label", () => {
    expect(render()).toContain(
      '<table class="govuk-table app-table--responsive">' +
        '<caption class="govuk-table__caption govuk-table__caption--s">Votes</caption>' +
        '<thead class="govuk-table__head">',
    );
    expect(render()).toContain(
      '<th scope="row" class="govuk-table__header" data-label="Proposal">Longer terms</th>' +
        '<td class="govuk-table__cell govuk-table__cell--numeric" data-label="For">3</td>' +
        '<td class="govuk-table__cell" data-label="">Change</td>',
    );
  });

  it("should hide the caption from sight only, and add the table's own classes", () => {
    const html = render({ captionSize: "hidden", className: "govuk-table--small-text-until-tablet", responsive: false });
    expect(html).toContain(
      '<table class="govuk-table govuk-table--small-text-until-tablet"><caption class="govuk-table__caption govuk-visually-hidden">Votes</caption>',
    );
  });

  it("should put a row header where a cell says so, and let a cell be numeric under a text header", () => {
    const html = render({
      responsive: false,
      columns: ["Rank", "Setting", "People"],
      rows: [{ key: 1, cells: [1, { header: true, content: "Oak House" }, { numeric: true, content: "People" }] }],
    });
    expect(html).toContain(
      '<td class="govuk-table__cell">1</td><th scope="row" class="govuk-table__header">Oak House</th><td class="govuk-table__cell govuk-table__cell--numeric">People</td>',
    );
  });

  it("should say the empty message instead of an empty table", () => {
    expect(render({ rows: [], empty: "Nothing yet." })).toBe('<p class="govuk-body">Nothing yet.</p>');
  });
});

describe("QueryView", () => {
  const retry = () => undefined;
  const render = (query: Parameters<typeof QueryView<string[]>>[0]["query"], extra: object = {}) =>
    renderToStaticMarkup(
      createElement(QueryView<string[]>, {
        query,
        what: "the items",
        loading: "items",
        empty: "No items yet.",
        notFound: "Gone",
        children: (data: string[]) => data.join(", "),
        ...extra,
      }),
    );

  it("should say what is loading", () => {
    expect(render({ status: "loading", retry })).toBe('<p class="govuk-body" role="status">Loading items…</p>');
  });

  it("should offer to try again after a problem, or show the not-found page for a 404", () => {
    expect(render({ status: "error", error: new Error("offline"), retry })).toContain("Sorry, we cannot show the items at the moment");
    expect(render({ status: "error", error: new ApiRequestError(404, { code: ErrorCode.NotFound, message: "Not found" }), retry })).toBe("Gone");
  });

  it("should show a quiet problem in place of the heading and button when given one", () => {
    expect(render({ status: "error", error: new Error("offline"), retry }, { problem: "Try later." })).toBe("Try later.");
  });

  it("should say the empty message for an empty list, and render the data otherwise", () => {
    expect(render({ status: "success", data: [], retry })).toBe('<p class="govuk-body">No items yet.</p>');
    expect(render({ status: "success", data: ["a", "b"], retry })).toBe("a, b");
  });
});
