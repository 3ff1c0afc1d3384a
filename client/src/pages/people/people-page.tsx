import { useState } from "react";
import { useLocation, useParams } from "react-router";
import { ErrorCode } from "@shared/errors";
import type { Me, Member } from "@shared/schemas/identity";
import { ApiRequestError } from "../../api/http";
import { type OrganisationPeople, useOrganisationPeople } from "../../api/people";
import { useMe } from "../../api/session";
import { Loading, QueryProblem } from "../../components/query-problem";
import { usePageTitle } from "../../components/use-page-title";
import { ForbiddenPage } from "../public/forbidden-page";
import { NotFoundPage } from "../public/not-found-page";
import { PeopleOverview } from "./people-overview";
import { RemoveMemberConfirmation } from "./remove-member-confirmation";

/** The organisation’s own administrators, and the hub’s, manage its people (the server checks too). */
const canManagePeople = (me: Me, organisationId: string) => me.user.orgAdmin && (me.user.role === "regional_admin" || me.organisation?.id === organisationId);

export function PeoplePage() {
  const me = useMe();
  const { id = "" } = useParams();
  if (!canManagePeople(me, id)) return <ForbiddenPage me={me} />;
  return <ManagePeople key={id} organisationId={id} me={me} />;
}

function ManagePeople({ organisationId, me }: { organisationId: string; me: Me }) {
  const people = useOrganisationPeople(organisationId);
  const [removing, setRemoving] = useState<Member>();
  // A page that sent the person back here (the contact details) says what they did.
  const location = useLocation();
  const [notice, setNotice] = useState<string | undefined>(() => (location.state as { notice?: string } | null)?.notice);

  if (people.status === "loading") return <PeopleLoading />;
  if (people.status === "error") {
    const { error } = people;
    if (error instanceof ApiRequestError) {
      if (error.error.code === ErrorCode.Forbidden) return <ForbiddenPage me={me} />;
      if (error.error.code === ErrorCode.NotFound || error.error.code === ErrorCode.ValidationError) return <NotFoundPage />;
    }
    return <QueryProblem what="this organisation’s people" onRetry={people.retry} />;
  }

  const data: OrganisationPeople = people.data;
  if (removing) {
    return (
      <RemoveMemberConfirmation
        organisation={data.organisation}
        member={removing}
        onCancel={() => setRemoving(undefined)}
        onRemoved={async () => {
          await people.reload();
          setNotice(`You removed ${removing.displayName ?? removing.email} from ${data.organisation.name}`);
          setRemoving(undefined);
        }}
      />
    );
  }
  return (
    <PeopleOverview
      me={me}
      people={data}
      notice={notice}
      onNotice={setNotice}
      onChanged={people.reload}
      onRemove={(member) => {
        setNotice(undefined);
        setRemoving(member);
      }}
    />
  );
}

function PeopleLoading() {
  usePageTitle("People");
  return <Loading what="people" />;
}
