import { useState } from "react";
import { Link } from "react-router";
import { PAGE_PATHS } from "@shared/page-paths";
import type { Setting } from "@shared/schemas/settings";
import { useMe } from "../../api/session";
import { useOrganisationSettings } from "../../api/settings";
import { ErrorSummary } from "../../components/error-summary";
import type { FormErrors } from "../../components/form-errors";
import { SuccessBanner } from "../../components/notification-banner";
import { Loading, QueryProblem } from "../../components/query-problem";
import { ageRange, needsLabel, SettingStatusTag, vacanciesLabel } from "../../components/setting-labels";
import { SummaryCard, SummaryList } from "../../components/summary-list";
import { usePageTitle } from "../../components/use-page-title";
import { providerSettingPath } from "../../lib/paths";
import { VacanciesForm } from "./vacancies-form";

interface VacancyProblem {
  settingId: string;
  errors: FormErrors<"vacancies">;
  attempt: number;
}

/** A provider's settings, in any status, each with the quick vacancies form. */
export function SettingsPage() {
  const me = useMe();
  const settings = useOrganisationSettings(me.organisation?.id ?? "");
  const [problem, setProblem] = useState<VacancyProblem>();
  const [notice, setNotice] = useState<string>();
  usePageTitle("Your settings", { hasErrors: Boolean(problem) });

  async function updated(setting: Setting) {
    await settings.reload();
    setProblem(undefined);
    setNotice(`${setting.name} now has ${setting.vacancies} ${setting.vacancies === 1 ? "vacancy" : "vacancies"}`);
  }

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {problem ? <ErrorSummary key={problem.attempt} errors={problem.errors.summary} /> : null}
        {notice && !problem ? <SuccessBanner key={notice} title={notice} /> : null}
        {me.organisation ? <span className="govuk-caption-l">{me.organisation.name}</span> : null}
        <h1 className="govuk-heading-l">Your settings</h1>
        <p className="govuk-body">Keep vacancies current: commissioners see when you last confirmed them. Confirm the number even when it has not changed.</p>
        {me.user.orgAdmin ? (
          <div className="govuk-button-group">
            <Link className="govuk-button" data-module="govuk-button" to={PAGE_PATHS.providerSettingNew}>
              Add a setting
            </Link>
            <Link className="govuk-link" to={PAGE_PATHS.providerSettingClaim}>
              Claim a setting by URN
            </Link>
          </div>
        ) : null}
        {settings.status === "loading" ? <Loading what="your settings" /> : null}
        {settings.status === "error" ? <QueryProblem what="your settings" onRetry={settings.retry} /> : null}
        {settings.status === "success" && settings.data.length === 0 ? (
          <p className="govuk-body">You have no settings yet. Add one, or claim one imported from Get Information About Schools.</p>
        ) : null}
        {settings.status === "success"
          ? settings.data.map((setting) => (
              <SummaryCard
                key={setting.id}
                title={
                  <Link className="govuk-link" to={providerSettingPath(setting.id)}>
                    {setting.name}
                  </Link>
                }
                aside={<SettingStatusTag status={setting.status} />}
              >
                <SummaryList
                  rows={[
                    { key: "URN", value: setting.urn },
                    { key: "Ages", value: ageRange(setting.ageLow, setting.ageHigh) },
                    { key: "Needs", value: needsLabel(setting.needs) },
                    { key: "Vacancies", value: vacanciesLabel(setting.vacancies, setting.vacanciesConfirmedAt) },
                  ]}
                />
                <VacanciesForm
                  setting={setting}
                  error={problem?.settingId === setting.id ? problem.errors.fields.vacancies : undefined}
                  onUpdated={updated}
                  onFailed={(errors) => {
                    setNotice(undefined);
                    setProblem((prev) => ({ settingId: setting.id, errors, attempt: (prev?.attempt ?? 0) + 1 }));
                  }}
                />
              </SummaryCard>
            ))
          : null}
      </div>
    </div>
  );
}
