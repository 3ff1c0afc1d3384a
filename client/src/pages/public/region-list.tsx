import { useRegions } from "../../api/regions";
import { RegionSection } from "./region-section";

export function RegionList() {
  const regions = useRegions();

  if (regions.status === "loading") {
    return (
      <p className="govuk-body" role="status">
        Loading regions…
      </p>
    );
  }

  if (regions.status === "error") {
    return (
      <div role="alert">
        <h3 className="govuk-heading-m">Sorry, we cannot show the regions at the moment</h3>
        <p className="govuk-body">There is a problem with the service. Try again later.</p>
        <button type="button" className="govuk-button govuk-button--secondary" onClick={regions.retry}>
          Try again
        </button>
      </div>
    );
  }

  if (regions.data.length === 0) {
    return <p className="govuk-body">No regions have joined yet.</p>;
  }

  return (
    <>
      {regions.data.map((region) => (
        <RegionSection key={region.id} region={region} />
      ))}
    </>
  );
}
