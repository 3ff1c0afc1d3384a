import { useState } from "react";
import { Link } from "react-router";
import type { z } from "zod";
import { InsightsPublicationInputSchema, type InsightsPublicationSchema } from "@shared/insights/contract";
import { publishInsights, useInsightsPublication } from "../../api/insights";
import { useOrganisations } from "../../api/organisations";
import { useMe } from "../../api/session";
import { Form } from "../../components/form";
import { collectErrors, sendOrErrors } from "../../components/form-errors";
import { EMPTY_MONTH_YEAR, monthYearFrom, MonthYearInput, yearMonthFrom } from "../../components/month-year-input";
import { SuccessBanner } from "../../components/notification-banner";
import { QueryView } from "../../components/query-view";
import { SummaryList } from "../../components/summary-list";
import { useFormSubmit } from "../../components/use-form-submit";
import { usePageTitle } from "../../components/use-page-title";
import { formatDateTime } from "../../lib/format-date";
import { publicInsightsPath } from "../../lib/paths";
import { periodText } from "./insights-report";
import { InsightsSubnav } from "./insights-subnav";

const FIELD_IDS = { from: "publication-from", to: "publication-to" } as const;

type Publication = z.infer<typeof InsightsPublicationSchema>;

/** The hub chooses the period of the regional summary anyone can read; the hub's administrators publish it. */
export function PublicationPage() {
  const me = useMe();
  const publication = useInsightsPublication();
  const organisations = useOrganisations();
  const [published, setPublished] = useState<string>();
  usePageTitle("Published regional summary");
  const regionId = organisations.status === "success" ? organisations.data.find((o) => o.id === me.organisation?.id)?.regionId : undefined;
  const canPublish = me.user.role === "regional_admin" && me.user.orgAdmin;

  return (
    <>
      {published ? <SuccessBanner title={published} /> : null}
      <span className="govuk-caption-l">{me.organisation?.name}</span>
      <h1 className="govuk-heading-l">Published regional summary</h1>
      <InsightsSubnav />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <p className="govuk-body">
            Anyone can read the region’s figures for the period you publish, without signing in: providers, Parent Carer Forums and the public. They see the
            whole region, never one council, with the same protection of small numbers.
          </p>
          <QueryView query={publication} what="the published summary" isEmpty={(p) => p === null} empty="No summary has been published yet.">
            {(current) => (current ? <CurrentPublication publication={current} regionId={regionId} /> : null)}
          </QueryView>
          {canPublish ? (
            <PublishForm
              current={publication.status === "success" ? publication.data : null}
              onPublished={async (p) => {
                await publication.reload();
                setPublished(`The summary for ${periodText(p.from, p.to)} is published`);
              }}
            />
          ) : (
            <p className="govuk-body">Only the hub’s administrators can publish a summary.</p>
          )}
        </div>
      </div>
    </>
  );
}

function CurrentPublication({ publication, regionId }: { publication: Publication; regionId: string | undefined }) {
  return (
    <>
      <h2 className="govuk-heading-m">Published now</h2>
      <SummaryList
        rows={[
          { key: "Period of award", value: periodText(publication.from, publication.to) },
          { key: "Published", value: formatDateTime(publication.publishedAt) },
        ]}
      />
      {regionId ? (
        <p className="govuk-body">
          <Link className="govuk-link" to={publicInsightsPath(regionId)}>
            See the summary as the public sees it
          </Link>
        </p>
      ) : null}
    </>
  );
}

function PublishForm({ current, onPublished }: { current: Publication | null; onPublished(p: Publication): Promise<void> }) {
  const [from, setFrom] = useState(() => (current ? monthYearFrom(current.from) : EMPTY_MONTH_YEAR));
  const [to, setTo] = useState(() => (current ? monthYearFrom(current.to) : EMPTY_MONTH_YEAR));
  const form = useFormSubmit(async () => {
    const parsed = InsightsPublicationInputSchema.safeParse({ from: yearMonthFrom(from), to: yearMonthFrom(to) });
    if (!parsed.success)
      return collectErrors(
        FIELD_IDS,
        parsed.error.issues.map((issue) => ({ field: String(issue.path[0] ?? ""), message: messageOf(issue) })),
      );
    return sendOrErrors(FIELD_IDS, async () => onPublished(await publishInsights(parsed.data)));
  });
  return (
    <>
      <h2 className="govuk-heading-m">{current ? "Publish another period" : "Publish a summary"}</h2>
      <Form form={form} onSubmit={(event) => form.submit(event)} submitLabel="Publish the summary">
        <MonthYearInput
          id={FIELD_IDS.from}
          legend="Placements awarded from"
          legendSize="m"
          hint="For example, 4 2025"
          value={from}
          onChange={setFrom}
          error={form.errors?.fields.from}
        />
        <MonthYearInput
          id={FIELD_IDS.to}
          legend="Up to and including"
          legendSize="m"
          hint="For example, 3 2026"
          value={to}
          onChange={setTo}
          error={form.errors?.fields.to}
        />
      </Form>
    </>
  );
}

// The schema asks for YYYY-MM; the form for a month and a year in two boxes, so its messages say so.
function messageOf(issue: z.core.$ZodIssue): string {
  if (issue.code !== "invalid_format" && issue.code !== "invalid_type") return issue.message;
  return issue.path[0] === "from"
    ? "Enter the first month of the period as a month and year, like 4 2025"
    : "Enter the last month of the period as a month and year, like 3 2026";
}
