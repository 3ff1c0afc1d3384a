import type { ChildSectionId } from "@shared/schemas/child-questions";
import { ChildAboutFields } from "./child-about-fields";
import type { ChildSectionProps } from "./child-form-state";
import { ChildNeedsFields } from "./child-needs-fields";
import { ChildPlacementFields } from "./child-placement-fields";
import { ChildRequirementsFields } from "./child-requirements-fields";
import { ChildRisksFields } from "./child-risks-fields";

/** One question page's fields: a topic of the profile, as the task list names it. */
export function ChildSectionFields({
  section,
  preferredSettingName,
  ...props
}: ChildSectionProps & { section: ChildSectionId; preferredSettingName?: string | null }) {
  switch (section) {
    case "about":
      return <ChildAboutFields {...props} />;
    case "needs":
      return <ChildNeedsFields {...props} />;
    case "placement":
      return <ChildPlacementFields {...props} preferredSettingName={preferredSettingName} />;
    case "requirements":
      return <ChildRequirementsFields {...props} />;
    case "risks":
      return <ChildRisksFields {...props} />;
  }
}
