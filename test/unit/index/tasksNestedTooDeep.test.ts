/**
 * Task lines nested past 64 levels are read as text of the 64th item (document/nesting-too-deep):
 * `actions`, `list` and `metrics` counted 64 items and exited 0 while lint warned (trial 15a F1).
 * The summary now names them as items not read, which those commands print and exit 1 on.
 */
import { strict as assert } from 'node:assert';
import { isHiddenItemsProblem, isNotReadProblem, readSummary } from '../../../src/core/index/readSummary';

const head = '---\ntype: postmortem\nid: PM-1\ntitle: t\nstatus: draft\n---\n\n## Action items\n\n';
const nested = (depth: number) => Array.from({ length: depth }, (_, i) => `${'  '.repeat(i)}- [ ] item${i} @kim due:2026-12-20\n`).join('');

describe('summary: task lines nested past 64 levels', () => {
  it('counts the 36 lines read as text in a 100-deep list and names where they start', () => {
    const summary = readSummary(head + nested(100));
    assert.equal(summary.actionItems.length, 64);
    const problem = summary.problems.find(isHiddenItemsProblem);
    assert.ok(problem, 'a problem names the items not read');
    assert.match(problem, /^Task items not read, line 74: 36 task lines .* nested more than 64 levels deep/);
    assert.ok(isNotReadProblem(problem), 'list and metrics exit 1 on it');
  });

  it('says nothing for a list 64 levels deep', () => {
    const summary = readSummary(head + nested(64));
    assert.equal(summary.actionItems.length, 64);
    assert.equal(summary.problems.filter(isHiddenItemsProblem).length, 0);
  });
});
