import { Link } from "react-router";
import { ORGANISATION_KINDS, type OrganisationKind } from "@shared/codes/organisation-kinds";
import type { Organisation } from "@shared/schemas/identity";
import { Table } from "../../components/table";
import { peoplePath } from "../../lib/paths";

const KIND_HEADINGS: Record<OrganisationKind, string> = {
  regional_hub: "Regional commissioning hub",
  council: "Councils",
  provider: "Providers",
  parent_forum: "Parent Carer Forums",
};

/** Councils and forums are known by their local authority code; providers by their company number. */
const hasLaCode = (kind: OrganisationKind) => kind === "council" || kind === "parent_forum";

/** `managesPeople`: the hub's administrators get a link to each organisation's people; other hub members do not manage people. */
export function OrganisationTables({ organisations, managesPeople }: { organisations: Organisation[]; managesPeople: boolean }) {
  return (
    <>
      {ORGANISATION_KINDS.map((kind) => {
        const ours = organisations.filter((o) => o.kind === kind).sort((a, b) => a.name.localeCompare(b.name, "en-GB"));
        if (ours.length === 0) return null;
        const code = kind === "regional_hub" ? [] : [hasLaCode(kind) ? "Local authority code" : "Companies House number"];
        return (
          <Table
            key={kind}
            className="govuk-!-margin-bottom-9"
            caption={`${KIND_HEADINGS[kind]} (${ours.length})`}
            captionSize="m"
            columns={["Name", ...code, ...(managesPeople ? [{ text: "People", hidden: true }] : [])]}
            rows={ours.map((organisation) => ({
              key: organisation.id,
              header: { content: organisation.name, className: "govuk-!-font-weight-regular" },
              cells: [
                ...(kind === "regional_hub" ? [] : [(hasLaCode(kind) ? organisation.laCode : organisation.companiesHouseNumber) ?? "Not recorded"]),
                ...(managesPeople
                  ? [
                      {
                        numeric: true,
                        content: (
                          <Link className="govuk-link" to={peoplePath(organisation.id)}>
                            People<span className="govuk-visually-hidden"> at {organisation.name}</span>
                          </Link>
                        ),
                      },
                    ]
                  : []),
              ],
            }))}
          />
        );
      })}
    </>
  );
}
