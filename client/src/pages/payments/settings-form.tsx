import { useState } from "react";
import { PERIOD_KIND_LABELS, PERIOD_KINDS } from "@shared/codes/payments";
import { formatPence, penceToPoundsInput, poundsToPence } from "@shared/money";
import { type BillingSettings, BillingSettingsSaveSchema } from "@shared/schemas/payments";
import { saveBillingSettings } from "../../api/payments";
import { Checkbox } from "../../components/checkbox";
import { DateInput, type DateParts, datePartsFrom, isoDateFrom } from "../../components/date-input";
import { Form } from "../../components/form";
import { collectErrors, sendOrErrors } from "../../components/form-errors";
import { Radios } from "../../components/radios";
import { SummaryList } from "../../components/summary-list";
import { TextInput } from "../../components/text-input";
import { useFormSubmit } from "../../components/use-form-submit";
import { formatDate } from "../../lib/format-date";
import { numberFromInput } from "../../lib/parse-number";
import { formatBasisPoints } from "./payments-format";

const FIELD_IDS = {
  periodKind: "billing-period-kind",
  anchorDate: "billing-anchor-date",
  startsOn: "billing-starts-on",
  levyBasisPoints: "billing-levy",
  cardPayments: "billing-card-payments",
  membershipEnabled: "billing-membership",
  membershipFeePence: "billing-membership-fee",
} as const;

const PERIOD_OPTIONS = PERIOD_KINDS.map((kind) => ({ value: kind, label: PERIOD_KIND_LABELS[kind] }));

interface FormState {
  periodKind: string;
  anchorDate: DateParts;
  startsOn: DateParts;
  levy: string;
  cardPayments: boolean;
  membershipEnabled: boolean;
  membershipFee: string;
}

const stateOf = (s: BillingSettings): FormState => ({
  periodKind: s.periodKind,
  anchorDate: datePartsFrom(s.anchorDate),
  startsOn: datePartsFrom(s.startsOn),
  levy: String(s.levyBasisPoints),
  cardPayments: s.cardPayments,
  membershipEnabled: s.membershipEnabled,
  membershipFee: penceToPoundsInput(s.membershipFeePence),
});

/** The body as the API takes it; what cannot be read is passed on as it is, for the schema to name. */
function bodyOf(state: FormState): Record<string, unknown> {
  const fee = state.membershipFee.trim();
  return {
    periodKind: state.periodKind,
    anchorDate: isoDateFrom(state.anchorDate) ?? undefined,
    startsOn: isoDateFrom(state.startsOn) ?? undefined,
    levyBasisPoints: numberFromInput(state.levy),
    cardPayments: state.cardPayments,
    membershipEnabled: state.membershipEnabled,
    // Pounds typed, pence sent; text that is not money reaches the schema as a string and is refused there.
    membershipFeePence: fee === "" ? 0 : (poundsToPence(fee) ?? fee),
  };
}

/** The settings as they are, for the hub's members who cannot change them. */
export function SettingsSummary({ settings }: { settings: BillingSettings }) {
  return (
    <SummaryList
      rows={[
        { key: "Billing periods", value: PERIOD_KIND_LABELS[settings.periodKind] },
        { key: "Billing starts on", value: formatDate(settings.startsOn) },
        { key: "Framework levy", value: `${settings.levyBasisPoints} basis points (${formatBasisPoints(settings.levyBasisPoints)})` },
        { key: "Card payments", value: settings.cardPayments ? "Allowed" : "Bank transfer only" },
        { key: "Provider membership", value: settings.membershipEnabled ? `${formatPence(settings.membershipFeePence)} a year` : "Off" },
      ]}
    />
  );
}

/** The region's billing: periods, when billing starts, the levy, card payments and membership. */
export function SettingsForm({ settings, onSaved }: { settings: BillingSettings; onSaved(message: string, saved: BillingSettings): Promise<void> }) {
  const [state, setState] = useState(() => stateOf(settings));
  const set =
    <K extends keyof FormState>(key: K) =>
    (value: FormState[K]) =>
      setState((prev) => ({ ...prev, [key]: value }));
  const form = useFormSubmit(async () => {
    const body = bodyOf(state);
    const parsed = BillingSettingsSaveSchema.safeParse(body);
    if (!parsed.success) {
      // The schema speaks of pence; the form asks for pounds.
      const notMoney = typeof body.membershipFeePence === "string";
      return collectErrors(
        FIELD_IDS,
        parsed.error.issues.map((issue) => {
          const field = issue.path.map(String).join(".");
          return { field, message: field === "membershipFeePence" && notMoney ? "Enter the membership fee in pounds, like 250.00" : issue.message };
        }),
      );
    }
    return sendOrErrors(FIELD_IDS, async () => {
      const saved = await saveBillingSettings(parsed.data);
      await onSaved("The billing settings are saved", saved);
    });
  });
  const levy = numberFromInput(state.levy);
  const errors = form.errors?.fields;
  return (
    <Form form={form} onSubmit={(event) => form.submit(event)} submitLabel="Save billing settings">
      <Radios
        name={FIELD_IDS.periodKind}
        legend="Billing periods"
        hint="Every placement is invoiced once for each period, pro rata by day for a part period"
        options={PERIOD_OPTIONS}
        value={state.periodKind}
        onChange={set("periodKind")}
        error={errors?.periodKind}
      />
      <DateInput
        id={FIELD_IDS.anchorDate}
        legend="First day of a 4-week period"
        hint="Only used for 4-week periods: every period starts a multiple of 28 days from it. For example, 6 4 2026"
        value={state.anchorDate}
        onChange={set("anchorDate")}
        error={errors?.anchorDate}
      />
      <DateInput
        id={FIELD_IDS.startsOn}
        legend="Billing starts on"
        hint="The first day of a period; nothing before it is invoiced"
        value={state.startsOn}
        onChange={set("startsOn")}
        error={errors?.startsOn}
      />
      <TextInput
        id={FIELD_IDS.levyBasisPoints}
        label="Framework levy, in basis points"
        labelSize="s"
        hint={`100 basis points is 1%, taken from each invoice before the provider is paid. ${
          levy !== undefined && Number.isInteger(levy) && levy >= 0 ? `${levy} basis points is ${formatBasisPoints(levy)}.` : ""
        }`}
        value={state.levy}
        onChange={set("levy")}
        error={errors?.levyBasisPoints}
        widthClass="govuk-input--width-5"
        inputMode="numeric"
      />
      <Checkbox
        id={FIELD_IDS.cardPayments}
        label="Councils may also pay by card"
        hint="Bank transfer is always offered"
        checked={state.cardPayments}
        onChange={set("cardPayments")}
      />
      <Checkbox
        id={FIELD_IDS.membershipEnabled}
        label="Providers pay an annual membership"
        checked={state.membershipEnabled}
        onChange={set("membershipEnabled")}
      />
      <TextInput
        id={FIELD_IDS.membershipFeePence}
        label="Annual membership fee, in pounds"
        labelSize="s"
        hint="Paid by card through Stripe Checkout; an unpaid membership warns the provider and the hub, and suspends no one"
        value={state.membershipFee}
        onChange={set("membershipFee")}
        error={errors?.membershipFeePence}
        widthClass="govuk-input--width-10"
        inputMode="decimal"
        prefix="£"
      />
    </Form>
  );
}
