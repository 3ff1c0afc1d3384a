import { PAGE_PATHS } from "@shared/page-paths";
import { RoleHome, type RoleHomeLink } from "../../components/role-home";

const LINKS: RoleHomeLink[] = [
  {
    href: PAGE_PATHS.adminFramework,
    text: "Framework",
    description: "set each lot’s price band ceilings, publish versions of the terms, and open admission rounds.",
  },
  { href: PAGE_PATHS.adminApplications, text: "Applications", description: "admit providers to lots, reject or suspend them, with reasons they will see." },
  {
    href: PAGE_PATHS.adminClaims,
    text: "Setting claims",
    description: "approve or reject providers’ claims on settings imported from Get Information About Schools.",
  },
  {
    href: PAGE_PATHS.adminSettingFeedback,
    text: "Feedback to check",
    description: "approve or reject parent carer panel members’ feedback on settings before it counts.",
  },
  {
    href: PAGE_PATHS.adminReviewRounds,
    text: "Review rounds",
    description: "see what Parent Carer Forums say about the framework, hide comments that break the rules, and answer them by theme.",
  },
  {
    href: PAGE_PATHS.insights,
    text: "Placement insights",
    description: "see what the region’s placements have in common, compare groups of them, set what counts as high risk, and publish a summary for everyone.",
  },
];

export function AdminHomePage() {
  return <RoleHome title="Regional administrator home" links={LINKS} comingNext={["publish open data on tenders and awards"]} />;
}
