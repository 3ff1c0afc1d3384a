import { type ChangeEvent, useState } from "react";
import { useNavigate } from "react-router";
import { ErrorCode } from "@shared/errors";
import { PAGE_PATHS } from "@shared/page-paths";
import { importPlacementsStandardReferral } from "../../api/children";
import { ApiRequestError } from "../../api/http";
import { Form } from "../../components/form";
import { collectErrors, errorsFromApi, type FormErrors } from "../../components/form-errors";
import { describedBy, HintAndError } from "../../components/hint-and-error";
import { ReadingColumn } from "../../components/reading-column";
import { useFormSubmit } from "../../components/use-form-submit";
import { usePageTitle } from "../../components/use-page-title";
import { commissionerChildEditPath } from "../../lib/paths";

const DOCUMENT_ID = "pds-document";
const FILE_ID = "pds-file";
const FIELD_IDS = { document: DOCUMENT_ID, file: FILE_ID };
const FILE_HINT = "A .json file, smaller than 1 MB.";
// The API refuses a body over 1 MB; saying so here is kinder than a failed upload.
const MAX_BYTES = 1_000_000;

/** "PlacementRequirements" -> "placement requirements": the standard's entity names, in words. */
const entityWords = (name: string) => name.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();

/**
 * The API lists every failing field with its path in the referral ("body.Risks.riskMissing"); the
 * message names the field, so the summary adds which part of the referral holds it. Each links to
 * the box the referral is in, since that is where it is corrected.
 */
function referralProblems(error: unknown): FormErrors<keyof typeof FIELD_IDS> {
  if (error instanceof ApiRequestError && error.error.code === ErrorCode.ValidationError && error.error.issues?.length) {
    const texts = error.error.issues.map(({ path, message }) => {
      const entity = path.replace(/^body\.?/, "").split(".")[0] ?? "";
      return entity && !message.startsWith(entity) ? `In ${entityWords(entity)}: ${message}` : message;
    });
    // Two items of one list can fail alike: said once.
    const summary = [...new Set(texts)].map((text) => ({ text, fieldId: DOCUMENT_ID }));
    const count = summary.length === 1 ? "1 problem" : `${summary.length} problems`;
    return { fields: { document: `The referral has ${count}: correct each one listed above and import it again` }, summary };
  }
  return errorsFromApi(FIELD_IDS, error, "document");
}

/** What the box holds, as JSON, or the problem to show. */
function parseDocument(text: string): { document: unknown } | { problem: string } {
  if (text.trim() === "") return { problem: "Paste the referral, or choose its file" };
  if (new TextEncoder().encode(text).length > MAX_BYTES) return { problem: "The referral must be smaller than 1 MB" };
  const problem = "The referral is not a JSON document: check you copied all of it, from the first { to the last }";
  try {
    const document = JSON.parse(text) as unknown;
    return typeof document === "object" && document !== null && !Array.isArray(document) ? { document } : { problem };
  } catch {
    return { problem };
  }
}

/**
 * A commissioner records a child from a referral in the Placements Data Standard: pasted or
 * from a file, checked by the API against the standard, then the child's task list shows what
 * the standard does not carry and is still to answer.
 */
export function ImportChildPage() {
  const navigate = useNavigate();
  const [text, setText] = useState("");
  const [fileProblem, setFileProblem] = useState<string>();
  const submission = useFormSubmit(async (current: string) => {
    const parsed = parseDocument(current);
    if ("problem" in parsed) return collectErrors(FIELD_IDS, [{ field: "document", message: parsed.problem }]);
    try {
      const child = await importPlacementsStandardReferral(parsed.document);
      await navigate(commissionerChildEditPath(child.id), {
        state: {
          notice: `${child.reference} was recorded from the referral as a draft. Answer the questions not started or in progress, then check your answers.`,
        },
      });
      return undefined;
    } catch (error) {
      return referralProblems(error);
    }
  });
  usePageTitle("Import a referral – Record a child’s needs", { hasErrors: Boolean(submission.errors) });
  const fields: Partial<Record<string, string>> = submission.errors?.fields ?? {};
  const documentError = fields.document;
  const fileError = fileProblem ?? fields.file;

  const chooseFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    if (file.size > MAX_BYTES) {
      setFileProblem("The file must be smaller than 1 MB");
      return;
    }
    setFileProblem(undefined);
    setText(await file.text());
  };

  const hint = "Copy the whole JSON document from your case management system, or choose its file below to put it here.";
  return (
    <ReadingColumn backTo={PAGE_PATHS.commissionerChildNew} backText="Back to recording a child">
      <span className="govuk-caption-l">Record a child’s needs</span>
      <h1 className="govuk-heading-l">Import a referral</h1>
      <p className="govuk-body">
        Record a child from a referral in the Placements Data Standard (version 2). The referral must name no one: it holds the child’s id in your system, never
        a name or address.
      </p>
      <p className="govuk-body">
        The child is saved as a draft. The standard does not carry everything matching needs, so you answer the rest in the child’s task list and check your
        answers before the profile is complete.
      </p>
      <Form form={submission} onSubmit={(event) => submission.submit(event, text)} submitLabel="Import the referral">
        <div className={`govuk-form-group${fileError ? " govuk-form-group--error" : ""}`}>
          <label className="govuk-label govuk-label--s" htmlFor={FILE_ID}>
            Choose the referral’s file (optional)
          </label>
          <HintAndError id={FILE_ID} hint={FILE_HINT} error={fileError} />
          <input
            className={`govuk-file-upload${fileError ? " govuk-file-upload--error" : ""}`}
            id={FILE_ID}
            name={FILE_ID}
            type="file"
            accept="application/json,.json"
            aria-describedby={describedBy(FILE_ID, FILE_HINT, fileError)}
            onChange={(event) => void chooseFile(event)}
          />
        </div>
        <div className={`govuk-form-group${documentError ? " govuk-form-group--error" : ""}`}>
          <label className="govuk-label govuk-label--s" htmlFor={DOCUMENT_ID}>
            The referral
          </label>
          <HintAndError id={DOCUMENT_ID} hint={hint} error={documentError} />
          <textarea
            className={`govuk-textarea${documentError ? " govuk-textarea--error" : ""}`}
            id={DOCUMENT_ID}
            name={DOCUMENT_ID}
            rows={14}
            spellCheck={false}
            value={text}
            onChange={(event) => setText(event.target.value)}
            aria-describedby={describedBy(DOCUMENT_ID, hint, documentError)}
          />
        </div>
      </Form>
    </ReadingColumn>
  );
}
