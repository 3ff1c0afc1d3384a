import type { Organisation } from "@shared/schemas/identity";
import { SummaryList } from "../../components/summary-list";
import { organisationContactPath } from "../../lib/paths";

/** The organisation's placements contact on its people page, each answer with a link to change it. */
export function ContactSummary({ organisation }: { organisation: Organisation }) {
  const change = organisationContactPath(organisation.id);
  return (
    <section aria-labelledby="contact-details-heading" className="govuk-!-margin-bottom-8">
      <h2 className="govuk-heading-m" id="contact-details-heading">
        Contact details
      </h2>
      <SummaryList
        rows={[
          { key: "Placements e-mail", value: organisation.contactEmail ?? "Not given", change: { to: change, hidden: "the placements e-mail" } },
          { key: "Placements phone", value: organisation.contactPhone ?? "Not given", change: { to: change, hidden: "the placements phone" } },
        ]}
      />
    </section>
  );
}
