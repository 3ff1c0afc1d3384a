/** The text of a file and the encoding it turned out to be in. */
export interface DecodedText {
  text: string;
  encoding: "utf-8" | "windows-1252";
}

// WHATWG index-windows-1252 for 0x80..0x9F, the only bytes where it differs from ISO-8859-1.
// Node 20.18.3+ and 22.13+ decode "windows-1252" as ISO-8859-1 (nodejs/node#56542, #60888), so
// "St. Mary’s" (0x92) would come out with a C1 control character; we apply the table ourselves.
// The five bytes Windows leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) map to themselves.
const C1_TO_CP1252 = [
  "€",
  "\u0081",
  "‚",
  "ƒ",
  "„",
  "…",
  "†",
  "‡",
  "ˆ",
  "‰",
  "Š",
  "‹",
  "Œ",
  "\u008d",
  "Ž",
  "\u008f",
  "\u0090",
  "‘",
  "’",
  "“",
  "”",
  "•",
  "–",
  "—",
  "˜",
  "™",
  "š",
  "›",
  "œ",
  "\u009d",
  "ž",
  "Ÿ",
];

/**
 * Reads a CSV file's bytes as UTF-8, or as Windows-1252 when they are not valid UTF-8: the
 * DfE publishes edubasealldata<date>.csv in cp1252, while our own extracts are UTF-8. A cp1252
 * file of plain ASCII is valid UTF-8 and reads the same either way.
 */
export function decodeCsvBytes(bytes: Uint8Array): DecodedText {
  try {
    // fatal: an invalid sequence throws rather than turning into U+FFFD; a BOM is dropped.
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    const text = new TextDecoder("windows-1252").decode(bytes).replace(/[\u0080-\u009f]/g, (c) => C1_TO_CP1252[c.charCodeAt(0) - 0x80] ?? c);
    return { text, encoding: "windows-1252" };
  }
}
