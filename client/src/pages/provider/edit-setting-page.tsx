import { useState } from "react";
import { useNavigate, useParams } from "react-router";
import { type Setting, SettingUpdateSchema } from "@shared/schemas/settings";
import { updateSetting, useSetting } from "../../api/settings";
import { Loading, QueryProblem } from "../../components/query-problem";
import { ReadingColumn } from "../../components/reading-column";
import { usePageTitle } from "../../components/use-page-title";
import { isNotFound } from "../../lib/not-found-error";
import { providerSettingPath } from "../../lib/paths";
import { NotFoundPage } from "../public/not-found-page";
import { SettingForm } from "./setting-form";
import { formFromSetting, settingErrorsFromApi, settingErrorsFromZod, settingFieldsFrom, type SettingFormState } from "./setting-form-state";

export function EditSettingPage() {
  const { id = "" } = useParams();
  const setting = useSetting(id);
  if (setting.status === "loading") return <Loading what="the setting" />;
  if (setting.status === "error") {
    return isNotFound(setting.error) ? <NotFoundPage /> : <QueryProblem what="the setting" onRetry={setting.retry} />;
  }
  return <EditSetting key={setting.data.id} setting={setting.data} />;
}

function EditSetting({ setting }: { setting: Setting }) {
  const navigate = useNavigate();
  const [hasErrors, setHasErrors] = useState(false);
  usePageTitle(`Edit ${setting.name}`, { hasErrors });

  async function save(form: SettingFormState) {
    const parsed = SettingUpdateSchema.safeParse(settingFieldsFrom(form));
    if (!parsed.success) return settingErrorsFromZod(parsed.error);
    try {
      const saved = await updateSetting(setting.id, parsed.data);
      await navigate(providerSettingPath(saved.id), { state: { notice: `You saved the changes to ${saved.name}` } });
      return undefined;
    } catch (error) {
      return settingErrorsFromApi(error);
    }
  }

  return (
    <ReadingColumn backTo={providerSettingPath(setting.id)} backText={<>Back to {setting.name}</>}>
      <span className="govuk-caption-l">URN {setting.urn}</span>
      <h1 className="govuk-heading-l">Edit {setting.name}</h1>
      <SettingForm initial={formFromSetting(setting)} askUrn={false} submitLabel="Save changes" save={save} onErrorsChange={setHasErrors} />
    </ReadingColumn>
  );
}
