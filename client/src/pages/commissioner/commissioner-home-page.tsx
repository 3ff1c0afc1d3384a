import { PAGE_PATHS } from "@shared/page-paths";
import { RoleHome, type RoleHomeLink } from "../../components/role-home";

const LINKS: RoleHomeLink[] = [
  {
    href: PAGE_PATHS.commissionerChildren,
    text: "Children",
    description: "record a child’s needs in a pseudonymised profile, find the settings that match it with the reasons for each score, and shortlist them.",
  },
  {
    href: PAGE_PATHS.commissionerRequests,
    text: "Placement requests",
    description: "watch invited settings respond live, answer their questions, open and score the offers at the deadline, award the placement and manage it.",
  },
  {
    href: PAGE_PATHS.commissionerPlacements,
    text: "Placements",
    description: "record each placement’s baseline and reviews against the EHC plan’s outcomes, and see the distance travelled.",
  },
  {
    href: PAGE_PATHS.commissionerSearch,
    text: "Find a setting",
    description: "search published settings on the framework by need, age, vacancy, distance, Ofsted grade and price band.",
  },
  {
    href: PAGE_PATHS.insights,
    text: "Placement insights",
    description: "see the region’s figures and your own council’s: risks, fees, time to place, breakdowns and outcomes, and compare groups of placements.",
  },
];

export function CommissionerHomePage() {
  return <RoleHome title="Commissioner home" links={LINKS} comingNext={[]} />;
}
