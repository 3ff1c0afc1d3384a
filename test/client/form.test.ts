import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { ErrorCode } from "@shared/errors";
import { ApiRequestError } from "../../client/src/api/http";
import { Form } from "../../client/src/components/form";
import { sendOrErrors } from "../../client/src/components/form-errors";
import { TextInput } from "../../client/src/components/text-input";

// Every form renders through Form and its fields through the kit; the browser specs and axe checks assert on this markup.
describe("Form", () => {
  const errors = { fields: { name: "Enter a name" }, summary: [{ text: "Enter a name", fieldId: "name" }] };
  const render = (props: Partial<Parameters<typeof Form>[0]> = {}) =>
    renderToStaticMarkup(
      createElement(Form, { form: { errors: undefined, attempt: 0, sending: false }, onSubmit: () => undefined, submitLabel: "Save", ...props }),
    );

  it("should render a form that the browser does not validate, with its submit button", () => {
    expect(render()).toBe('<form noValidate=""><button type="submit" class="govuk-button" data-module="govuk-button">Save</button></form>');
  });

  it("should show the error summary above the form after a failed submit, linking each problem to its field", () => {
    const html = render({ form: { errors, attempt: 1, sending: false } });
    expect(html.indexOf("govuk-error-summary")).toBeLessThan(html.indexOf("<form"));
    expect(html).toContain('<a href="#name">Enter a name</a>');
    expect(render({ form: { errors, attempt: 1, sending: false }, errorSummary: false })).not.toContain("govuk-error-summary");
  });

  it("should disable the button while sending, and put Cancel beside a warning button", () => {
    expect(render({ form: { errors: undefined, attempt: 0, sending: true } })).toContain("disabled");
    expect(render({ warning: true, onCancel: () => undefined })).toBe(
      '<form noValidate=""><div class="govuk-button-group">' +
        '<button type="submit" class="govuk-button govuk-button--warning" data-module="govuk-button">Save</button>' +
        '<button type="button" class="govuk-button govuk-button--secondary" data-module="govuk-button">Cancel</button>' +
        "</div></form>",
    );
  });
});

describe("TextInput", () => {
  it("should render a hidden label, the error and a prefixed input described by the error, as a table cell's price field", () => {
    const html = renderToStaticMarkup(
      createElement(TextInput, {
        id: "price",
        label: "Weekly price",
        hideLabel: true,
        prefix: "£",
        groupClass: "govuk-!-margin-bottom-0",
        value: "12",
        onChange: () => undefined,
        error: "Enter a price",
      }),
    );
    expect(html).toBe(
      '<div class="govuk-form-group govuk-!-margin-bottom-0 govuk-form-group--error">' +
        '<label class="govuk-label govuk-visually-hidden" for="price">Weekly price</label>' +
        '<p id="price-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> Enter a price</p>' +
        '<div class="govuk-input__wrapper"><div class="govuk-input__prefix" aria-hidden="true">£</div>' +
        '<input class="govuk-input govuk-input--error" id="price" type="text" aria-describedby="price-error" name="price" value="12"/></div></div>',
    );
  });
});

describe("sendOrErrors", () => {
  const ids = { name: "org-name" };

  it("should answer nothing once sent", async () => {
    await expect(sendOrErrors(ids, async () => "sent")).resolves.toBeUndefined();
  });

  it("should put a conflict's message on the field named for it", async () => {
    const conflict = new ApiRequestError(409, { code: ErrorCode.Conflict, message: "That name is taken" });
    await expect(sendOrErrors(ids, () => Promise.reject(conflict), "name")).resolves.toEqual({
      fields: { name: "That name is taken" },
      summary: [{ text: "That name is taken", fieldId: "org-name" }],
    });
  });
});
