/**
 * The identity of an action item's owner: `@alice`, `@Alice` and an Owner cell `Alice` are one person
 * (handles are case-insensitive on GitHub, GitLab and Slack). Used wherever owners are grouped,
 * filtered or counted, so the sidebar, `postmortem actions --owner` and the metrics agree. Compared
 * in Unicode's composed form (NFC): `@zoë` written as z o e U+0308 (a Mac's decomposed form) is the
 * `@zoë` written with one `ë` (trial13a F16).
 */
export function ownerKey(owner: string): string {
  return owner.replace(/^@/, '').normalize('NFC').toLowerCase();
}
