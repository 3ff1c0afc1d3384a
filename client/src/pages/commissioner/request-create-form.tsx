import { type ReactNode, useState } from "react";
import { useNavigate } from "react-router";
import { REQUEST_MODE_LABELS, REQUEST_MODES, type RequestMode } from "@shared/codes/tenders";
import type { ChildProfile, ShortlistEntry } from "@shared/schemas/children";
import { createPlacementRequest } from "../../api/placement-requests";
import { Checkbox } from "../../components/checkbox";
import { Checkboxes } from "../../components/checkboxes";
import { DateTimeInput } from "../../components/date-time-input";
import { Form } from "../../components/form";
import { collectErrors, type FormErrors, sendOrErrors } from "../../components/form-errors";
import { Radios } from "../../components/radios";
import { TextInput } from "../../components/text-input";
import { useFormSubmit } from "../../components/use-form-submit";
import { usePageTitle } from "../../components/use-page-title";
import { commissionerRequestPath } from "../../lib/paths";
import { lotOf } from "./child-labels";
import { checkRequestForm, criterionFieldId, newRequestForm, requestFieldIds, type RequestFormState } from "./request-create-state";

const MODE_OPTIONS = REQUEST_MODES.map((mode) => ({ value: mode, label: REQUEST_MODE_LABELS[mode] }));

const CONFIRM_ID = "confirm-second-request";

/** A second request for a child already placed or with one open: the warning, and the tick it needs. */
export interface SecondRequest {
  warning: ReactNode;
  label: string;
  /** The error when the form is sent without the tick. */
  message: string;
}

/** The missing tick goes first, as the box is first on the page; then the form's own problems. */
function withConfirmation(confirmMessage: string | null, problems: FormErrors<string> | undefined): FormErrors<string> | undefined {
  if (!confirmMessage) return problems;
  const confirm = collectErrors({ confirm: CONFIRM_ID }, [{ field: "confirm", message: confirmMessage }]);
  return { fields: { ...problems?.fields, ...confirm.fields }, summary: [...confirm.summary, ...(problems?.summary ?? [])] };
}

interface RequestCreateFormProps {
  child: ChildProfile;
  shortlist: readonly ShortlistEntry[];
  secondRequest?: SecondRequest | null;
}

