import { DevOutboxSchema } from "@shared/schemas/notifications";
import { apiRequest } from "../../api/http";
import { useApiQuery } from "../../api/use-api-query";
import { QueryView } from "../../components/query-view";
import { SummaryList } from "../../components/summary-list";
import { usePageTitle } from "../../components/use-page-title";
import { formatDateTime } from "../../lib/format-date";

async function fetchDevOutbox(signal: AbortSignal) {
  return (await apiRequest("/api/v1/dev/outbox", DevOutboxSchema, { signal })).data;
}

/**
 * Development only: without NOTIFY_API_KEY nothing is e-mailed, so this shows the latest e-mails
 * as they would read. The server answers "not found" where e-mail is really sent.
 */
export function DevOutboxPage() {
  usePageTitle("E-mails that would be sent");
  const outbox = useApiQuery(fetchDevOutbox);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">E-mails that would be sent</h1>
        <p className="govuk-body">Development only: no e-mail is sent without a GOV.UK Notify API key. The latest 100 are shown, newest first.</p>
        <QueryView
          query={outbox}
          what="the e-mails"
          empty={<p className="govuk-body">No e-mails yet.</p>}
          notFound={<p className="govuk-body">This page exists only in development, where no e-mail is sent.</p>}
        >
          {(entries) =>
            entries.map((entry) => (
              <section key={entry.id} className="govuk-!-margin-bottom-8" aria-labelledby={`email-${entry.id}`}>
                <h2 className="govuk-heading-m" id={`email-${entry.id}`}>
                  {entry.subject || entry.template}
                </h2>
                <SummaryList
                  rows={[
                    { key: "To", value: entry.emailAddress },
                    { key: "Template", value: entry.template },
                    { key: "Status", value: entry.status },
                    { key: "Queued", value: formatDateTime(entry.createdAt) },
                  ]}
                />
                <div className="govuk-inset-text">
                  {entry.body.split("\n").map((line, i) => (
                    <p key={i} className="govuk-body govuk-!-margin-bottom-1">
                      {line}
                    </p>
                  ))}
                </div>
              </section>
            ))
          }
        </QueryView>
      </div>
    </div>
  );
}
