import { useState } from "react";
import { LOTS } from "@shared/codes/lots";
import { type HighRiskRules, HighRiskRulesSchema } from "@shared/insights/high-risk";
import { saveHighRiskDefinition, useHighRiskDefinition } from "../../api/insights";
import { useMe } from "../../api/session";
import { Checkboxes } from "../../components/checkboxes";
import { Form } from "../../components/form";
import { collectErrors, sendOrErrors } from "../../components/form-errors";
import { SuccessBanner } from "../../components/notification-banner";
import { QueryView } from "../../components/query-view";
import { Radios } from "../../components/radios";
import { SummaryList } from "../../components/summary-list";
import { TextInput } from "../../components/text-input";
import { useFormSubmit } from "../../components/use-form-submit";
import { usePageTitle } from "../../components/use-page-title";
import { formatDateTime } from "../../lib/format-date";
import { InsightsSubnav } from "./insights-subnav";

const FIELD_IDS = {
  minPresentRisks: "min-present-risks",
  deprivationOfLiberty: "deprivation-of-liberty",
  feeAboveHighestCeiling: "fee-above-ceiling",
  lots: "high-risk-lots",
} as const;

const YES_NO = [
  { value: "yes", label: "Yes" },
  { value: "no", label: "No" },
];
const LOT_OPTIONS = LOTS.map((lot) => ({ value: String(lot.number), label: `Lot ${lot.number}: ${lot.name}` }));
const yesNo = (value: boolean) => (value ? "Yes" : "No");

/** The rules in words, as the figures and each placement's page apply them. */
function rulesRows(rules: HighRiskRules) {
  return [
    {
      key: "Current or escalating risks",
      value: rules.minPresentRisks === null ? "Not a rule" : `${rules.minPresentRisks} or more risks make a placement high risk`,
    },
    { key: "A deprivation of liberty requirement", value: yesNo(rules.deprivationOfLiberty) },
    { key: "A weekly fee above the highest band ceiling of its lot", value: yesNo(rules.feeAboveHighestCeiling) },
    { key: "Every placement in these lots", value: rules.lots.length === 0 ? "None" : rules.lots.map((n) => `Lot ${n}`).join(", ") },
  ];
}

/** What makes a placement high risk in the region: any rule that holds. The hub's administrators change it; everyone else reads it. */
export function HighRiskDefinitionPage() {
  const me = useMe();
  const definition = useHighRiskDefinition();
  const [saved, setSaved] = useState(false);
  usePageTitle("What counts as a high-risk placement");
  const canEdit = me.user.role === "regional_admin" && me.user.orgAdmin;

  return (
    <>
      {saved ? <SuccessBanner title="The definition is saved. The figures follow it within a minute." /> : null}
      <span className="govuk-caption-l">{me.organisation?.name}</span>
      <h1 className="govuk-heading-l">What counts as a high-risk placement</h1>
      <InsightsSubnav />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <p className="govuk-body">A placement is high risk when any of these rules holds. Each placement’s page shows which rules made it high risk.</p>
          <QueryView query={definition} what="the definition">
            {(current) => (
              <>
                <SummaryList rows={rulesRows(current.rules)} />
                <p className="govuk-body">
                  {current.updatedAt ? `Last changed on ${formatDateTime(current.updatedAt)}.` : "This is the default definition: the hub has not changed it."}
                </p>
                {canEdit ? (
                  <DefinitionForm
                    key={current.updatedAt}
                    rules={current.rules}
                    onSaved={async () => {
                      await definition.reload();
                      setSaved(true);
                    }}
                  />
                ) : (
                  <p className="govuk-body">Only the regional hub’s administrators can change the definition.</p>
                )}
              </>
            )}
          </QueryView>
        </div>
      </div>
    </>
  );
}

function DefinitionForm({ rules, onSaved }: { rules: HighRiskRules; onSaved(): Promise<void> }) {
  const [minRisks, setMinRisks] = useState(rules.minPresentRisks === null ? "" : String(rules.minPresentRisks));
  const [dol, setDol] = useState(rules.deprivationOfLiberty ? "yes" : "no");
  const [fee, setFee] = useState(rules.feeAboveHighestCeiling ? "yes" : "no");
  const [lots, setLots] = useState(rules.lots.map(String));
  const form = useFormSubmit(async () => {
    const trimmed = minRisks.trim();
    if (trimmed !== "" && !/^\d+$/.test(trimmed)) {
      return collectErrors(FIELD_IDS, [{ field: "minPresentRisks", message: "Enter a whole number of risks from 1 to 11, or leave it empty" }]);
    }
    const parsed = HighRiskRulesSchema.safeParse({
      minPresentRisks: trimmed === "" ? null : Number(trimmed),
      deprivationOfLiberty: dol === "yes",
      feeAboveHighestCeiling: fee === "yes",
      lots: lots.map(Number),
    });
    if (!parsed.success) {
      const issues = parsed.error.issues.map((issue) => ({ field: String(issue.path[0] ?? ""), message: issue.message }));
      return collectErrors(FIELD_IDS, issues);
    }
    return sendOrErrors(FIELD_IDS, async () => {
      await saveHighRiskDefinition(parsed.data);
      await onSaved();
    });
  });

  return (
    <>
      <h2 className="govuk-heading-m">Change the definition</h2>
      <Form form={form} onSubmit={(event) => form.submit(event)} submitLabel="Save the definition">
        <TextInput
          id={FIELD_IDS.minPresentRisks}
          label="How many current or escalating risks make a placement high risk?"
          labelSize="s"
          hint="Risks of the Placements Data Standard, from 1 to 11. Leave it empty to turn this rule off."
          value={minRisks}
          onChange={setMinRisks}
          error={form.errors?.fields.minPresentRisks}
          widthClass="govuk-input--width-2"
          inputMode="numeric"
        />
        <Radios
          name={FIELD_IDS.deprivationOfLiberty}
          legend="Does a deprivation of liberty requirement make a placement high risk?"
          options={YES_NO}
          value={dol}
          onChange={setDol}
          error={form.errors?.fields.deprivationOfLiberty}
        />
        <Radios
          name={FIELD_IDS.feeAboveHighestCeiling}
          legend="Does a weekly fee above the highest band ceiling of its lot make a placement high risk?"
          options={YES_NO}
          value={fee}
          onChange={setFee}
          error={form.errors?.fields.feeAboveHighestCeiling}
        />
        <Checkboxes
          name={FIELD_IDS.lots}
          legend="Is every placement in any of these lots high risk?"
          hint="Select all that apply, or none"
          options={LOT_OPTIONS}
          values={lots}
          onChange={setLots}
          error={form.errors?.fields.lots}
        />
      </Form>
    </>
  );
}
