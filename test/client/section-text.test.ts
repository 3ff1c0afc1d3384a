import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { SectionText } from "../../client/src/pages/review/section-text";

// A review round's document, as the hub types it in plain text, on the round's page.
const render = (body: string) => renderToStaticMarkup(createElement(SectionText, { body }));

describe("A review round's section text", () => {
  it("should show lines starting '- ' as a GOV.UK bulleted list between paragraphs", () => {
    expect(render("What changes:\n- Longer terms\n- Fewer forms\nThat is all.")).toBe(
      '<p class="govuk-body">What changes:</p>' +
        '<ul class="govuk-list govuk-list--bullet"><li>Longer terms</li><li>Fewer forms</li></ul>' +
        '<p class="govuk-body">That is all.</p>',
    );
  });

  it("should keep a wrapped point's next line in its point, and start a new list after a blank line", () => {
    expect(render("- A long point\n  that wraps\n* Another\n\n- Next list")).toBe(
      '<ul class="govuk-list govuk-list--bullet"><li>A long point that wraps</li><li>Another</li></ul>' +
        '<ul class="govuk-list govuk-list--bullet"><li>Next list</li></ul>',
    );
  });

  it("should show markup the hub typed as text, never as HTML", () => {
    const html = render('- <img src=x onerror="alert(1)">\n## <script>alert(2)</script>\n<b>bold</b>');
    expect(html).not.toMatch(/<img|<script|<b>/);
    expect(html).toContain("<li>&lt;img src=x onerror=&quot;alert(1)&quot;&gt;</li>");
    expect(html).toContain('<h3 class="govuk-heading-s">&lt;script&gt;alert(2)&lt;/script&gt;</h3>');
  });

  it("should leave a dash inside a sentence, or a lone dash, as text", () => {
    expect(render("Fees - weekly - are capped.\n-")).toBe('<p class="govuk-body">Fees - weekly - are capped. -</p>');
  });
});
