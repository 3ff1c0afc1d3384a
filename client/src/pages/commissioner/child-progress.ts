import { CHILD_SECTIONS, type ChildSectionId } from "@shared/schemas/child-questions";
import type { ChildProfile } from "@shared/schemas/children";

export type SectionProgress = "Not started" | "In progress" | "Completed";

/** A task's status from the questions the profile has still to answer. */
export function sectionProgress(child: Pick<ChildProfile, "unanswered">, section: (typeof CHILD_SECTIONS)[number]): SectionProgress {
  const open = section.questions.filter((q) => child.unanswered.includes(q.path)).length;
  if (open === 0) return "Completed";
  return open === section.questions.length ? "Not started" : "In progress";
}

export const sectionTitle = (id: ChildSectionId) => CHILD_SECTIONS.find((s) => s.id === id)?.title ?? id;

export const isChildSection = (value: string | undefined): value is ChildSectionId => CHILD_SECTIONS.some((s) => s.id === value);
