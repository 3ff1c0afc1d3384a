import { useEffect, useRef, useState } from "react";
import type { CreatedApiToken } from "../../api/api-tokens";
import { usePageTitle } from "../../components/use-page-title";
import { formatTimestampDate } from "../../lib/format-date";

/** The only time the secret is ever shown: the server keeps just a hash of it. */
export function ApiTokenSecret({ token, onDone }: { token: CreatedApiToken; onDone(): void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const [copied, setCopied] = useState<"yes" | "failed">();
  usePageTitle("Your account");

  useEffect(() => {
    heading.current?.focus();
  }, []);

  async function copy() {
    try {
      await navigator.clipboard.writeText(token.token);
      setCopied("yes");
    } catch {
      setCopied("failed");
    }
  }

  return (
    <div className="govuk-panel govuk-panel--confirmation govuk-!-text-align-left">
      <h3 ref={heading} tabIndex={-1} className="govuk-panel__title govuk-!-font-size-36">
        API token created
      </h3>
      <div className="govuk-panel__body govuk-!-font-size-19">
        <p className="govuk-body govuk-!-margin-bottom-2">
          “{token.name}”, valid until {formatTimestampDate(token.expiresAt)}:
        </p>
        <p className="govuk-body govuk-!-font-weight-bold govuk-!-text-break-word" id="new-api-token">
          <code>{token.token}</code>
        </p>
        <p className="govuk-body govuk-!-font-weight-bold">Copy this token now and keep it somewhere safe. You will not be able to see it again.</p>
        <div className="govuk-button-group">
          <button type="button" className="govuk-button govuk-button--inverse" onClick={copy}>
            Copy token
          </button>
          <button type="button" className="govuk-button govuk-button--inverse" onClick={onDone}>
            I have copied the token
          </button>
        </div>
        <p className="govuk-body" role="status">
          {copied === "yes" ? "Token copied." : copied === "failed" ? "Your browser did not let us copy it: select the token and copy it yourself." : ""}
        </p>
      </div>
    </div>
  );
}
