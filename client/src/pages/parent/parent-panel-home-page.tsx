import { PAGE_PATHS } from "@shared/page-paths";
import { RoleHome, type RoleHomeLink } from "../../components/role-home";
import { RoundChanges } from "./round-changes";

const LINKS: RoleHomeLink[] = [
  {
    href: PAGE_PATHS.parentGiveFeedback,
    text: "Give feedback on a setting",
    description: "rate a school, home or college families you know have used, and say why.",
  },
  {
    href: PAGE_PATHS.parentReviewRounds,
    text: "Review rounds",
    description: "comment on, vote on and rate the framework’s service specifications and quality criteria with your forum.",
  },
  {
    href: PAGE_PATHS.parentYourFeedback,
    text: "Your feedback",
    description: "see whether the regional hub has checked your feedback, and why if it could not use it.",
  },
  {
    href: PAGE_PATHS.publicReviewSummaries,
    text: "You said, we did",
    description: "read what forums said in closed review rounds and what the regional hub did about it.",
  },
];

export function ParentPanelHomePage() {
  return (
    <RoleHome title="Parent carer panel home" links={LINKS} comingNext={[]}>
      <RoundChanges />
    </RoleHome>
  );
}
