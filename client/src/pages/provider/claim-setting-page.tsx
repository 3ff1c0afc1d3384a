import { useState } from "react";
import { PAGE_PATHS } from "@shared/page-paths";
import { type SettingClaim, SettingClaimCreateSchema } from "@shared/schemas/settings";
import { claimSetting, useSettingClaims } from "../../api/setting-claims";
import { ClaimStatusTag } from "../../components/claim-status-tag";
import { Form, FormErrorSummary } from "../../components/form";
import { errorsFromApi, errorsFromZod, type FormErrors } from "../../components/form-errors";
import { SuccessBanner } from "../../components/notification-banner";
import { Loading, QueryProblem } from "../../components/query-problem";
import { ReadingColumn } from "../../components/reading-column";
import { Table } from "../../components/table";
import { TextInput } from "../../components/text-input";
import { useFormSubmit } from "../../components/use-form-submit";
import { usePageTitle } from "../../components/use-page-title";
import { formatTimestampDate } from "../../lib/format-date";

const FIELD_IDS = { urn: "claim-urn" } as const;

/** Settings imported from GIAS sit with no provider until their provider claims them and the hub agrees. */
export function ClaimSettingPage() {
  const claims = useSettingClaims();
  const [urn, setUrn] = useState("");
  const [sent, setSent] = useState<SettingClaim>();
  // A failed claim takes down the banner of the last one, so only the error summary speaks.
  const failed = (errors: FormErrors<"urn">) => {
    setSent(undefined);
    return errors;
  };
  const form = useFormSubmit(async () => {
    const parsed = SettingClaimCreateSchema.safeParse({ urn });
    if (!parsed.success) return failed(errorsFromZod(FIELD_IDS, parsed.error));
    try {
      const claim = await claimSetting(parsed.data.urn);
      setUrn("");
      await claims.reload();
      setSent(claim);
      return undefined;
    } catch (error) {
      return failed(errorsFromApi(FIELD_IDS, error, "urn"));
    }
  });
  usePageTitle("Claim a setting by URN", { hasErrors: Boolean(form.errors) });

  return (
    <ReadingColumn backTo={PAGE_PATHS.providerSettings} backText="Back to your settings">
      <FormErrorSummary form={form} />
      {sent ? (
        <SuccessBanner key={sent.id} title={`You claimed ${sent.settingName}`}>
          <p className="govuk-body">The regional hub will check the claim. The setting becomes yours when they approve it.</p>
        </SuccessBanner>
      ) : null}
      <h1 className="govuk-heading-l">Claim a setting by URN</h1>
      <p className="govuk-body">
        Settings imported from Get Information About Schools are waiting for their providers. Claim yours by its URN; the regional hub checks each claim before
        the setting moves to you.
      </p>
      <Form form={form} onSubmit={(event) => form.submit(event)} submitLabel="Claim setting" errorSummary={false}>
        <TextInput
          id={FIELD_IDS.urn}
          label="URN"
          hint="6 digits, like 105678"
          value={urn}
          onChange={setUrn}
          error={form.errors?.fields.urn}
          widthClass="govuk-input--width-10"
          inputMode="numeric"
          spellCheck={false}
        />
      </Form>
      <h2 className="govuk-heading-m">Your claims</h2>
      {claims.status === "loading" ? <Loading what="your claims" /> : null}
      {claims.status === "error" ? <QueryProblem what="your claims" onRetry={claims.retry} /> : null}
      {claims.status === "success" && claims.data.length === 0 ? <p className="govuk-body">You have not claimed any settings.</p> : null}
      {claims.status === "success" && claims.data.length > 0 ? (
        <Table
          caption="Your claims"
          captionSize="hidden"
          columns={["Setting", "Claimed", "Status"]}
          rows={claims.data.map((claim) => ({
            key: claim.id,
            header: (
              <>
                {claim.settingName} <span className="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0">URN {claim.urn}</span>
              </>
            ),
            cells: [
              formatTimestampDate(claim.createdAt),
              <>
                <ClaimStatusTag status={claim.status} />
                {claim.reason ? <p className="govuk-body-s govuk-!-margin-top-2 govuk-!-margin-bottom-0">{claim.reason}</p> : null}
              </>,
            ],
          }))}
        />
      ) : null}
    </ReadingColumn>
  );
}
