import { RoleHome } from "../../components/role-home";

export function ParentPanelHomePage() {
  return (
    <RoleHome
      title="Parent carer panel home"
      comingNext={[
        "review the framework’s service specifications and quality criteria",
        "comment, rate and vote on them",
        "see what changed as a result (“you said, we did”)",
      ]}
    />
  );
}
