import { z } from "zod";

/*
 * What a person reads when an input is refused. zod's own messages ("Invalid input: expected
 * number, received undefined", "Too big: expected string to have <=500 characters") are for
 * programmers; this map words every issue a schema did not word itself the GOV.UK way: it says
 * what to do ("Enter the weekly fee", "Reason must be 500 characters or fewer"), naming the field
 * from its key. A schema's own message (`{ error: "…" }`) still wins.
 */

/** Words for keys that do not read well split at their capitals. */
const KEY_WORDS: Record<string, string> = {
  urn: "URN",
  ehc: "EHC plan",
  la: "council",
  laCode: "council code",
  q: "search",
  url: "web address",
  id: "reference",
};

/** "weeklyFeePence" -> "weekly fee pence", "settingId" -> "setting", "urn" -> "URN". */
function fieldLabel(path: readonly PropertyKey[] | undefined): string | undefined {
  const key = [...(path ?? [])].reverse().find((part): part is string => typeof part === "string" && !["body", "query", "params"].includes(part));
  if (key === undefined) return undefined;
  if (KEY_WORDS[key]) return KEY_WORDS[key];
  const words = key
    .replace(/Ids?$/, (suffix) => (suffix === "Ids" ? "s" : ""))
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[_-]+/g, " ")
    .trim()
    .toLowerCase();
  return (
    words
      .split(" ")
      .map((word) => KEY_WORDS[word] ?? word)
      .join(" ") || undefined
  );
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const entries = (n: number) => (n === 1 ? "one entry" : `${n} entries`);

/** The GOV.UK message for one zod issue; `label` names the field, or nothing at an input's root. */
function wordingFor(issue: z.core.$ZodRawIssue): string {
  const label = fieldLabel(issue.path);
  const the = label ? `the ${label}` : "the answers";
  const It = label ? capitalise(label) : "The answer";
  const missing = issue.input === undefined || issue.input === null;
  switch (issue.code) {
    case "invalid_type":
      if (issue.expected === "boolean") return `Choose yes or no for ${the}`;
      if (issue.expected === "array") return missing ? `Choose or enter ${the}` : `${It} must be a list`;
      if (issue.expected === "object" || issue.expected === "record") return label ? `Enter ${the}` : "Send the answers as a JSON object";
      if (missing) return `Enter ${the}`;
      if (issue.expected === "int") return `${It} must be a whole number`;
      if (issue.expected === "number" || issue.expected === "bigint") return `${It} must be a number`;
      if (issue.expected === "string") return `${It} must be text`;
      if (issue.expected === "date") return `${It} must be a real date`;
      return `Enter ${the}`;
    case "too_small": {
      const n = Number(issue.minimum);
      if (issue.origin === "string") return n <= 1 ? `Enter ${the}` : `${It} must be ${n} characters or more`;
      if (issue.origin === "array" || issue.origin === "set")
        return n <= 1 ? `Choose or enter at least one entry for ${the}` : `${It} must have ${entries(n)} or more`;
      if (issue.origin === "date") return `${It} must be a later date`;
      return issue.inclusive === false ? `${It} must be more than ${n}` : `${It} must be ${n} or more`;
    }
    case "too_big": {
      const n = Number(issue.maximum);
      if (issue.origin === "string") return `${It} must be ${n} characters or fewer`;
      if (issue.origin === "array" || issue.origin === "set") return `${It} must have ${entries(n)} or fewer`;
      if (issue.origin === "date") return `${It} must be an earlier date`;
      return issue.inclusive === false ? `${It} must be less than ${n}` : `${It} must be ${n} or less`;
    }
    case "invalid_format":
      switch (issue.format) {
        case "uuid":
        case "guid":
          return `${It} must be a reference from this service: check the link or choose again`;
        case "date":
          return `${It} must be a real date`;
        case "datetime":
          return `${It} must be a real date and time`;
        case "time":
          return `${It} must be a real time`;
        case "email":
          return "Enter an email address in the correct format, like name@example.com";
        case "url":
          return "Enter a web address in the correct format, like https://www.example.com";
        default:
          return `Enter ${the} in the correct format`;
      }
    case "not_multiple_of":
      return Number(issue.divisor) === 1 ? `${It} must be a whole number` : `${It} must be a multiple of ${String(issue.divisor)}`;
    case "invalid_value":
      if (issue.values.length === 1 && issue.values[0] === true) return `Confirm ${the} by ticking the box`;
      return `Choose ${the} from the options given`;
    case "invalid_union":
      return missing ? `Enter ${the}` : `Enter ${the} in the correct format`;
    case "unrecognized_keys":
      return `Remove ${issue.keys.map((key) => `"${key}"`).join(", ")}: this request does not accept ${issue.keys.length === 1 ? "it" : "them"}`;
    case "invalid_key":
      return `Check the names in ${the} and enter them again`;
    case "invalid_element":
      return `Check the entries in ${the} and enter them again`;
    default:
      return `Check ${the} and enter it again`;
  }
}

z.config({ customError: (issue) => wordingFor(issue) });
