import { z } from "zod";
import type { Clarification } from "@shared/schemas/placement-requests";
import { answerClarification } from "../../api/placement-requests";
import { DecisionForm } from "../../components/decision-form";

const VISIBILITY_OPTIONS = [
  { value: "all", label: "Every invited provider (the one who asked is not named)" },
  { value: "private", label: "Only the provider who asked" },
];

// The API's ClarificationAnswerSchema in the shape DecisionForm sends: the answer is its "reason".
const AnswerFormSchema = z.object({
  visibility: z.enum(["all", "private"], { error: "Choose who sees the answer" }),
  reason: z.string().trim().min(1, { error: "Enter the answer" }).max(4000, { error: "The answer must be 4000 characters or fewer" }),
});

/** The council answers a provider's question, to all invited providers or to the asker only. */
export function ClarificationAnswerForm({
  requestId,
  clarification,
  onAnswered,
}: {
  requestId: string;
  clarification: Clarification;
  onAnswered(answered: Clarification): void;
}) {
  return (
    <DecisionForm
      idPrefix={`answer-${clarification.id}`}
      legend="Who sees the answer"
      decisionKey="visibility"
      options={VISIBILITY_OPTIONS}
      schema={AnswerFormSchema}
      submitLabel="Send the answer"
      reasonLabel="Your answer"
      reasonHint="Do not name the child or anyone in their family."
      reasonMaxLength={4000}
      send={async (body) =>
        onAnswered(await answerClarification(requestId, clarification.id, { answer: body.reason, visibility: body.visibility as "all" | "private" }))
      }
    />
  );
}
