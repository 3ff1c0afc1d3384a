import { useState } from "react";
import { Link, useNavigate } from "react-router";
import { PAGE_PATHS } from "@shared/page-paths";
import { SettingCreateSchema } from "@shared/schemas/settings";
import { createSetting } from "../../api/settings";
import { ReadingColumn } from "../../components/reading-column";
import { usePageTitle } from "../../components/use-page-title";
import { providerSettingPath } from "../../lib/paths";
import { SettingForm } from "./setting-form";
import { EMPTY_SETTING_FORM, settingErrorsFromApi, settingErrorsFromZod, settingFieldsFrom, type SettingFormState } from "./setting-form-state";

export function AddSettingPage() {
  const navigate = useNavigate();
  const [hasErrors, setHasErrors] = useState(false);
  usePageTitle("Add a setting", { hasErrors });

  async function save(form: SettingFormState) {
    const parsed = SettingCreateSchema.safeParse({ urn: form.urn, ...settingFieldsFrom(form) });
    if (!parsed.success) return settingErrorsFromZod(parsed.error);
    try {
      const setting = await createSetting(parsed.data);
      await navigate(providerSettingPath(setting.id), { state: { notice: `You added ${setting.name}. It is a draft until you publish it.` } });
      return undefined;
    } catch (error) {
      // A URN already on the service: its message says whether to claim it instead.
      return settingErrorsFromApi(error, "urn");
    }
  }

  return (
    <ReadingColumn backTo={PAGE_PATHS.providerSettings} backText="Back to your settings">
      <h1 className="govuk-heading-l">Add a setting</h1>
      <p className="govuk-body">
        You can save a draft with only the details, ages and address, and finish the rest later. If the setting was imported from Get Information About Schools,{" "}
        <Link className="govuk-link" to={PAGE_PATHS.providerSettingClaim}>
          claim it by its URN
        </Link>{" "}
        instead.
      </p>
      <SettingForm initial={EMPTY_SETTING_FORM} askUrn submitLabel="Save as draft" save={save} onErrorsChange={setHasErrors} />
    </ReadingColumn>
  );
}
