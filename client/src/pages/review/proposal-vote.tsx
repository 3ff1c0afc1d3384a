import { type ReviewRound, VoteSchema } from "@shared/schemas/review-rounds";
import { castVote } from "../../api/review-rounds";
import { ChoiceCard } from "./choice-card";

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
export function ProposalVote({
  roundId,
  proposal,
  canVote,
  onVoted,
}: {
  roundId: string;
  proposal: Proposal;
  canVote: boolean;
  onVoted(round: ReviewRound): void;
}) {
  return (
    <ChoiceCard
      field="choice"
      fieldId={`vote-${proposal.id}`}
      title={proposal.title}
      description={proposal.description}
      status={<VoteTotals proposal={proposal} />}
      canChoose={canVote}
      legend={`Your vote on “${proposal.title}”`}
      options={CHOICES}
      initial={proposal.myVote ?? undefined}
      buttonText="Vote"
      buttonHiddenText={` on “${proposal.title}”`}
      parse={(value) => VoteSchema.safeParse({ choice: value })}
      send={async (body) => onVoted(await castVote(roundId, proposal.id, body.choice))}
    />
  );
}
