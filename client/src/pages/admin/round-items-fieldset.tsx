import { CharacterCount } from "../../components/character-count";
import { ErrorMessage } from "../../components/error-message";
import { TextInput } from "../../components/text-input";

/** One section, proposal or quality criterion as the form holds it; `key` keeps React's place. */
export interface RoundItem {
  key: number;
  title: string;
  text: string;
}

export interface RoundItemsKind {
  /** The field in the request body: "sections", "proposals" or "criteria". */
  name: string;
  /** The names of the item's two fields in the request body, e.g. heading and body. */
  titleField: string;
  textField: string;
  legend: string;
  hint: string;
  /** "section": in "Section 2", "Add another section". */
  noun: string;
  titleLabel: string;
  textLabel: string;
  textHint?: string;
  textMax: number;
  /** The round needs at least this many. */
  min: number;
}

/** The id of an item's field, which the error summary links to. */
export const itemFieldId = (kind: RoundItemsKind, index: number, part: "title" | "text") => `round-${kind.name}-${index + 1}-${part}`;

/** Error paths ("sections.0.heading", "sections") to the ids of the fields that fix them. */
export function itemFieldIds(kind: RoundItemsKind, items: RoundItem[]): Record<string, string> {
  const ids: Record<string, string> = { [kind.name]: `round-${kind.name}-add` };
  if (items.length > 0) ids[kind.name] = itemFieldId(kind, 0, "title");
  items.forEach((_, i) => {
    ids[`${kind.name}.${i}.${kind.titleField}`] = itemFieldId(kind, i, "title");
    ids[`${kind.name}.${i}.${kind.textField}`] = itemFieldId(kind, i, "text");
  });
  return ids;
}

interface RoundItemsFieldsetProps {
  kind: RoundItemsKind;
  items: RoundItem[];
  onChange(items: RoundItem[]): void;
  /** Messages keyed by error path, as itemFieldIds names them. */
  errors: Partial<Record<string, string>>;
  newKey(): number;
}

const capitalised = (s: string) => `${s[0]?.toUpperCase() ?? ""}${s.slice(1)}`;

/** A list the hub grows with "Add another" (GOV.UK's add-another pattern, without script). */
export function RoundItemsFieldset({ kind, items, onChange, errors, newKey }: RoundItemsFieldsetProps) {
  const change = (key: number, part: "title" | "text") => (value: string) =>
    onChange(items.map((item) => (item.key === key ? { ...item, [part]: value } : item)));
  const listError = errors[kind.name];
  return (
    <div className={`govuk-form-group${listError ? " govuk-form-group--error" : ""}`}>
      <fieldset className="govuk-fieldset" aria-describedby={`round-${kind.name}-hint`}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">
          <h3 className="govuk-fieldset__heading">{kind.legend}</h3>
        </legend>
        <div id={`round-${kind.name}-hint`} className="govuk-hint">
          {kind.hint}
        </div>
        {listError ? <ErrorMessage id={`round-${kind.name}-error`}>{listError}</ErrorMessage> : null}
        {items.map((item, i) => (
          <fieldset key={item.key} className="govuk-fieldset govuk-!-margin-bottom-6">
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">
              {capitalised(kind.noun)} {i + 1}
            </legend>
            <TextInput
              id={itemFieldId(kind, i, "title")}
              label={kind.titleLabel}
              value={item.title}
              onChange={change(item.key, "title")}
              error={errors[`${kind.name}.${i}.${kind.titleField}`]}
            />
            <CharacterCount
              id={itemFieldId(kind, i, "text")}
              label={kind.textLabel}
              maxLength={kind.textMax}
              value={item.text}
              onChange={change(item.key, "text")}
              {...(kind.textHint ? { hint: kind.textHint } : {})}
              error={errors[`${kind.name}.${i}.${kind.textField}`]}
            />
            {items.length > kind.min ? (
              <button
                type="button"
                className="govuk-button govuk-button--secondary"
                data-module="govuk-button"
                onClick={() => onChange(items.filter((x) => x.key !== item.key))}
              >
                Remove
                <span className="govuk-visually-hidden">
                  {" "}
                  {kind.noun} {i + 1}
                </span>
              </button>
            ) : null}
          </fieldset>
        ))}
        <button
          type="button"
          id={`round-${kind.name}-add`}
          className="govuk-button govuk-button--secondary"
          data-module="govuk-button"
          onClick={() => onChange([...items, { key: newKey(), title: "", text: "" }])}
        >
          {items.length === 0 ? `Add a ${kind.noun}` : `Add another ${kind.noun}`}
        </button>
      </fieldset>
    </div>
  );
}
