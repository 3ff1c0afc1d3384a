import { RoleHome } from "../../components/role-home";

export function AdminHomePage() {
  return (
    <RoleHome
      title="Regional administrator home"
      comingNext={[
        "set up the framework’s lots, price bands and terms",
        "admit providers to the framework, and suspend them",
        "open review rounds with Parent Carer Forums and answer what they said",
        "publish open data on tenders and awards",
      ]}
    />
  );
}
