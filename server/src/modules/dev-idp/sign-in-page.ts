import { ORGANISATION_KIND_LABELS } from "@shared/codes/roles";
import type { DemoAccount } from "./accounts";

const escape = (text: string) => text.replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch] ?? ch);

function accountRow(uid: string, account: DemoAccount): string {
  return `<tr class="govuk-table__row">
<td class="govuk-table__cell">${escape(account.name)}<br><span class="govuk-hint govuk-!-margin-bottom-0">${escape(account.email)}${account.orgAdmin ? " · administrator" : ""}</span></td>
<td class="govuk-table__cell govuk-table__cell--numeric"><form method="post" action="/idp/interaction/${escape(uid)}/login">
<input type="hidden" name="email" value="${escape(account.email)}"><input type="hidden" name="name" value="${escape(account.name)}">
<button type="submit" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button" aria-label="Sign in as ${escape(account.name)}">Sign in</button>
</form></td></tr>`;
}

/** The development provider's sign-in page: pick a seeded person, or type any address. */
export function renderSignInPage(uid: string, accounts: DemoAccount[]): string {
  const groups = (["regional_hub", "council", "provider", "parent_forum"] as const)
    .map((kind) => {
      const ours = accounts.filter((a) => a.organisationKind === kind);
      if (ours.length === 0) return "";
      return `<table class="govuk-table"><caption class="govuk-table__caption govuk-table__caption--m">${ORGANISATION_KIND_LABELS[kind]}</caption>
<thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Person</th><th scope="col" class="govuk-table__header govuk-table__header--numeric"><span class="govuk-visually-hidden">Action</span></th></tr></thead>
<tbody class="govuk-table__body">${ours.map((a) => accountRow(uid, a)).join("")}</tbody></table>`;
    })
    .join("\n");
  return `<!DOCTYPE html>
<html lang="en-GB" class="govuk-template"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Development sign-in – Placement Exchange</title><link rel="icon" href="/assets/images/favicon.ico"><link rel="stylesheet" href="/api/docs/govuk-frontend.min.css"></head>
<body class="govuk-template__body"><a href="#main-content" class="govuk-skip-link">Skip to main content</a>
<div class="govuk-width-container"><main class="govuk-main-wrapper" id="main-content">
<h1 class="govuk-heading-xl">Development sign-in</h1>
<div class="govuk-warning-text"><span class="govuk-warning-text__icon" aria-hidden="true">!</span>
<strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">Warning</span>This is the built-in development identity provider. It never runs in production, where your council's or GOV.UK One Login's sign-in takes its place.</strong></div>
<p class="govuk-body">Choose a demo person: each is already a member of their organisation. An address typed below joins an organisation only through an open invitation.</p>
${groups}
<h2 class="govuk-heading-m">Sign in with another address</h2>
<form method="post" action="/idp/interaction/${escape(uid)}/login" novalidate>
<div class="govuk-form-group"><label class="govuk-label" for="email">Email address</label>
<input class="govuk-input" id="email" name="email" type="email" autocomplete="email" spellcheck="false"></div>
<div class="govuk-form-group"><label class="govuk-label" for="name">Full name</label>
<input class="govuk-input" id="name" name="name" type="text" autocomplete="name"></div>
<div class="govuk-form-group"><div class="govuk-checkboxes govuk-checkboxes--small"><div class="govuk-checkboxes__item">
<input class="govuk-checkboxes__input" id="verified" name="verified" type="checkbox" value="yes" checked>
<label class="govuk-label govuk-checkboxes__label" for="verified">The provider has verified this address</label></div></div></div>
<button type="submit" class="govuk-button">Sign in</button></form>
</main></div></body></html>`;
}
