import assert from 'node:assert/strict';
import { sectionIdOf } from '../../../src/core/document/sectionNames';
import { lintText } from '../../../src/core/lint/engine';
import { computeMetrics } from '../../../src/core/metrics';

/**
 * Trial16a F17: "## Actions taken" (response steps, in the past tense) started with the Action items
 * alias "actions", so its `- [x] Rolled back the config @ana` lines were done action items: the
 * metrics said "2 of 4 done" for a review with 2 open items. Steps taken are the response; a second
 * heading that is read as Action items is said.
 */
const NOW = '2026-12-07T00:00:00Z';
const doc = (extra: string) => [
  '---', 'type: postmortem', 'id: PM-TAKEN', 'title: Taken', 'status: draft', 'started_at: 2026-11-20T14:00:00Z', 'resolved_at: 2026-11-20T15:00:00Z', '---', '',
  '## Action items', '', '- [ ] Add pool alert @kim due:2026-12-20', '- [ ] Load test pools @lee due:2026-12-22', '',
  extra, '', '- [x] Rolled back the config @ana', '- [x] Paged the DB team @lee', '',
].join('\n');

describe('steps taken are no action items (trial16a F17)', () => {
  it('past-tense headings are the response; planned ones stay Action items', () => {
    for (const t of ['Actions taken', '4. Actions Taken', 'Immediate actions taken', 'Actions taken to mitigate', 'Actions performed', 'Steps taken', 'What we did']) assert.equal(sectionIdOf(t), 'response', t);
    for (const t of ['Actions', 'Immediate actions', 'Follow-up actions', 'Planned actions', 'Action items']) assert.equal(sectionIdOf(t), 'action-items', t);
  });

  it('"## Actions taken": its done steps are not counted as done action items', () => {
    const text = doc('## Actions taken');
    const { doc: parsed } = lintText(text, { now: new Date(NOW) });
    assert.deepEqual(parsed.actionItems.map((i) => i.description), ['Add pool alert', 'Load test pools']);
    const m = computeMetrics([{ uri: 'a.md', text }], { now: NOW });
    assert.equal(m.actions.total, 2);
  });

  it('a second heading read as Action items is an info naming both, its tasks counted', () => {
    const text = doc('## Follow-ups');
    const said = lintText(text, { now: new Date(NOW) }).diagnostics.filter((d) => d.code === 'sections/duplicate');
    assert.equal(said.length, 1);
    assert.equal(said[0]!.severity, 'info');
    assert.equal(said[0]!.range.start.line, 14);
    assert.match(said[0]!.message, /found a second heading read as Action items: "Follow-ups" \(after "Action items" on line 10\); its 2 tasks are listed and counted as action items too/);
    assert.equal(computeMetrics([{ uri: 'a.md', text }], { now: NOW }).actions.total, 4);
  });
});
