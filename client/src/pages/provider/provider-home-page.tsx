import { RoleHome } from "../../components/role-home";

export function ProviderHomePage() {
  return (
    <RoleHome
      title="Provider home"
      comingNext={[
        "keep your settings and their vacancies up to date",
        "see the placement requests you are invited to",
        "respond with offers in real time, and ask clarification questions",
      ]}
    />
  );
}
