import { usePageTitle } from "../../components/use-page-title";
import { RegionList } from "./region-list";

export function HomePage() {
  usePageTitle("Find and buy SEND placements");

  return (
    <>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-xl">Find and buy SEND placements</h1>
          <p className="govuk-body-l">
            Placement Exchange is where councils in a region buy placements for children and young people with special educational needs and disabilities
            (SEND), from providers on their regional framework.
          </p>
          <h2 className="govuk-heading-m">Who it is for</h2>
          <ul className="govuk-list govuk-list--bullet">
            <li>
              <strong>Commissioners in councils</strong> find settings that can meet a child’s needs and buy a placement through a live mini-competition.
            </li>
            <li>
              <strong>Providers</strong>, such as independent and non-maintained special schools, children’s homes and specialist colleges, respond to placement
              requests with offers in real time.
            </li>
            <li>
              <strong>Parent Carer Forums</strong> co-produce the framework: they review its service specifications and quality criteria, and see what changed
              as a result.
            </li>
          </ul>
          <div className="govuk-inset-text">
            No child is ever named here. Councils describe a child’s needs in a pseudonymised profile with a reference code, and providers see only what they
            need to make an offer.
          </div>
        </div>
      </div>
      <h2 className="govuk-heading-l">Regions using Placement Exchange</h2>
      <RegionList />
    </>
  );
}
