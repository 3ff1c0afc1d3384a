import { type FormEvent, useState } from "react";
import { Select } from "../../components/select";
import { SubmitButton } from "../../components/submit-or-cancel";
import { LOT_OPTIONS } from "./child-options";

/** Compare another lot than the one the profile seeks (a day placement against a residential one, say). */
export function LotChoiceForm({ lot, onChoose }: { lot: number; onChoose(lot: number): void }) {
  const [value, setValue] = useState(String(lot));
  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onChoose(Number(value));
  }
  return (
    <form noValidate onSubmit={handleSubmit}>
      <Select
        id="matches-lot"
        label="Placement type (framework lot)"
        labelSize="s"
        hint="It starts as the type on the profile"
        options={LOT_OPTIONS}
        value={value}
        onChange={setValue}
      />
      <SubmitButton secondary>Show matching settings</SubmitButton>
    </form>
  );
}
