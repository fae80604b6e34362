/**
 * The identity of an action item's owner: `@alice`, `@Alice` and an Owner cell `Alice` are one person
 * (handles are case-insensitive on GitHub, GitLab and Slack). Used wherever owners are grouped,
 * filtered or counted, so the sidebar, `postmortem actions --owner` and the metrics agree.
 */
export function ownerKey(owner: string): string {
  return owner.replace(/^@/, '').toLowerCase();
}
