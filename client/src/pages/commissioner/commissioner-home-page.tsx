import { PAGE_PATHS } from "../../../../shared/src/page-paths";
import { RoleHome } from "../../components/role-home";

export function CommissionerHomePage() {
  return (
    <RoleHome
      title="Commissioner home"
      links={[
        { href: PAGE_PATHS.commissionerChildren, text: "Children", description: "record a child’s needs in a pseudonymised profile, find the settings that match it with the reasons for each score, and shortlist them." },
        { href: PAGE_PATHS.commissionerSearch, text: "Find a setting", description: "search published settings on the framework by need, age, vacancy, distance, Ofsted grade and price band." },
      ]}
      comingNext={[
        "post a placement request and watch offers arrive live",
        "evaluate offers, award the placement and manage it",
      ]}
    />
  );
}
