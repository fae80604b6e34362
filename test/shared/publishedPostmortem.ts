/**
 * A `published` post-mortem with every front-matter key the schema asks for from `in-review` on,
 * so the review-record tests (unit, CLI, real VS Code) see only what they are about:
 * `extra` (e.g. `approvals:`) goes before the closing `---`. The status is on line 5 (index 4).
 */
export function publishedPostmortem(id: string, title: string, extra = ''): string {
  return `---
type: postmortem
id: ${id}
title: ${title}
status: published
severity: SEV3
started_at: 2026-11-20T13:58:00Z
detected_at: 2026-11-20T14:09:00Z
mitigated_at: 2026-11-20T14:40:00Z
resolved_at: 2026-11-20T15:10:00Z
published_at: 2026-11-21T10:00:00Z
facilitator: dana
${extra}---

# ${title}
`;
}
