import { useState, type FormEvent } from "react";
import { VoteSchema, type ReviewRound } from "../../../../shared/src/schemas/review-rounds";
import { castVote } from "../../api/review-rounds";
import { ErrorSummary } from "../../components/error-summary";
import { errorsFromApi, errorsFromZod, type FormErrors } from "../../components/form-errors";
import { Radios } from "../../components/radios";

type Proposal = ReviewRound["proposals"][number];
const CHOICES = [
  { value: "for", label: "For" },
  { value: "against", label: "Against" },
  { value: "abstain", label: "Abstain" },
];

export function VoteTotals({ proposal }: { proposal: Proposal }) {
  const { totals } = proposal;
  return (
    <p className="govuk-body" role="status" aria-live="polite" data-totals-for={proposal.id}>
      For: {totals.for}, against: {totals.against}, abstain: {totals.abstain}
    </p>
  );
}

/** One vote per member, changeable until the round closes. */
export function ProposalVote({ roundId, proposal, canVote, onVoted }: { roundId: string; proposal: Proposal; canVote: boolean; onVoted(round: ReviewRound): void }) {
  const [choice, setChoice] = useState<string | undefined>(proposal.myVote ?? undefined);
  const [errors, setErrors] = useState<FormErrors<"choice">>();
  const [attempt, setAttempt] = useState(0);
  const [sending, setSending] = useState(false);
  const fieldIds = { choice: `vote-${proposal.id}` };

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (sending) return;
    const parsed = VoteSchema.safeParse({ choice });
    if (!parsed.success) {
      setErrors(errorsFromZod(fieldIds, parsed.error));
      setAttempt((n) => n + 1);
      return;
    }
    setSending(true);
    try {
      onVoted(await castVote(roundId, proposal.id, parsed.data.choice));
      setErrors(undefined);
    } catch (error) {
      setErrors(errorsFromApi(fieldIds, error));
      setAttempt((n) => n + 1);
    } finally {
      setSending(false);
    }
  }

  return (
    <div className="govuk-summary-card">
      <div className="govuk-summary-card__title-wrapper">
        <h3 className="govuk-summary-card__title">{proposal.title}</h3>
      </div>
      <div className="govuk-summary-card__content">
        {proposal.description ? <p className="govuk-body">{proposal.description}</p> : null}
        <VoteTotals proposal={proposal} />
        {canVote ? (
          <>
            {errors ? <ErrorSummary key={attempt} errors={errors.summary} /> : null}
            <form noValidate onSubmit={handleSubmit}>
              <Radios name={fieldIds.choice} legend={`Your vote on “${proposal.title}”`} options={CHOICES} value={choice} onChange={setChoice} error={errors?.fields.choice} />
              <button type="submit" className="govuk-button govuk-!-margin-bottom-0" data-module="govuk-button" disabled={sending}>
                Vote<span className="govuk-visually-hidden"> on “{proposal.title}”</span>
              </button>
            </form>
          </>
        ) : null}
      </div>
    </div>
  );
}
