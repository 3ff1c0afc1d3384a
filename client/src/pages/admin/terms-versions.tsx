import { useState } from "react";
import { type Framework, TermsVersionCreateSchema } from "@shared/schemas/framework";
import { publishTermsVersion } from "../../api/framework";
import { CharacterCount } from "../../components/character-count";
import { Form } from "../../components/form";
import { errorsFromZod, sendOrErrors } from "../../components/form-errors";
import { Table } from "../../components/table";
import { TextInput } from "../../components/text-input";
import { useFormSubmit } from "../../components/use-form-submit";
import { formatTimestampDate } from "../../lib/format-date";

const FIELD_IDS = { version: "terms-version", title: "terms-title", summary: "terms-summary" } as const;
const COLUMNS = ["Version", "Title and summary", "Published"];

/** Terms and conditions by version; applicants accept the latest. A published version is never edited. */
export function TermsVersions({ framework, onChanged }: { framework: Framework; onChanged(message: string): Promise<void> }) {
  const [version, setVersion] = useState("");
  const [title, setTitle] = useState("");
  const [summary, setSummary] = useState("");
  const newestFirst = [...framework.termsVersions].sort((a, b) => b.publishedAt.localeCompare(a.publishedAt));
  const form = useFormSubmit(async () => {
    const parsed = TermsVersionCreateSchema.safeParse({ version, title, summary });
    if (!parsed.success) return errorsFromZod(FIELD_IDS, parsed.error);
    return sendOrErrors(
      FIELD_IDS,
      async () => {
        await publishTermsVersion(framework.id, parsed.data);
        setVersion("");
        setTitle("");
        setSummary("");
        await onChanged(`You published version ${parsed.data.version} of the terms`);
      },
      "version",
    );
  });
  const fields = form.errors?.fields;

  return (
    <section aria-labelledby="terms-heading">
      <h2 className="govuk-heading-m" id="terms-heading">
        Terms and conditions
      </h2>
      <Table
        caption="Published versions, newest first"
        captionSize="hidden"
        columns={COLUMNS}
        empty="No version published yet."
        rows={newestFirst.map((terms, index) => ({
          key: terms.id,
          header: (
            <>
              {terms.version}
              {index === 0 ? <strong className="govuk-tag govuk-tag--green govuk-!-margin-left-1">Current</strong> : null}
            </>
          ),
          cells: [
            <>
              <span className="govuk-!-font-weight-bold">{terms.title}</span>
              <span className="govuk-!-display-block">{terms.summary}</span>
            </>,
            formatTimestampDate(terms.publishedAt),
          ],
        }))}
      />
      <h3 className="govuk-heading-s">Publish a new version</h3>
      <Form form={form} onSubmit={(event) => form.submit(event)} submitLabel="Publish version">
        <TextInput
          id={FIELD_IDS.version}
          label="Version number"
          hint="Like 2 or 2.1"
          value={version}
          onChange={setVersion}
          error={fields?.version}
          widthClass="govuk-input--width-5"
          spellCheck={false}
        />
        <TextInput id={FIELD_IDS.title} label="Title" value={title} onChange={setTitle} error={fields?.title} />
        <CharacterCount
          id={FIELD_IDS.summary}
          label="What changed"
          hint="Applicants read this before they accept"
          maxLength={5000}
          value={summary}
          onChange={setSummary}
          error={fields?.summary}
        />
      </Form>
    </section>
  );
}
