import { useRef, useState } from "react";
import { useNavigate } from "react-router";
import { ReviewRoundCreateSchema } from "@shared/schemas/review-rounds";
import { openReviewRound } from "../../api/review-rounds";
import { CharacterCount } from "../../components/character-count";
import { Checkboxes } from "../../components/checkboxes";
import { DateInput, type DateParts, EMPTY_DATE, momentFrom } from "../../components/date-input";
import { Form } from "../../components/form";
import { errorsFromZod, sendOrErrors } from "../../components/form-errors";
import { Radios } from "../../components/radios";
import { TextInput } from "../../components/text-input";
import { useFormSubmit } from "../../components/use-form-submit";
import { adminReviewRoundPath } from "../../lib/paths";
import { itemFieldIds, type RoundItem, RoundItemsFieldset, type RoundItemsKind } from "./round-items-fieldset";

const IDS = {
  frameworkId: "round-framework",
  title: "round-title",
  summary: "round-summary",
  opensAt: "round-opens",
  closesAt: "round-closes",
  forumIds: "round-forums",
};

const SECTIONS: RoundItemsKind = {
  name: "sections",
  titleField: "heading",
  textField: "body",
  legend: "The document",
  hint: "The parts of the document forums comment on, one section each, like a lot’s service specification or the quality criteria.",
  noun: "section",
  titleLabel: "Heading",
  textLabel: "Text",
  textHint: "Markdown: start a line with ## for a heading, - for a list item; leave a blank line between paragraphs.",
  textMax: 20_000,
  min: 1,
};
const PROPOSALS: RoundItemsKind = {
  name: "proposals",
  titleField: "title",
  textField: "description",
  legend: "Proposals to vote on (optional)",
  hint: "Members vote for, against or abstain on each.",
  noun: "proposal",
  titleLabel: "Proposal",
  textLabel: "Description (optional)",
  textMax: 2000,
  min: 0,
};
const CRITERIA: RoundItemsKind = {
  name: "criteria",
  titleField: "name",
  textField: "description",
  legend: "Quality criteria to rate (optional)",
  hint: "Members rate each from 1 to 5.",
  noun: "quality criterion",
  titleLabel: "Quality criterion",
  textLabel: "Description (optional)",
  textMax: 2000,
  min: 0,
};

interface Choices {
  frameworks: { id: string; name: string }[];
  forums: { id: string; name: string }[];
}

const asInput = (kind: RoundItemsKind, items: RoundItem[]) => items.map((item) => ({ [kind.titleField]: item.title, [kind.textField]: item.text }));

/** The hub opens a review round: what is reviewed, by which forums, and when. */
export function ReviewRoundForm({ choices, onErrorsChange }: { choices: Choices; onErrorsChange(hasErrors: boolean): void }) {
  const navigate = useNavigate();
  const nextKey = useRef(1);
  const newKey = () => nextKey.current++;
  const [frameworkId, setFrameworkId] = useState(choices.frameworks.length === 1 ? choices.frameworks[0]?.id : undefined);
  const [title, setTitle] = useState("");
  const [summary, setSummary] = useState("");
  const [opens, setOpens] = useState<DateParts>(EMPTY_DATE);
  const [closes, setCloses] = useState<DateParts>(EMPTY_DATE);
  const [forumIds, setForumIds] = useState<string[]>([]);
  const [sections, setSections] = useState<RoundItem[]>([{ key: 0, title: "", text: "" }]);
  const [proposals, setProposals] = useState<RoundItem[]>([]);
  const [criteria, setCriteria] = useState<RoundItem[]>([]);
  const fieldIds = { ...IDS, ...itemFieldIds(SECTIONS, sections), ...itemFieldIds(PROPOSALS, proposals), ...itemFieldIds(CRITERIA, criteria) };
  const form = useFormSubmit<string>(async () => {
    const parsed = ReviewRoundCreateSchema.safeParse({
      frameworkId,
      title,
      summary,
      opensAt: momentFrom(opens, false),
      closesAt: momentFrom(closes, true),
      forumIds,
      sections: asInput(SECTIONS, sections),
      proposals: asInput(PROPOSALS, proposals),
      criteria: asInput(CRITERIA, criteria),
    });
    if (!parsed.success) return errorsFromZod(fieldIds, parsed.error);
    return sendOrErrors(fieldIds, async () => {
      const round = await openReviewRound(parsed.data);
      await navigate(adminReviewRoundPath(round.id), { state: { notice: `You opened the review round “${round.title}”` } });
    });
  }, onErrorsChange);
  const errors = form.errors;
  const error = (field: string) => errors?.fields[field];

  const itemErrors = errors?.fields ?? {};
  return (
    <Form form={form} onSubmit={(event) => form.submit(event)} submitLabel="Open review round">
      <Radios
        name={IDS.frameworkId}
        legend="Framework"
        options={choices.frameworks.map((f) => ({ value: f.id, label: f.name }))}
        value={frameworkId}
        onChange={setFrameworkId}
        error={error("frameworkId")}
      />
      <TextInput
        id={IDS.title}
        label="Title"
        hint="What forums are asked to review, like ‘Lot 2 service specification’"
        value={title}
        onChange={setTitle}
        error={error("title")}
        labelSize="s"
      />
      <CharacterCount
        id={IDS.summary}
        label="Summary"
        hint="Why the hub asks, and what it will do with the answers"
        maxLength={2000}
        value={summary}
        onChange={setSummary}
        error={error("summary")}
      />
      <DateInput
        id={IDS.opensAt}
        legend="Opens on"
        hint="From the start of the day, for example 1 3 2027"
        value={opens}
        onChange={setOpens}
        error={error("opensAt")}
      />
      <DateInput
        id={IDS.closesAt}
        legend="Closes on"
        hint="At the end of the day; the summary is published then"
        value={closes}
        onChange={setCloses}
        error={error("closesAt")}
      />
      <Checkboxes
        name={IDS.forumIds}
        legend="Parent Carer Forums taking part"
        hint="Only their panel members see the round"
        options={choices.forums.map((f) => ({ value: f.id, label: f.name }))}
        values={forumIds}
        onChange={setForumIds}
        error={error("forumIds")}
      />
      <RoundItemsFieldset kind={SECTIONS} items={sections} onChange={setSections} errors={itemErrors} newKey={newKey} />
      <RoundItemsFieldset kind={PROPOSALS} items={proposals} onChange={setProposals} errors={itemErrors} newKey={newKey} />
      <RoundItemsFieldset kind={CRITERIA} items={criteria} onChange={setCriteria} errors={itemErrors} newKey={newKey} />
    </Form>
  );
}
