import { useState } from "react";
import { Link, useLocation, useParams } from "react-router";
import { PAGE_PATHS } from "@shared/page-paths";
import type { Setting } from "@shared/schemas/settings";
import { useMe } from "../../api/session";
import { useSetting } from "../../api/settings";
import { ErrorSummary } from "../../components/error-summary";
import type { FormErrors } from "../../components/form-errors";
import { SuccessBanner } from "../../components/notification-banner";
import { Loading, QueryProblem } from "../../components/query-problem";
import { ReadingColumn } from "../../components/reading-column";
import { SettingDetails } from "../../components/setting-details";
import { SettingStatusTag } from "../../components/setting-labels";
import { usePageTitle } from "../../components/use-page-title";
import { isNotFound } from "../../lib/not-found-error";
import { providerSettingEditPath } from "../../lib/paths";
import { NotFoundPage } from "../public/not-found-page";
import type { SettingField } from "./setting-form-state";
import { SettingStatusActions } from "./setting-status-actions";
import { VacanciesForm } from "./vacancies-form";

export function ProviderSettingPage() {
  const { id = "" } = useParams();
  const setting = useSetting(id);
  if (setting.status === "loading") return <Loading what="the setting" />;
  if (setting.status === "error") {
    return isNotFound(setting.error) ? <NotFoundPage /> : <QueryProblem what="the setting" onRetry={setting.retry} />;
  }
  return <SettingView setting={setting.data} reload={setting.reload} />;
}

type Problem = { kind: "publish" | "vacancies"; errors: FormErrors<string>; attempt: number };

function SettingView({ setting, reload }: { setting: Setting; reload(): Promise<void> }) {
  const me = useMe();
  const location = useLocation();
  const arrivedWith = (location.state as { notice?: string } | null)?.notice;
  const [notice, setNotice] = useState(arrivedWith);
  const [problem, setProblem] = useState<Problem>();
  usePageTitle(setting.name, { hasErrors: Boolean(problem) });

  const fail = (kind: Problem["kind"]) => (errors: FormErrors<string>) => {
    setNotice(undefined);
    setProblem((prev) => ({ kind, errors, attempt: (prev?.attempt ?? 0) + 1 }));
  };
  const done = async (message: string) => {
    await reload();
    setProblem(undefined);
    setNotice(message);
  };

  return (
    <ReadingColumn backTo={PAGE_PATHS.providerSettings} backText="Back to your settings">
      {problem?.kind === "publish" ? (
        <>
          <ErrorSummary key={problem.attempt} errors={problem.errors.summary.map(({ text }) => ({ text }))} />
          <p className="govuk-body">
            <Link className="govuk-link" to={providerSettingEditPath(setting.id)}>
              Complete the setting
            </Link>{" "}
            and then publish it.
          </p>
        </>
      ) : null}
      {problem?.kind === "vacancies" ? <ErrorSummary key={problem.attempt} errors={problem.errors.summary} /> : null}
      {notice && !problem ? <SuccessBanner key={notice} title={notice} /> : null}
      <span className="govuk-caption-l">URN {setting.urn}</span>
      <h1 className="govuk-heading-l">{setting.name}</h1>
      <p className="govuk-body">
        <SettingStatusTag status={setting.status} />
      </p>
      {me.user.orgAdmin ? (
        <SettingStatusActions
          setting={setting}
          onChanged={(_, message) => done(message)}
          onFailed={(errors: FormErrors<SettingField>) => fail("publish")(errors)}
        />
      ) : null}
      <h2 className="govuk-heading-m">Vacancies</h2>
      <VacanciesForm
        setting={setting}
        error={problem?.kind === "vacancies" ? problem.errors.fields.vacancies : undefined}
        onUpdated={(updated) => done(`${updated.name} now has ${updated.vacancies} ${updated.vacancies === 1 ? "vacancy" : "vacancies"}`)}
        onFailed={fail("vacancies")}
      />
      <div className="govuk-!-margin-top-6">
        <SettingDetails setting={setting} />
      </div>
    </ReadingColumn>
  );
}
