import { RoleHome } from "../../components/role-home";

export function CommissionerHomePage() {
  return (
    <RoleHome
      title="Commissioner home"
      comingNext={[
        "record a child’s needs in a pseudonymised profile, with a reference code instead of a name",
        "find settings on the framework that match the child’s needs",
        "post a placement request and watch offers arrive live",
        "evaluate offers, award the placement and manage it",
      ]}
    />
  );
}
