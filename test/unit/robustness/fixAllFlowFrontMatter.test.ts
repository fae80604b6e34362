/**
 * Trial15a F10: a front matter written in YAML flow style (`{type: postmortem, id: …}`) got no
 * `timeline/milestone-mismatch` and `lint --fix` never wrote the milestones, so `list` showed no
 * date and the metrics counted the incident "without any incident time". The same file in block
 * style got the four notes and the fix. Now both styles get the same diagnostics, and `--fix`
 * leaves flow front matter parseable with the timeline's values in it.
 */
import assert from 'node:assert/strict';
import { readFrontMatter } from '../../../src/core/document/frontMatter';
import { fixAll } from '../../../src/core/fix/fixAll';
import { readSummary } from '../../../src/core/index/readSummary';
import { lintText } from '../../../src/core/lint/engine';
import { LineIndex } from '../../../src/core/text/lineIndex';

const now = new Date('2026-12-07T14:00:00Z');
const BODY = [
  '# Flow', '', '## Summary', '', 'Something broke.', '',
  '## Timeline', '',
  '- 2026-12-01 14:00Z [started] Deploy went out',
  '- 2026-12-01 14:09Z [detected] Alert fired',
  '- 2026-12-01 14:30Z [mitigated] Rolled back',
  '- 2026-12-01 15:00Z [resolved] Errors gone', '',
  '## Action items', '', '- [ ] Add canary @kim due:2026-12-20', '',
].join('\n');
const doc = (yaml: string) => `---\n${yaml}\n---\n${BODY}`;
const MILESTONES = {
  started_at: '2026-12-01T14:00:00Z',
  detected_at: '2026-12-01T14:09:00Z',
  mitigated_at: '2026-12-01T14:30:00Z',
  resolved_at: '2026-12-01T15:00:00Z',
};

const FLOW_STYLES: readonly [string, string, Record<string, unknown>][] = [
  ['one line', '{type: postmortem, id: PM-F1, title: flow, status: draft}', { type: 'postmortem', id: 'PM-F1', title: 'flow', status: 'draft' }],
  ['one pair a line, comments, trailing comma', '{\n  type: postmortem,   # kind\n  id: PM-F2,\n  title: "a, b",\n  status: draft, # the state\n}', { type: 'postmortem', id: 'PM-F2', title: 'a, b', status: 'draft' }],
  ['trailing comma on one line, nested flow impact', '{type: postmortem, id: PM-F3, status: draft, impact: {users_affected: 10}, }', { type: 'postmortem', id: 'PM-F3', status: 'draft', impact: { users_affected: 10 } }],
  ['spread over lines, closing brace after the last value', '{type: postmortem, id: PM-F4,\n status: draft, timezone: UTC}', { type: 'postmortem', id: 'PM-F4', status: 'draft', timezone: 'UTC' }],
];

describe('flow-style front matter: the same checks and fixes as block style (trial15a F10)', () => {
  for (const [name, yaml, values] of FLOW_STYLES) {
    it(`${name}: four milestone notes with fixes; --fix leaves it readable with the timeline's times`, () => {
      const text = doc(yaml);
      const notes = lintText(text, { now }).diagnostics.filter((d) => d.code === 'timeline/milestone-mismatch');
      assert.deepEqual(notes.map((d) => [d.message.slice(0, 24), d.fixes?.length]), [
        ['Expected `started_at` in', 1], ['Expected `detected_at` i', 1], ['Expected `mitigated_at` ', 1], ['Expected `resolved_at` i', 1],
      ]);
      const fixed = fixAll(text, { now });
      assert.equal(fixed.fixed['timeline/milestone-mismatch'], 4, fixed.text);
      const fm = readFrontMatter(new LineIndex(fixed.text))!;
      assert.deepEqual(fm.problems, [], fixed.text);
      assert.deepEqual(fm.data, { ...values, ...MILESTONES });
      assert.ok(fixed.text.endsWith(`---\n${BODY}`), 'the body is untouched');
      const summary = readSummary(fixed.text);
      assert.equal(summary.resolvedAt, MILESTONES.resolved_at);
      assert.equal(summary.milestones.started, Date.parse(MILESTONES.started_at), 'list and metrics get a date and a duration');
      assert.equal(fixAll(fixed.text, { now }).text, fixed.text, 'a second --fix changes nothing');
    });
  }

  it('the timezone from a "(all times CET)" note goes inside the braces, not as a line after them', () => {
    const text = doc('{type: postmortem, id: PM-Z, status: draft}').replace('## Timeline', '## Timeline (all times CET)').replace(/(\d\d:\d\d)Z/g, '$1');
    const note = lintText(text, { now }).diagnostics.find((d) => d.code === 'timeline/zone-note');
    assert.equal(note?.fixes?.[0]?.title, 'Set timezone: Europe/Berlin in the front matter');
    const lines = new LineIndex(text);
    const edited = note!.fixes![0].edits.reduce((t, e) => t.slice(0, lines.offsetAt(e.range.start)) + e.newText + t.slice(lines.offsetAt(e.range.end)), text);
    assert.equal(edited.split('\n')[1], '{type: postmortem, id: PM-Z, status: draft, timezone: Europe/Berlin}');
  });
});
