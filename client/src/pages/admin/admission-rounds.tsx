import { useState, type FormEvent } from "react";
import { AdmissionRoundCreateSchema, type AdmissionRound, type Framework } from "../../../../shared/src/schemas/framework";
import { createAdmissionRound } from "../../api/framework";
import { DateInput, EMPTY_DATE, momentFrom, type DateParts } from "../../components/date-input";
import { ErrorSummary } from "../../components/error-summary";
import { errorsFromApi, errorsFromZod, type FormErrors } from "../../components/form-errors";
import { formatTimestampDate } from "../../components/format-date";
import { TextInput } from "../../components/text-input";

const FIELD_IDS = { name: "round-name", opensAt: "round-opens", closesAt: "round-closes" } as const;
type Field = keyof typeof FIELD_IDS;

const STATE_TAGS: Record<AdmissionRound["state"], string> = { upcoming: "govuk-tag--blue", open: "govuk-tag--green", closed: "govuk-tag--grey" };

/** The framework reopens to new providers in rounds; providers apply while one is open. */
export function AdmissionRounds({ framework, onChanged }: { framework: Framework; onChanged(message: string): Promise<void> }) {
  const [name, setName] = useState("");
  const [opens, setOpens] = useState<DateParts>(EMPTY_DATE);
  const [closes, setCloses] = useState<DateParts>(EMPTY_DATE);
  const [errors, setErrors] = useState<FormErrors<Field>>();
  const [attempt, setAttempt] = useState(0);
  const fail = (next: FormErrors<Field>) => {
    setErrors(next);
    setAttempt((n) => n + 1);
  };

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = AdmissionRoundCreateSchema.safeParse({ name, opensAt: momentFrom(opens, false), closesAt: momentFrom(closes, true) });
    if (!parsed.success) return fail(errorsFromZod(FIELD_IDS, parsed.error));
    try {
      await createAdmissionRound(framework.id, parsed.data);
      setErrors(undefined);
      setName("");
      setOpens(EMPTY_DATE);
      setCloses(EMPTY_DATE);
      await onChanged(`You set up ${parsed.data.name}`);
    } catch (error) {
      fail(errorsFromApi(FIELD_IDS, error, "opensAt"));
    }
  }

  return (
    <section aria-labelledby="rounds-heading">
      <h2 className="govuk-heading-m" id="rounds-heading">Admission rounds</h2>
      {framework.rounds.length === 0 ? <p className="govuk-body">No rounds yet.</p> : (
        <table className="govuk-table">
          <caption className="govuk-visually-hidden">Admission rounds</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Round</th>
              <th scope="col" className="govuk-table__header">Opens</th>
              <th scope="col" className="govuk-table__header">Closes</th>
              <th scope="col" className="govuk-table__header">Status</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {[...framework.rounds].sort((a, b) => b.opensAt.localeCompare(a.opensAt)).map((round) => (
              <tr key={round.id} className="govuk-table__row">
                <th scope="row" className="govuk-table__header">{round.name}</th>
                <td className="govuk-table__cell">{formatTimestampDate(round.opensAt)}</td>
                <td className="govuk-table__cell">{formatTimestampDate(round.closesAt)}</td>
                <td className="govuk-table__cell"><strong className={`govuk-tag ${STATE_TAGS[round.state]}`}>{round.state[0]?.toUpperCase()}{round.state.slice(1)}</strong></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3 className="govuk-heading-s">Open a new round</h3>
      {errors ? <ErrorSummary key={attempt} errors={errors.summary} /> : null}
      <form noValidate onSubmit={handleSubmit}>
        <TextInput id={FIELD_IDS.name} label="Name" hint="Like ‘Spring 2027 reopening’" value={name} onChange={setName} error={errors?.fields.name} />
        <DateInput id={FIELD_IDS.opensAt} legend="Opens on" hint="From the start of the day, for example 1 3 2027" value={opens} onChange={setOpens} error={errors?.fields.opensAt} />
        <DateInput id={FIELD_IDS.closesAt} legend="Closes on" hint="At the end of the day" value={closes} onChange={setCloses} error={errors?.fields.closesAt} />
        <button type="submit" className="govuk-button" data-module="govuk-button">Set up round</button>
      </form>
    </section>
  );
}
