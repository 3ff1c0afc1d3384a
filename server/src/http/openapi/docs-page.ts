import { buildOpenApiDocument } from "./document";

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch] ?? ch);

type Operation = {
  summary: string;
  security: unknown[];
  parameters: { name: string; in: string; required: boolean; schema: unknown }[];
  requestBody?: { content: { "application/json": { schema: unknown } } };
  responses: Record<string, { description: string; content?: { "application/json": { schema: unknown } } }>;
};

const pre = (value: unknown) => `<pre class="app-code"><code>${escapeHtml(JSON.stringify(value, null, 2))}</code></pre>`;

function renderOperation(method: string, path: string, op: Operation): string {
  const params = op.parameters.length
    ? `<table class="govuk-table"><caption class="govuk-table__caption govuk-table__caption--s">Parameters</caption>
<thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Name</th><th scope="col" class="govuk-table__header">In</th><th scope="col" class="govuk-table__header">Required</th><th scope="col" class="govuk-table__header">Schema</th></tr></thead>
<tbody class="govuk-table__body">${op.parameters
        .map(
          (p) =>
            `<tr class="govuk-table__row"><td class="govuk-table__cell">${escapeHtml(p.name)}</td><td class="govuk-table__cell">${p.in}</td><td class="govuk-table__cell">${p.required ? "yes" : "no"}</td><td class="govuk-table__cell"><code>${escapeHtml(JSON.stringify(p.schema))}</code></td></tr>`,
        )
        .join("")}</tbody></table>`
    : "";
  const body = op.requestBody ? `<h4 class="govuk-heading-s">Request body (JSON)</h4>${pre(op.requestBody.content["application/json"].schema)}` : "";
  const responses = Object.entries(op.responses)
    .map(
      ([status, r]) =>
        `<h4 class="govuk-heading-s">${escapeHtml(status)}: ${escapeHtml(r.description)}</h4>${r.content ? pre(r.content["application/json"].schema) : ""}`,
    )
    .join("");
  return `<section class="govuk-!-margin-bottom-8">
<h3 class="govuk-heading-m" id="${escapeHtml(`${method}-${path}`.replace(/[^A-Za-z0-9-]/g, "-"))}"><strong class="govuk-tag">${method.toUpperCase()}</strong> <code>${escapeHtml(path)}</code></h3>
<p class="govuk-body">${escapeHtml(op.summary)}. ${op.security.length === 0 ? "No sign-in needed." : "Needs a session or an API token."}</p>
${params}${body}${responses}</section>`;
}

/** A plain, accessible rendering of the OpenAPI document: no third-party script, so the CSP holds. */
export function renderDocsPage(): string {
  const doc = buildOpenApiDocument() as { info: { title: string; version: string; description: string }; paths: Record<string, Record<string, Operation>> };
  const operations = Object.entries(doc.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => renderOperation(method, path, op)));
  return `<!DOCTYPE html>
<html lang="en-GB" class="govuk-template">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>API reference – Placement Exchange</title>
<link rel="icon" href="/assets/images/favicon.ico">
<link rel="stylesheet" href="/api/docs/govuk-frontend.min.css"></head>
<body class="govuk-template__body">
<a href="#main-content" class="govuk-skip-link">Skip to main content</a>
<div class="govuk-width-container"><main class="govuk-main-wrapper" id="main-content">
<h1 class="govuk-heading-xl">${escapeHtml(doc.info.title)} <span class="govuk-caption-m">version ${escapeHtml(doc.info.version)}</span></h1>
<p class="govuk-body">${escapeHtml(doc.info.description)}</p>
<p class="govuk-body">Machine-readable: <a class="govuk-link" href="/api/v1/openapi.json">OpenAPI 3.1 document (JSON)</a>.</p>
<h2 class="govuk-heading-l">Operations</h2>
${operations.join("\n")}
</main></div></body></html>`;
}
