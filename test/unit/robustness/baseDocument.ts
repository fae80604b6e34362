/** A valid, fairly complete post-mortem that the property tests mutate. */
export const BASE_DOCUMENT = `---
type: postmortem
id: PM-2026-014
title: Checkout 5xx after connection pool change
status: in-review
severity: SEV2
services: [checkout]
started_at: 2026-11-20T14:00:00Z
detected_at: 2026-11-20T14:09:00Z
mitigated_at: 2026-11-20T14:40:00Z
resolved_at: 2026-11-20T15:10:00Z
timezone: Europe/Berlin
facilitator: Dana Lee
related: [PM-2026-001]
impact:
  users_affected: 1200
  downtime_minutes: 31
---

# Checkout 5xx after connection pool change

## Summary

A configuration change halved the pool. It was human error by the careless operator.

## Impact

About 1,200 users could not complete checkout.

## Timeline

- 2026-11-20 14:00Z (deploy) Pool size change deployed
- 14:09 [detected] (alert) Pager alert on checkout 5xx rate
- 15:40 CET [mitigated] Pool size restored
- 13:00Z Out of order entry
- 25:99 Unparseable entry
- 15:10Z [resolved] Error rate back to baseline

| Time | Event |
| --- | --- |
| 2026-11-20 14:20Z | Table entry |

## Root cause analysis

### Five whys

1. Why did checkout fail? The pool ran out of connections.
2. Why did it run out? The pool size was halved.

\`\`\`mermaid
flowchart TD
  A --> B
\`\`\`

## Response

The alert fired within nine minutes.

## Action items

- [ ] Add pool saturation alert @bob due:2026-12-04 P1 impact:high effort:low OPS-123
- [ ] Quick win without priority impact:high effort:low
- [x] Review shared config templates @alice due:2026-11-25 done:2026-11-24
- [ ] Bad due @carol due:2026-02-30
  - [ ] Nested, no owner

| Action | Owner | Due | Status |
| --- | --- | --- | --- |
| Load test | @erin | 2026-10-01 | open |

## Lessons learned

Config templates need the same review as code.
`;
