import { CharacterCount } from "../../components/character-count";
import { RadioGrid } from "../../components/radio-grid";
import { CHILD_FIELD_IDS as IDS, type ChildSectionProps } from "./child-form-state";
import { RISK_OPTIONS, RISKS_TO_CHILD, RISKS_TO_OTHERS } from "./child-options";

/** Each Placements Data Standard risk, present or not, and how it is moving; settings must be able to manage current ones. */
export function ChildRisksFields({ form, update, error }: ChildSectionProps) {
  const setRisk = (code: string, trajectory: string) => update({ risks: { ...form.risks, [code]: trajectory } });
  return (
    <>
      <p className="govuk-body">Settings that cannot manage a current or escalating risk are left out of the matches.</p>
      <RadioGrid
        id="child-risks"
        legend="Risks to the child"
        rows={RISKS_TO_CHILD}
        options={RISK_OPTIONS}
        values={form.risks}
        unanswered
        onChange={setRisk}
        error={error("riskAnswers") ?? error("risks")}
      />
      <CharacterCount
        id={IDS.riskOther}
        label="Any other risk to the child (optional)"
        hint="Do not include names or dates"
        maxLength={500}
        value={form.riskOther}
        onChange={(riskOther) => update({ riskOther })}
        error={error("riskOther")}
      />
      <RadioGrid
        id="child-risks-others"
        legend="Risks to others or property"
        rows={RISKS_TO_OTHERS}
        options={RISK_OPTIONS}
        values={form.risks}
        unanswered
        onChange={setRisk}
      />
      <CharacterCount
        id={IDS.riskToOthersOther}
        label="Any other risk to others (optional)"
        hint="Do not include names or dates"
        maxLength={500}
        value={form.riskToOthersOther}
        onChange={(riskToOthersOther) => update({ riskToOthersOther })}
        error={error("riskToOthersOther")}
      />
    </>
  );
}
