import { Link, useLocation, useParams } from "react-router";
import { PAGE_PATHS } from "@shared/page-paths";
import type { Setting } from "@shared/schemas/settings";
import { useSetting } from "../../api/settings";
import { QueryView } from "../../components/query-view";
import { SettingDetails } from "../../components/setting-details";
import { vacanciesLabel } from "../../components/setting-labels";
import { usePageTitle } from "../../components/use-page-title";
import { NotFoundPage } from "../public/not-found-page";
import { SettingFeedbackSummary } from "./setting-feedback-summary";

/** A published setting as a commissioner sees it: read-only, everything needed to judge a placement. */
export function CommissionerSettingPage() {
  const { id = "" } = useParams();
  const setting = useSetting(id);
  return (
    <QueryView query={setting} what="the setting" notFound={<NotFoundPage />}>
      {(data) => <SettingView setting={data} />}
    </QueryView>
  );
}

function SettingView({ setting }: { setting: Setting }) {
  usePageTitle(setting.name);
  const search = (useLocation().state as { search?: string } | null)?.search ?? "";
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link className="govuk-back-link" to={`${PAGE_PATHS.commissionerSearch}${search}`}>
          Back to the search
        </Link>
        <span className="govuk-caption-l">{setting.organisationName}</span>
        <h1 className="govuk-heading-l">{setting.name}</h1>
        <div className="govuk-inset-text">{vacanciesLabel(setting.vacancies, setting.vacanciesConfirmedAt)}</div>
        <SettingDetails setting={setting} />
        <SettingFeedbackSummary settingId={setting.id} />
      </div>
    </div>
  );
}
