import { Link } from "react-router";
import { ORGANISATION_KINDS, type OrganisationKind } from "../../../../shared/src/codes/organisation-kinds";
import type { Organisation } from "../../../../shared/src/schemas/identity";
import { peoplePath } from "../../components/paths";

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
        return (
          <table key={kind} className="govuk-table govuk-!-margin-bottom-9">
            <caption className="govuk-table__caption govuk-table__caption--m">
              {KIND_HEADINGS[kind]} ({ours.length})
            </caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">Name</th>
                {kind === "regional_hub" ? null : (
                  <th scope="col" className="govuk-table__header">
                    {hasLaCode(kind) ? "Local authority code" : "Companies House number"}
                  </th>
                )}
                {managesPeople ? (
                  <th scope="col" className="govuk-table__header">
                    <span className="govuk-visually-hidden">People</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {ours.map((organisation) => (
                <tr key={organisation.id} className="govuk-table__row">
                  <th scope="row" className="govuk-table__header govuk-!-font-weight-regular">{organisation.name}</th>
                  {kind === "regional_hub" ? null : (
                    <td className="govuk-table__cell">
                      {(hasLaCode(kind) ? organisation.laCode : organisation.companiesHouseNumber) ?? "Not recorded"}
                    </td>
                  )}
                  {managesPeople ? (
                    <td className="govuk-table__cell govuk-table__cell--numeric">
                      <Link className="govuk-link" to={peoplePath(organisation.id)}>
                        People<span className="govuk-visually-hidden"> at {organisation.name}</span>
                      </Link>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        );
      })}
    </>
  );
}
