import { useLocation, useSearchParams } from "react-router";
import { useDirectorySettings } from "../../api/open-data";
import { Loading, QueryProblem } from "../../components/query-problem";
import { ChooseSetting } from "./choose-setting";
import { FeedbackSent } from "./feedback-sent";
import { SettingFeedbackForm } from "./setting-feedback-form";

/**
 * A panel member picks a setting they know from the public directory, then rates it and says
 * why. The chosen setting is in the address (?setting=), so the browser's back button works.
 */
export function GiveFeedbackPage() {
  const settings = useDirectorySettings();
  const [searchParams, setSearchParams] = useSearchParams();
  // The confirmation lives in the history entry, so following a link back here shows a new form.
  const sentFor = (useLocation().state as { sentFor?: string } | null)?.sentFor;
  const settingId = searchParams.get("setting");

  if (sentFor !== undefined) return <FeedbackSent settingName={sentFor} onAnother={() => setSearchParams({})} />;
  if (settings.status === "loading") return <Loading what="the settings" />;
  if (settings.status === "error") return <QueryProblem what="the settings" onRetry={settings.retry} />;

  const setting = settingId ? settings.data.find((s) => s.id === settingId) : undefined;
  if (!setting) return <ChooseSetting settings={settings.data} onChoose={(id) => setSearchParams({ setting: id })} />;
  return <SettingFeedbackForm key={setting.id} setting={setting} onSent={() => setSearchParams({}, { replace: true, state: { sentFor: setting.name } })} />;
}
