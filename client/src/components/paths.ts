import { generatePath } from "react-router";
import { PAGE_PATHS } from "../../../shared/src/page-paths";

export const peoplePath = (organisationId: string) => generatePath(PAGE_PATHS.people, { id: organisationId });
