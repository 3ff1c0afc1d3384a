import { PAGE_PATHS } from "../../../../shared/src/page-paths";
import { RoleHome } from "../../components/role-home";

export function CommissionerHomePage() {
  return (
    <RoleHome
      title="Commissioner home"
      links={[
        { href: PAGE_PATHS.commissionerSearch, text: "Find a setting", description: "search published settings on the framework by need, age, vacancy, distance, Ofsted grade and price band." },
      ]}
      comingNext={[
        "record a child’s needs in a pseudonymised profile, with a reference code instead of a name",
        "rank the settings that match a child’s needs",
        "post a placement request and watch offers arrive live",
        "evaluate offers, award the placement and manage it",
      ]}
    />
  );
}
