import { useState } from "react";
import { type AdmissionRound, AdmissionRoundCreateSchema, type Framework } from "@shared/schemas/framework";
import { createAdmissionRound } from "../../api/framework";
import { DateInput, type DateParts, EMPTY_DATE, momentFrom } from "../../components/date-input";
import { Form } from "../../components/form";
import { errorsFromZod, sendOrErrors } from "../../components/form-errors";
import { Table } from "../../components/table";
import { TextInput } from "../../components/text-input";
import { useFormSubmit } from "../../components/use-form-submit";
import { formatTimestampDate } from "../../lib/format-date";

const FIELD_IDS = { name: "round-name", opensAt: "round-opens", closesAt: "round-closes" } as const;
const COLUMNS = ["Round", "Opens", "Closes", "Status"];

const STATE_TAGS: Record<AdmissionRound["state"], string> = { upcoming: "govuk-tag--blue", open: "govuk-tag--green", closed: "govuk-tag--grey" };

/** The framework reopens to new providers in rounds; providers apply while one is open. */
export function AdmissionRounds({ framework, onChanged }: { framework: Framework; onChanged(message: string): Promise<void> }) {
  const [name, setName] = useState("");
  const [opens, setOpens] = useState<DateParts>(EMPTY_DATE);
  const [closes, setCloses] = useState<DateParts>(EMPTY_DATE);
  const form = useFormSubmit(async () => {
    const parsed = AdmissionRoundCreateSchema.safeParse({ name, opensAt: momentFrom(opens, false), closesAt: momentFrom(closes, true) });
    if (!parsed.success) return errorsFromZod(FIELD_IDS, parsed.error);
    return sendOrErrors(
      FIELD_IDS,
      async () => {
        await createAdmissionRound(framework.id, parsed.data);
        setName("");
        setOpens(EMPTY_DATE);
        setCloses(EMPTY_DATE);
        await onChanged(`You set up ${parsed.data.name}`);
      },
      "opensAt",
    );
  });
  const fields = form.errors?.fields;

  return (
    <section aria-labelledby="rounds-heading">
      <h2 className="govuk-heading-m" id="rounds-heading">
        Admission rounds
      </h2>
      <Table
        caption="Admission rounds"
        captionSize="hidden"
        columns={COLUMNS}
        empty="No rounds yet."
        rows={[...framework.rounds]
          .sort((a, b) => b.opensAt.localeCompare(a.opensAt))
          .map((round) => ({
            key: round.id,
            header: round.name,
            cells: [
              formatTimestampDate(round.opensAt),
              formatTimestampDate(round.closesAt),
              <strong className={`govuk-tag ${STATE_TAGS[round.state]}`}>
                {round.state[0]?.toUpperCase()}
                {round.state.slice(1)}
              </strong>,
            ],
          }))}
      />
      <h3 className="govuk-heading-s">Open a new round</h3>
      <Form form={form} onSubmit={(event) => form.submit(event)} submitLabel="Set up round">
        <TextInput id={FIELD_IDS.name} label="Name" hint="Like ‘Spring 2027 reopening’" value={name} onChange={setName} error={fields?.name} />
        <DateInput
          id={FIELD_IDS.opensAt}
          legend="Opens on"
          hint="From the start of the day, for example 1 3 2027"
          value={opens}
          onChange={setOpens}
          error={fields?.opensAt}
        />
        <DateInput id={FIELD_IDS.closesAt} legend="Closes on" hint="At the end of the day" value={closes} onChange={setCloses} error={fields?.closesAt} />
      </Form>
    </section>
  );
}
