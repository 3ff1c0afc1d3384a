import { useState } from "react";
import { Link } from "react-router";
import type { Setting } from "@shared/schemas/settings";
import { updateSettingStatus } from "../../api/settings";
import type { FormErrors } from "../../components/form-errors";
import { providerSettingEditPath } from "../../lib/paths";
import { settingErrorsFromApi, type SettingField } from "./setting-form-state";

interface SettingStatusActionsProps {
  setting: Setting;
  onChanged(setting: Setting, message: string): Promise<void>;
  /** Publishing an incomplete setting: the API names what is missing. */
  onFailed(errors: FormErrors<SettingField>): void;
}

/** Publish (commissioners can then find it) or move back to draft. Only the hub suspends or reinstates. */
export function SettingStatusActions({ setting, onChanged, onFailed }: SettingStatusActionsProps) {
  const [sending, setSending] = useState(false);

  async function change(status: "draft" | "published") {
    if (sending) return;
    setSending(true);
    try {
      const updated = await updateSettingStatus(setting.id, { status });
      await onChanged(
        updated,
        status === "published"
          ? `${updated.name} is published: commissioners can now find it`
          : `${updated.name} is back in draft: commissioners cannot find it`,
      );
    } catch (error) {
      onFailed(settingErrorsFromApi(error));
    } finally {
      setSending(false);
    }
  }

  if (setting.status === "suspended") {
    return (
      <div className="govuk-inset-text">
        The regional hub suspended this setting{setting.statusReason ? `: ${setting.statusReason}` : ""}. Commissioners cannot find it. Contact the hub to have
        it reinstated.
      </div>
    );
  }
  return (
    <div className="govuk-button-group">
      {setting.status === "draft" ? (
        <button type="button" className="govuk-button" data-module="govuk-button" disabled={sending} onClick={() => change("published")}>
          Publish
        </button>
      ) : (
        <button type="button" className="govuk-button govuk-button--secondary" data-module="govuk-button" disabled={sending} onClick={() => change("draft")}>
          Move back to draft
        </button>
      )}
      <Link className="govuk-link" to={providerSettingEditPath(setting.id)}>
        Edit the setting
      </Link>
    </div>
  );
}
