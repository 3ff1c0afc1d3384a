import { PAGE_PATHS } from "../../../../shared/src/page-paths";
import { RoleHome } from "../../components/role-home";

export function ParentPanelHomePage() {
  return (
    <RoleHome
      title="Parent carer panel home"
      links={[
        { href: PAGE_PATHS.parentGiveFeedback, text: "Give feedback on a setting", description: "rate a school, home or college families you know have used, and say why." },
        { href: PAGE_PATHS.parentReviewRounds, text: "Review rounds", description: "comment on, vote on and rate the framework’s service specifications and quality criteria with your forum." },
        { href: PAGE_PATHS.parentYourFeedback, text: "Your feedback", description: "see whether the regional hub has checked your feedback, and why if it could not use it." },
      ]}
      comingNext={[
        "see what changed as a result (“you said, we did”)",
      ]}
    />
  );
}
