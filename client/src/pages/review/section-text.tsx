type Block = { kind: "heading" | "paragraph"; text: string } | { kind: "list"; items: string[] };

/** "- item" or "* item" (and "• item", pasted from a word processor): one point of a bulleted list. */
const BULLET = /^\s*[-*•]\s+/;

/**
 * The hub writes sections as plain text: blank lines between paragraphs, "## " for a subheading,
 * lines starting "- " for a bulleted list. Never rendered as HTML: each block is React text.
 */
export function blocksOf(body: string): Block[] {
  const blocks: Block[] = [];
  for (const chunk of body.split(/\r?\n\s*\r?\n/)) {
    let paragraph: string[] = [];
    let items: string[] = [];
    const flush = () => {
      if (paragraph.length > 0) blocks.push({ kind: "paragraph", text: paragraph.join(" ") });
      if (items.length > 0) blocks.push({ kind: "list", items });
      paragraph = [];
      items = [];
    };
    for (const line of chunk.split(/\r?\n/)) {
      if (line.startsWith("## ")) {
        flush();
        blocks.push({ kind: "heading", text: line.slice(3).trim() });
      } else if (BULLET.test(line) && line.replace(BULLET, "").trim()) {
        if (paragraph.length > 0) flush();
        items.push(line.replace(BULLET, "").trim());
      } else if (line.trim()) {
        // A line after a point that is not a point of its own carries on the point (wrapped text).
        if (items.length > 0 && /^\s/.test(line)) items[items.length - 1] += ` ${line.trim()}`;
        else {
          if (items.length > 0) flush();
          paragraph.push(line.trim());
        }
      }
    }
    flush();
  }
  return blocks;
}

export function SectionText({ body }: { body: string }) {
  return (
    <>
      {blocksOf(body).map((block, index) => {
        if (block.kind === "list") {
          return (
            <ul key={index} className="govuk-list govuk-list--bullet">
              {block.items.map((item, i) => (
                <li key={i}>{item}</li>
              ))}
            </ul>
          );
        }
        return block.kind === "heading" ? (
          <h3 key={index} className="govuk-heading-s">
            {block.text}
          </h3>
        ) : (
          <p key={index} className="govuk-body">
            {block.text}
          </p>
        );
      })}
    </>
  );
}
