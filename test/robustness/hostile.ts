/**
 * Generators of the hostile inputs the CLI must survive (issue 9): each returns the bytes of a file,
 * sized by `n` so `npm test` runs them small and `npm run stress` large.
 */

/** `npm run stress` sets PM_STRESS=1: the same tests at sizes that find stack and memory limits. */
export const STRESS = process.env.PM_STRESS === '1';

/** A post-mortem with problems that `--fix` repairs (status/severity case, a zone-less time). */
export const FIXABLE = `---
type: postmortem
id: PM-2026-015
title: Queue backlog
status: In Review
severity: sev3
started_at: 2026-11-20T09:00:00Z
detected_at: 2026-11-20 09:20
mitigated_at: 2026-11-20T10:00:00Z
resolved_at: 2026-11-20T10:30:00Z
facilitator: Dana Lee
---

# Queue backlog

## Summary

The consumer fleet scaled in too far and a backlog built up.
`;

/** A draft with nothing that --fix changes. */
export const CLEAN = `---
type: postmortem
id: PM-2026-016
title: Nothing to fix
status: draft
started_at: 2026-11-20T09:00:00Z
facilitator: Dana Lee
---

# Nothing to fix

## Summary

Fine.

## Timeline

- 2026-11-20 09:00Z [started] It began.
`;

/** Windows-1252: "café", "naïve", "Zürich" as single bytes, as an old editor or a wiki export saves them. */
export function windows1252(text: string = FIXABLE): Buffer {
  const latin = text.replace('The consumer fleet', 'The café in Zürich: a naïve consumer fleet');
  return Buffer.from(latin, 'latin1');
}

/** A NUL byte (and friends) in the middle of a post-mortem, as a broken import leaves it. */
export function withNul(text: string = CLEAN): Buffer {
  return Buffer.from(text.replace('Fine.', 'Fine.\u0000\u0007 and more'), 'utf8');
}

/** Terminal escape sequences in a title and an action item. */
export function withEscapes(): string {
  return CLEAN.replace('title: Nothing to fix', 'title: "Evil \\e]0;pwned\\a\\e[2J title"')
    .replace('## Timeline', '## Action items\n\n- [ ] Rotate \u001b[31mred\u001b[0m keys @dana due:2030-01-01\n\n## Timeline');
}

/** Line endings: CR only, mixed, CRLF with a BOM. */
export function lineEndings(text: string, kind: 'cr' | 'mixed' | 'crlf-bom'): string {
  if (kind === 'cr') return text.replace(/\n/g, '\r');
  if (kind === 'crlf-bom') return `\uFEFF${text.replace(/\n/g, '\r\n')}`;
  let i = 0;
  return text.replace(/\n/g, () => (i++ % 2 ? '\r\n' : '\n'));
}

/** A post-mortem with `n` action items (unbounded arrays in every reader and formatter). */
export function manyActionItems(n: number): string {
  const items: string[] = [];
  for (let i = 0; i < n; i++) items.push(`- [ ] Item ${i} @owner${i % 7}`);
  return CLEAN.replace('## Timeline', `## Action items\n\n${items.join('\n')}\n\n## Timeline`);
}

/** A post-mortem with `n` timeline entries. */
export function manyTimelineEntries(n: number): string {
  const entries: string[] = [];
  const start = Date.UTC(2026, 10, 20, 9, 0);
  for (let i = 0; i < n; i++) {
    const t = new Date(start + i * 1000).toISOString();
    entries.push(`- ${t.slice(0, 10)} ${t.slice(11, 19)}Z [update] step ${i}`);
  }
  return `${CLEAN}${entries.join('\n')}\n`;
}

/**
 * `n` timeline entries in local time (`timezone: Europe/Berlin`, no zone on the entries): --fix
 * converts them all with one fix of `n` edits, which once took quadratic time (trial F12).
 */
export function manyLocalTimelineEntries(n: number): string {
  const entries: string[] = [];
  // 11:00 in Berlin (10:00Z), after the document's own 09:00Z entry.
  const start = Date.UTC(2026, 10, 20, 11, 0);
  for (let i = 0; i < n; i++) {
    const t = new Date(start + i * 1000).toISOString();
    entries.push(`- ${t.slice(0, 10)} ${t.slice(11, 19)} step ${i}`);
  }
  return `${CLEAN.replace(/^---\n/, '---\ntimezone: Europe/Berlin\n')}${entries.join('\n')}\n`;
}
