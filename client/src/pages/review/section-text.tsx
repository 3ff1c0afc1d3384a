type Block = { kind: "heading" | "paragraph"; text: string };

/** The hub writes sections as plain text: blank lines between paragraphs, "## " for a subheading. Never rendered as HTML. */
export function blocksOf(body: string): Block[] {
  const blocks: Block[] = [];
  for (const chunk of body.split(/\r?\n\s*\r?\n/)) {
    let paragraph: string[] = [];
    const flush = () => {
      if (paragraph.length > 0) blocks.push({ kind: "paragraph", text: paragraph.join(" ") });
      paragraph = [];
    };
    for (const line of chunk.split(/\r?\n/)) {
      if (line.startsWith("## ")) {
        flush();
        blocks.push({ kind: "heading", text: line.slice(3).trim() });
      } else if (line.trim()) {
        paragraph.push(line.trim());
      }
    }
    flush();
  }
  return blocks;
}

export function SectionText({ body }: { body: string }) {
  return (
    <>
      {blocksOf(body).map((block, index) =>
        block.kind === "heading" ? (
          <h3 key={index} className="govuk-heading-s">
            {block.text}
          </h3>
        ) : (
          <p key={index} className="govuk-body">
            {block.text}
          </p>
        ),
      )}
    </>
  );
}