/** Invite settings (the shortlist, or the whole lot) to a mini-competition for the child. */
export function RequestCreateForm({ child, shortlist, secondRequest = null }: RequestCreateFormProps) {
  const navigate = useNavigate();
  const [form, setForm] = useState<RequestFormState>(() => newRequestForm(shortlist));
  const [confirmed, setConfirmed] = useState(false);
  const change = (patch: Partial<RequestFormState>) => setForm((current) => ({ ...current, ...patch }));
  const submission = useFormSubmit(async (state: RequestFormState & { confirmed: boolean }) => {
    const checked = checkRequestForm(child.id, state);
    const unconfirmed = secondRequest && !state.confirmed ? secondRequest.message : null;
    if ("problems" in checked || unconfirmed) return withConfirmation(unconfirmed, "problems" in checked ? checked.problems : undefined);
    return sendOrErrors(requestFieldIds(state), async () => {
      const made = await createPlacementRequest(checked.data);
      const n = made.invitations.length;
      await navigate(commissionerRequestPath(made.request.id), {
        state: { notice: `You invited ${n === 1 ? "1 setting" : `${n} settings`} to a placement request.` },
      });
    });
  });
  const { errors } = submission;
  usePageTitle(`Invite settings to a placement request for ${child.reference}`, { hasErrors: Boolean(errors) });
  const fields = errors?.fields ?? {};

  return (
    <Form form={submission} onSubmit={(event) => submission.submit(event, { ...form, confirmed })} submitLabel="Send the request">
      {secondRequest ? (
        <>
          {secondRequest.warning}
          <Checkbox id={CONFIRM_ID} label={secondRequest.label} checked={confirmed} onChange={setConfirmed} error={fields.confirm} />
        </>
      ) : null}
      {shortlist.length > 0 ? (
        <Checkboxes
          name="request-settings"
          legend="Settings to invite"
          hint="The settings shortlisted for this child."
          options={shortlist.map((s) => ({ value: s.settingId, label: s.settingName, hint: s.organisationName }))}
          values={form.settingIds}
          onChange={(settingIds) => change({ settingIds })}
          error={fields.settingIds}
        />
      ) : (
        <p className="govuk-body">No settings are shortlisted for this child, so the request goes to every eligible setting on the lot.</p>
      )}
      <Checkbox
        id="request-invite-all"
        label={`Invite every eligible setting on ${lotOf(child)} instead`}
        hint="Every published setting on the lot whose provider is admitted to it."
        checked={form.inviteAll}
        onChange={(inviteAll) => change({ inviteAll })}
      />
      <DateTimeInput
        id="request-deadline"
        legend="Deadline for offers"
        hint="UK time, 24-hour clock. For example, 27 3 2026 14 30. Offers arriving after it are refused."
        value={form.deadline}
        onChange={(deadline) => change({ deadline })}
        error={fields.deadline}
      />
      <DateTimeInput
        id="request-questions-close"
        legend="When questions close (optional)"
        hint="Before the deadline, so you can answer them while offers are open. Leave empty for 24 hours before the deadline (halfway, for a request shorter than 2 days)."
        value={form.questionsCloseAt}
        onChange={(questionsCloseAt) => change({ questionsCloseAt })}
        error={fields.questionsCloseAt}
      />
      <Radios
        name="request-mode"
        legend="How offers are seen"
        hint="Urgent requests are for placements needed within 5 days."
        options={MODE_OPTIONS}
        value={form.mode}
        onChange={(mode) => change({ mode: mode as RequestMode })}
        error={fields.mode}
      />
      <div className={`govuk-form-group${fields.weights || fields["weights.price"] ? " govuk-form-group--error" : ""}`}>
        <fieldset className="govuk-fieldset">
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">Evaluation weights</legend>
          <div className="govuk-hint">Quality and price, in per cent; together they make 100.</div>
          <TextInput
            id="request-weights-quality"
            label="Quality (%)"
            value={form.quality}
            onChange={(quality) => change({ quality })}
            inputMode="numeric"
            widthClass="govuk-input--width-3"
            error={fields.weights}
          />
          <TextInput
            id="request-weights-price"
            label="Price (%)"
            value={form.price}
            onChange={(price) => change({ price })}
            inputMode="numeric"
            widthClass="govuk-input--width-3"
            error={fields["weights.price"]}
          />
        </fieldset>
      </div>
      <div className={`govuk-form-group${fields.standstillDays || fields.standstillReason ? " govuk-form-group--error" : ""}`}>
        <fieldset className="govuk-fieldset">
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">Standstill period</legend>
          <div className="govuk-hint">
            Calendar days between the intention to award and the award, when providers may raise concerns. Usually 8. Enter 0 only when the placement cannot
            wait, and say why.
          </div>
          <TextInput
            id="request-standstill-days"
            label="Days of standstill"
            value={form.standstillDays}
            onChange={(standstillDays) => change({ standstillDays })}
            inputMode="numeric"
            widthClass="govuk-input--width-3"
            error={fields.standstillDays}
          />
          {form.standstillDays.trim() === "0" ? (
            <TextInput
              id="request-standstill-reason"
              label="Why is there no standstill period?"
              hint="For example, an urgent placement. This is recorded."
              value={form.standstillReason}
              onChange={(standstillReason) => change({ standstillReason })}
              error={fields.standstillReason}
            />
          ) : null}
        </fieldset>
      </div>
      <div className="govuk-form-group">
        <fieldset className="govuk-fieldset">
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">Quality criteria</legend>
          <div className="govuk-hint">You score each offer 0 to 5 against each. Change their wording if you need to.</div>
          {form.criteria.map((criterion, index) => (
            <TextInput
              key={criterion.id}
              id={criterionFieldId(index)}
              label={`Criterion ${index + 1}`}
              value={criterion.label}
              onChange={(label) => change({ criteria: form.criteria.map((c, i) => (i === index ? { ...c, label } : c)) })}
              error={fields[`criteria.${index}`]}
            />
          ))}
        </fieldset>
      </div>
    </Form>
  );
}
