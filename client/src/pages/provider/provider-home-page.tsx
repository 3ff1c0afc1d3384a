import { PAGE_PATHS } from "@shared/page-paths";
import { RoleHome, type RoleHomeLink } from "../../components/role-home";

const LINKS: RoleHomeLink[] = [
  {
    href: PAGE_PATHS.providerRequests,
    text: "Placement requests",
    description: "read about each child your settings are invited for, offer or decline before the deadline, ask the council questions, and see the outcome.",
  },
  {
    href: PAGE_PATHS.providerPlacements,
    text: "Placements",
    description: "read the council’s reviews of the placements your settings were awarded, and give your view of each.",
  },
  {
    href: PAGE_PATHS.providerSettings,
    text: "Your settings",
    description: "keep each setting’s details and vacancies up to date, and publish it so commissioners can find it.",
  },
  {
    href: PAGE_PATHS.providerSettingClaim,
    text: "Claim a setting by URN",
    description: "take on a setting imported from Get Information About Schools.",
    adminOnly: true,
  },
  { href: PAGE_PATHS.providerFramework, text: "Framework", description: "apply to join lots, see the hub’s decisions, and set your price for each band." },
];

export function ProviderHomePage() {
  return <RoleHome title="Provider home" links={LINKS} comingNext={[]} />;
}
