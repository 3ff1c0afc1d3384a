import { useState, type FormEvent } from "react";
import { Link } from "react-router";
import { PAGE_PATHS } from "../../../../shared/src/page-paths";
import { SettingClaimCreateSchema, type SettingClaim } from "../../../../shared/src/schemas/settings";
import { claimSetting, useSettingClaims } from "../../api/setting-claims";
import { ClaimStatusTag } from "../../components/claim-status-tag";
import { ErrorSummary } from "../../components/error-summary";
import { errorsFromApi, errorsFromZod, type FormErrors } from "../../components/form-errors";
import { formatTimestampDate } from "../../components/format-date";
import { SuccessBanner } from "../../components/notification-banner";
import { Loading, QueryProblem } from "../../components/query-problem";
import { TextInput } from "../../components/text-input";
import { usePageTitle } from "../../components/use-page-title";

const FIELD_IDS = { urn: "claim-urn" } as const;

/** Settings imported from GIAS sit with no provider until their provider claims them and the hub agrees. */
export function ClaimSettingPage() {
  const claims = useSettingClaims();
  const [urn, setUrn] = useState("");
  const [errors, setErrors] = useState<FormErrors<"urn">>();
  const [attempt, setAttempt] = useState(0);
  const [sent, setSent] = useState<SettingClaim>();
  const [sending, setSending] = useState(false);
  usePageTitle("Claim a setting by URN", { hasErrors: Boolean(errors) });

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (sending) return;
    const fail = (next: FormErrors<"urn">) => {
      setSent(undefined);
      setErrors(next);
      setAttempt((n) => n + 1);
    };
    const parsed = SettingClaimCreateSchema.safeParse({ urn });
    if (!parsed.success) return fail(errorsFromZod(FIELD_IDS, parsed.error));
    setSending(true);
    try {
      const claim = await claimSetting(parsed.data.urn);
      setErrors(undefined);
      setUrn("");
      await claims.reload();
      setSent(claim);
    } catch (error) {
      fail(errorsFromApi(FIELD_IDS, error, "urn"));
    } finally {
      setSending(false);
    }
  }

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link className="govuk-back-link" to={PAGE_PATHS.providerSettings}>
          Back to your settings
        </Link>
        {errors ? <ErrorSummary key={attempt} errors={errors.summary} /> : null}
        {sent ? (
          <SuccessBanner key={sent.id} title={`You claimed ${sent.settingName}`}>
            <p className="govuk-body">The regional hub will check the claim. The setting becomes yours when they approve it.</p>
          </SuccessBanner>
        ) : null}
        <h1 className="govuk-heading-l">Claim a setting by URN</h1>
        <p className="govuk-body">
          Settings imported from Get Information About Schools are waiting for their providers. Claim yours by its URN; the regional hub
          checks each claim before the setting moves to you.
        </p>
        <form noValidate onSubmit={handleSubmit}>
          <TextInput id={FIELD_IDS.urn} label="URN" hint="6 digits, like 105678" value={urn} onChange={setUrn} error={errors?.fields.urn} widthClass="govuk-input--width-10" inputMode="numeric" spellCheck={false} />
          <button type="submit" className="govuk-button" data-module="govuk-button" disabled={sending}>
            Claim setting
          </button>
        </form>
        <h2 className="govuk-heading-m">Your claims</h2>
        {claims.status === "loading" ? <Loading what="your claims" /> : null}
        {claims.status === "error" ? <QueryProblem what="your claims" onRetry={claims.retry} /> : null}
        {claims.status === "success" && claims.data.length === 0 ? <p className="govuk-body">You have not claimed any settings.</p> : null}
        {claims.status === "success" && claims.data.length > 0 ? (
          <table className="govuk-table">
            <caption className="govuk-visually-hidden">Your claims</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">Setting</th>
                <th scope="col" className="govuk-table__header">Claimed</th>
                <th scope="col" className="govuk-table__header">Status</th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {claims.data.map((claim) => (
                <tr key={claim.id} className="govuk-table__row">
                  <th scope="row" className="govuk-table__header">
                    {claim.settingName} <span className="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0">URN {claim.urn}</span>
                  </th>
                  <td className="govuk-table__cell">{formatTimestampDate(claim.createdAt)}</td>
                  <td className="govuk-table__cell">
                    <ClaimStatusTag status={claim.status} />
                    {claim.reason ? <p className="govuk-body-s govuk-!-margin-top-2 govuk-!-margin-bottom-0">{claim.reason}</p> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </div>
    </div>
  );
}
