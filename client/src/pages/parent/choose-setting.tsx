import { type FormEvent, useState } from "react";
import { FEEDBACK_MINIMUM_REVIEWS } from "@shared/schemas/setting-feedback";
import type { DirectorySetting } from "../../api/open-data";
import { ErrorSummary } from "../../components/error-summary";
import { collectErrors, type FormErrors } from "../../components/form-errors";
import { Radios } from "../../components/radios";
import { SubmitButton } from "../../components/submit-or-cancel";
import { TextInput } from "../../components/text-input";
import { usePageTitle } from "../../components/use-page-title";

/** At most this many matches are offered, so the list stays a list of radios a person can read. */
const MAXIMUM_MATCHES = 20;

type Field = "name" | "setting";
const FIELD_IDS: Record<Field, string> = { name: "setting-name", setting: "setting" };

const normalise = (text: string) => text.toLocaleLowerCase("en-GB").replace(/\s+/g, " ").trim();

/** Step 1: type part of a name, then pick the setting from the matches. */
export function ChooseSetting({ settings, onChoose }: { settings: DirectorySetting[]; onChoose(id: string): void }) {
  const [name, setName] = useState("");
  const [searched, setSearched] = useState<string>();
  const [chosen, setChosen] = useState<string>();
  const [errors, setErrors] = useState<FormErrors<Field>>();
  const [attempt, setAttempt] = useState(0);
  usePageTitle("Give feedback on a setting", { hasErrors: errors !== undefined });

  const matches = searched === undefined ? [] : settings.filter((s) => normalise(s.name).includes(searched));
  const shown = matches.slice(0, MAXIMUM_MATCHES);

  function fail(field: Field, message: string) {
    setErrors(collectErrors(FIELD_IDS, [{ field, message }]));
    setAttempt((n) => n + 1);
  }

  function search(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const query = normalise(name);
    if (query.length === 0) return fail("name", "Enter part of the setting’s name");
    setErrors(undefined);
    setChosen(undefined);
    setSearched(query);
  }

  function choose(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!chosen || !shown.some((s) => s.id === chosen)) return fail("setting", "Choose the setting you want to give feedback on");
    onChoose(chosen);
  }

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {errors ? <ErrorSummary key={attempt} errors={errors.summary} /> : null}
        <h1 className="govuk-heading-l">Give feedback on a setting</h1>
        <p className="govuk-body">
          Tell the regional hub what families you know have found at a school, home or college. The hub checks feedback before it counts, and commissioners only
          see averages once {FEEDBACK_MINIMUM_REVIEWS} or more reviews of a setting have been checked.
        </p>
        <form noValidate onSubmit={search}>
          <TextInput
            id={FIELD_IDS.name}
            label="Setting name"
            labelSize="m"
            hint="Type part of the school, home or college’s name"
            value={name}
            onChange={setName}
            error={errors?.fields.name}
            spellCheck={false}
          />
          <SubmitButton secondary>Find settings</SubmitButton>
        </form>
        {searched !== undefined && matches.length === 0 ? (
          <p className="govuk-body" role="status">
            No listed settings match ‘{searched}’. Check the spelling, or type less of the name.
          </p>
        ) : null}
        {shown.length > 0 ? (
          <form noValidate onSubmit={choose}>
            <Radios
              name={FIELD_IDS.setting}
              legend="Which setting?"
              hint={
                matches.length > shown.length
                  ? `Showing the first ${shown.length} of ${matches.length} matches. Type more of the name to narrow them down.`
                  : undefined
              }
              options={shown.map((s) => ({ value: s.id, label: s.town ? `${s.name}, ${s.town}` : s.name }))}
              value={chosen}
              onChange={setChosen}
              error={errors?.fields.setting}
            />
            <SubmitButton>Continue</SubmitButton>
          </form>
        ) : null}
      </div>
    </div>
  );
}
