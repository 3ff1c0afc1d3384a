/**
 * A request's public reference. A request has no number of its own (the OCDS ocid ends in its
 * id); the first 8 characters of the id, in capitals, are short enough to read out on the phone
 * and are said in every e-mail, inbox row and award letter. Never anything of the child.
 */
export const requestReference = (requestId: string) => `PR-${requestId.slice(0, 8).toUpperCase()}`;
