/**
 * A small set of post-mortems whose metrics were computed by hand (see metrics.test.ts for the
 * arithmetic). "now" is 2026-06-30T12:00:00Z.
 */
export const NOW = '2026-06-30T12:00:00Z';

const doc = (front: string, body = ''): string => `---\n${front.trim()}\n---\n\n# Incident\n\n${body}`;

export const HAND_SET = [
  {
    uri: 'a.md',
    text: doc(`
id: A
title: Checkout down
status: published
severity: SEV1
incident_type: outage
services: [checkout]
started_at: 2026-01-10T10:00:00Z
detected_at: 2026-01-10T10:10:00Z
mitigated_at: 2026-01-10T10:30:00Z
resolved_at: 2026-01-10T11:10:00Z
published_at: 2026-01-11T10:00:00Z
tags: [cause:change]
`, `## Action items

- [x] Roll back faster @ann due:2026-01-15 done:2026-01-20 OPS-1
- [ ] Add an alert @bob due:2026-02-01 impact:high effort:low OPS-2
`),
  },
  {
    uri: 'b.md',
    text: doc(`
id: B
title: Checkout down again
status: published
severity: SEV2
incident_type: outage
services: [checkout]
started_at: 2026-02-15T08:00:00Z
detected_at: 2026-02-15T08:30:00Z
mitigated_at: 2026-02-15T09:00:00Z
resolved_at: 2026-02-15T10:30:00Z
published_at: 2026-02-20T09:00:00Z
`, `## Action items

- [x] Fix the pool @ann due:2026-02-20 done:2026-02-19 OPS-3
- [x] Write the runbook @ann due:2026-02-28 OPS-4

\`\`\`markdown
- [ ] Not an item: inside a code fence @bob due:2026-01-01
\`\`\`
`),
  },
  {
    uri: 'c.md',
    text: doc(`
id: C
title: Search slow
status: in-review
severity: SEV2
incident_type: degradation
services: [search]
started_at: 2026-02-20T00:00:00Z
detected_at: 2026-02-20T00:05:00Z
resolved_at: 2026-02-20T01:05:00Z
related: [A]
`, `## Follow-ups

| Action | Owner | Due | Status |
|---|---|---|---|
| Cache warm-up impact:high effort:low | ann | 2026-12-01 | open |
`),
  },
  {
    uri: 'd.md',
    text: doc(`
id: D
title: Checkout slow
status: draft
severity: SEV3
incident_type: degradation
services: [checkout]
started_at: 2026-06-01T00:00:00Z
resolved_at: 2026-06-29T12:00:00Z
tags: [cause:capacity]
`),
  },
  { uri: 'e.md', text: '# Notes without front matter\n\nSomething happened.\n' },
];
