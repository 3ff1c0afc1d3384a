import { useState, type FormEvent } from "react";
import { TermsVersionCreateSchema, type Framework } from "../../../../shared/src/schemas/framework";
import { publishTermsVersion } from "../../api/framework";
import { CharacterCount } from "../../components/character-count";
import { ErrorSummary } from "../../components/error-summary";
import { errorsFromApi, errorsFromZod, type FormErrors } from "../../components/form-errors";
import { formatTimestampDate } from "../../components/format-date";
import { TextInput } from "../../components/text-input";

const FIELD_IDS = { version: "terms-version", title: "terms-title", summary: "terms-summary" } as const;
type Field = keyof typeof FIELD_IDS;

/** Terms and conditions by version; applicants accept the latest. A published version is never edited. */
export function TermsVersions({ framework, onChanged }: { framework: Framework; onChanged(message: string): Promise<void> }) {
  const [version, setVersion] = useState("");
  const [title, setTitle] = useState("");
  const [summary, setSummary] = useState("");
  const [errors, setErrors] = useState<FormErrors<Field>>();
  const [attempt, setAttempt] = useState(0);
  const newestFirst = [...framework.termsVersions].sort((a, b) => b.publishedAt.localeCompare(a.publishedAt));
  const fail = (next: FormErrors<Field>) => {
    setErrors(next);
    setAttempt((n) => n + 1);
  };

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = TermsVersionCreateSchema.safeParse({ version, title, summary });
    if (!parsed.success) return fail(errorsFromZod(FIELD_IDS, parsed.error));
    try {
      await publishTermsVersion(framework.id, parsed.data);
      setErrors(undefined);
      setVersion("");
      setTitle("");
      setSummary("");
      await onChanged(`You published version ${parsed.data.version} of the terms`);
    } catch (error) {
      fail(errorsFromApi(FIELD_IDS, error, "version"));
    }
  }

  return (
    <section aria-labelledby="terms-heading">
      <h2 className="govuk-heading-m" id="terms-heading">Terms and conditions</h2>
      {newestFirst.length === 0 ? <p className="govuk-body">No version published yet.</p> : (
        <table className="govuk-table">
          <caption className="govuk-visually-hidden">Published versions, newest first</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Version</th>
              <th scope="col" className="govuk-table__header">Title and summary</th>
              <th scope="col" className="govuk-table__header">Published</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {newestFirst.map((terms, index) => (
              <tr key={terms.id} className="govuk-table__row">
                <th scope="row" className="govuk-table__header">
                  {terms.version}
                  {index === 0 ? <strong className="govuk-tag govuk-tag--green govuk-!-margin-left-1">Current</strong> : null}
                </th>
                <td className="govuk-table__cell">
                  <span className="govuk-!-font-weight-bold">{terms.title}</span>
                  <span className="govuk-!-display-block">{terms.summary}</span>
                </td>
                <td className="govuk-table__cell">{formatTimestampDate(terms.publishedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3 className="govuk-heading-s">Publish a new version</h3>
      {errors ? <ErrorSummary key={attempt} errors={errors.summary} /> : null}
      <form noValidate onSubmit={handleSubmit}>
        <TextInput id={FIELD_IDS.version} label="Version number" hint="Like 2 or 2.1" value={version} onChange={setVersion} error={errors?.fields.version} widthClass="govuk-input--width-5" spellCheck={false} />
        <TextInput id={FIELD_IDS.title} label="Title" value={title} onChange={setTitle} error={errors?.fields.title} />
        <CharacterCount id={FIELD_IDS.summary} label="What changed" hint="Applicants read this before they accept" maxLength={5000} value={summary} onChange={setSummary} error={errors?.fields.summary} />
        <button type="submit" className="govuk-button" data-module="govuk-button">Publish version</button>
      </form>
    </section>
  );
}
