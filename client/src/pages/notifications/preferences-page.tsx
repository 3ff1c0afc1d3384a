import { useState } from "react";
import { Link } from "react-router";
import {
  NOTIFICATION_DELIVERIES,
  NOTIFICATION_DELIVERY_LABELS,
  NOTIFICATION_KIND_LABELS,
  type NotificationDelivery,
  type NotificationKind,
} from "@shared/codes/notifications";
import { PAGE_PATHS } from "@shared/page-paths";
import { saveNotificationPreferences, useNotificationPreferences } from "../../api/notifications";
import { Form } from "../../components/form";
import { sendOrErrors } from "../../components/form-errors";
import { SuccessBanner } from "../../components/notification-banner";
import { QueryView } from "../../components/query-view";
import { Radios } from "../../components/radios";
import { SummaryList } from "../../components/summary-list";
import { useFormSubmit } from "../../components/use-form-submit";
import { usePageTitle } from "../../components/use-page-title";

interface Preference {
  kind: NotificationKind;
  delivery: NotificationDelivery;
  changeable: boolean;
}

const DELIVERY_OPTIONS = NOTIFICATION_DELIVERIES.map((value) => ({ value, label: NOTIFICATION_DELIVERY_LABELS[value] }));

/** How the person is told of each kind of notification of their role; the ones that cannot wait are fixed. */
export function NotificationPreferencesPage() {
  usePageTitle("How you are told");
  const preferences = useNotificationPreferences();
  const [saved, setSaved] = useState(false);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {saved ? <SuccessBanner title="Your choices are saved." /> : null}
        <h1 className="govuk-heading-l">How you are told</h1>
        <p className="govuk-body">Everything you are told is also listed on your notifications page.</p>
        <QueryView query={preferences} what="your choices" empty={<p className="govuk-body">There is nothing for you to choose.</p>}>
          {(current) => (
            <PreferencesForm
              key={current.map((p) => p.delivery).join()}
              preferences={current}
              onSaved={async () => {
                await preferences.reload();
                setSaved(true);
              }}
            />
          )}
        </QueryView>
        <p className="govuk-body">
          <Link className="govuk-link" to={PAGE_PATHS.notifications}>
            Back to your notifications
          </Link>
        </p>
      </div>
    </div>
  );
}

function PreferencesForm({ preferences, onSaved }: { preferences: Preference[]; onSaved(): Promise<void> }) {
  const changeable = preferences.filter((p) => p.changeable);
  const fixed = preferences.filter((p) => !p.changeable);
  const [choices, setChoices] = useState<Partial<Record<NotificationKind, NotificationDelivery>>>(
    Object.fromEntries(changeable.map((p) => [p.kind, p.delivery])),
  );
  // The server names each refused entry by its place in the list sent: the same order as the radios.
  const fieldIds = Object.fromEntries(changeable.map((p, i) => [`preferences.${i}`, `delivery-${p.kind}`]));
  const form = useFormSubmit(async () =>
    sendOrErrors(fieldIds, async () => {
      await saveNotificationPreferences({ preferences: changeable.map((p) => ({ kind: p.kind, delivery: choices[p.kind] ?? p.delivery })) });
      await onSaved();
    }),
  );

  return (
    <>
      {fixed.length > 0 ? (
        <>
          <h2 className="govuk-heading-m">Always e-mailed straight away</h2>
          <p className="govuk-body">Missing these could cost a placement, so they are always e-mailed as soon as they happen.</p>
          <SummaryList rows={fixed.map((p) => ({ key: NOTIFICATION_KIND_LABELS[p.kind], value: NOTIFICATION_DELIVERY_LABELS.email }))} />
        </>
      ) : null}
      {changeable.length > 0 ? (
        <Form form={form} onSubmit={(event) => form.submit(event)} submitLabel="Save your choices">
          {changeable.map((p, i) => (
            <Radios
              key={p.kind}
              name={`delivery-${p.kind}`}
              legend={NOTIFICATION_KIND_LABELS[p.kind]}
              options={DELIVERY_OPTIONS}
              value={choices[p.kind]}
              onChange={(value) => setChoices((now) => ({ ...now, [p.kind]: value as NotificationDelivery }))}
              error={form.errors?.fields[`preferences.${i}`]}
            />
          ))}
        </Form>
      ) : null}
    </>
  );
}
