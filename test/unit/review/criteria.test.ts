import assert from 'node:assert/strict';
import { lintText } from '../../../src/core/lint/engine';
import { criteriaStatus } from '../../../src/core/review/criteria';

const doc = (status: string): string => `---
type: postmortem
id: PM-2026-050
title: Queue backlog
status: ${status}
severity: SEV3
started_at: 2026-11-20T09:00:00Z
detected_at: 2026-11-20T09:20:00Z
resolved_at: 2026-11-20T10:30:00Z
facilitator: Dana Lee
---

# Queue backlog

## Summary

The consumer fleet scaled in too far.

## Lessons learned

### What went well

### What went wrong

### Where we got lucky
`;

describe('review criteria shown before Approve', () => {
  it('never says "checked by the lint" for a draft whose rules wait for in-review (empty Lessons learned showed ✔, trial7 T22)', () => {
    const draft = criteriaStatus(lintText(doc('draft'), { now: new Date('2026-11-27T12:00:00Z') }).diagnostics, 'draft');
    const lessons = draft.find((s) => s.criterion.id === 'lessons')!;
    assert.equal(lessons.state, 'draft');
    assert.ok(draft.every((s) => s.state !== 'ok'), draft.map((s) => `${s.criterion.id}:${s.state}`).join(' '));
  });

  it('in review, the same empty sections are a problem of the lessons criterion', () => {
    const review = criteriaStatus(lintText(doc('in-review'), { now: new Date('2026-11-27T12:00:00Z') }).diagnostics, 'in-review');
    const lessons = review.find((s) => s.criterion.id === 'lessons')!;
    assert.equal(lessons.state, 'problems', lessons.problems.map((p) => p.message).join('; '));
  });
});
