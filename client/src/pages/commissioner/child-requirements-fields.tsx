import { Checkboxes } from "../../components/checkboxes";
import { RadioGrid } from "../../components/radio-grid";
import { Radios } from "../../components/radios";
import { CHILD_FIELD_IDS as IDS, type ChildSectionProps } from "./child-form-state";
import {
  COMMUNICATION_NEED_OPTIONS,
  COMMUNICATION_REQUIREMENT_OPTIONS,
  COMPANION_OPTIONS,
  CULTURAL_OPTIONS,
  PET_OPTIONS,
  SUITABILITY_OPTIONS,
  SUITABILITY_ROWS,
  SUPPORT_OPTIONS,
  UNKNOWN,
  YES_NO_OPTIONS,
  YES_NO_UNKNOWN_OPTIONS,
} from "./child-options";

/** The Placements Data Standard's PlacementRequirements and PlacementRecommendation, in its own options. */
export function ChildRequirementsFields({ form, update, error }: ChildSectionProps) {
  return (
    <>
      <p className="govuk-body">In the terms of the Placements Data Standard, so a referral can be shared with other councils’ systems unchanged.</p>
      <Radios
        name={IDS["requirements.communicationNeeds"]}
        legend="Does the child have communication, language or learning needs?"
        options={COMMUNICATION_NEED_OPTIONS}
        value={form.communicationNeeds}
        onChange={(communicationNeeds) => update({ communicationNeeds })}
        error={error("requirements.communicationNeeds")}
      />
      <Checkboxes
        name={IDS["requirements.specificCommunicationRequirements"]}
        legend="Specific communication requirements"
        hint="Select all that apply, or None"
        options={COMMUNICATION_REQUIREMENT_OPTIONS}
        values={form.specificCommunicationRequirements}
        onChange={(specificCommunicationRequirements) => update({ specificCommunicationRequirements })}
        error={error("requirements.specificCommunicationRequirements")}
      />
      <Radios
        name={IDS["requirements.homeAdaptation"]}
        legend="Does the home need adapting?"
        options={YES_NO_OPTIONS}
        value={form.homeAdaptation}
        onChange={(homeAdaptation) => update({ homeAdaptation: homeAdaptation === "yes" ? "yes" : "no" })}
        error={error("requirements.homeAdaptation")}
      />
      <Radios
        name={IDS["requirements.culturalNeeds"]}
        legend="Cultural needs"
        options={CULTURAL_OPTIONS}
        value={form.culturalNeeds}
        onChange={(culturalNeeds) => update({ culturalNeeds })}
        error={error("requirements.culturalNeeds")}
      />
      <Radios
        name={IDS["requirements.livingCompanions"]}
        legend="Who can the child live alongside?"
        options={COMPANION_OPTIONS}
        value={form.livingCompanions}
        onChange={(livingCompanions) => update({ livingCompanions })}
        error={error("requirements.livingCompanions")}
      />
      <Radios
        name={IDS["requirements.pets"]}
        legend="Can the child live with pets?"
        options={PET_OPTIONS}
        value={form.pets}
        onChange={(pets) => update({ pets })}
        error={error("requirements.pets")}
      />
      <Radios
        name={IDS["requirements.additionalSupport"]}
        legend="Additional support"
        options={SUPPORT_OPTIONS}
        value={form.additionalSupport}
        onChange={(additionalSupport) => update({ additionalSupport })}
        error={error("requirements.additionalSupport")}
      />
      <Radios
        name={IDS["requirements.deprivationOfLiberty"]}
        legend="Is there a Deprivation of Liberty order?"
        options={YES_NO_UNKNOWN_OPTIONS}
        value={form.deprivationOfLiberty}
        onChange={(dol) => update({ deprivationOfLiberty: dol === "yes" || dol === "no" ? dol : UNKNOWN })}
        error={error("requirements.deprivationOfLiberty")}
      />
      <RadioGrid
        id="child-suitability"
        legend="How suitable is each kind of placement?"
        rows={SUITABILITY_ROWS}
        options={SUITABILITY_OPTIONS}
        values={form.recommendation}
        unanswered
        onChange={(key, value) => update({ recommendation: { ...form.recommendation, [key]: value } })}
        error={error("recommendation")}
      />
    </>
  );
}
