/**
 * Trial15a F10: a front matter written as one flow mapping (`{type: postmortem, id: …}`) got no
 * fix that adds a key, and the line-based edits (a `timezone:` line, an `impact:` block, a review's
 * `approvals:`) would have put block YAML after the braces. These edits go inside the braces and
 * are read back before they are offered.
 */
import assert from 'node:assert/strict';
import { readFrontMatter, type FrontMatter } from '../../../src/core/document/frontMatter';
import { editRefusal } from '../../../src/core/frontMatter/checkedEdit';
import { flowScalarText } from '../../../src/core/frontMatter/flowEdits';
import { flowRootKeyEdit, flowRootValueEdit } from '../../../src/core/frontMatter/flowRootEdits';
import { applyEdits } from '../../../src/core/fix/applyEdits';
import { LineIndex } from '../../../src/core/text/lineIndex';
import type { TextEdit } from '../../../src/core/types';

const text = (yaml: string) => `---\n${yaml}\n---\n# T\n`;
const read = (t: string): { fm: FrontMatter; lines: LineIndex } => {
  const lines = new LineIndex(t);
  return { fm: readFrontMatter(lines)!, lines };
};
/** The front matter after the edit, as the YAML reader gives it (asserting it reads without problems). */
const after = (t: string, edit: TextEdit) => {
  const edited = applyEdits(t, [edit]).text;
  const fm = readFrontMatter(new LineIndex(edited))!;
  assert.deepEqual(fm.problems, [], edited);
  return { edited, data: fm.data };
};

describe('front matter edits in flow style (trial15a F10)', () => {
  it('adds a key after the last pair of a one-line flow mapping, and leaves a block mapping to the callers', () => {
    const t = text('{type: postmortem, id: PM-1, status: draft}');
    const { fm, lines } = read(t);
    const r = flowRootKeyEdit(fm, lines, 'started_at', '2026-12-01T14:00:00Z', '2026-12-01T14:00:00Z');
    const { edited, data } = after(t, r!.edit!);
    assert.equal(edited.split('\n')[1], '{type: postmortem, id: PM-1, status: draft, started_at: 2026-12-01T14:00:00Z}');
    assert.deepEqual(data, { type: 'postmortem', id: 'PM-1', status: 'draft', started_at: '2026-12-01T14:00:00Z' });
    const block = read(text('type: postmortem\nid: PM-1'));
    assert.equal(flowRootKeyEdit(block.fm, block.lines, 'started_at', 'x', 'x'), undefined);
  });

  it('keeps a trailing comma, comments and a layout of one pair a line', () => {
    const t = text('{\n  type: postmortem,   # kind\n  id: PM-1,\n  status: draft, # the state\n}');
    const { fm, lines } = read(t);
    const { edited, data } = after(t, flowRootKeyEdit(fm, lines, 'detected_at', '2026-12-01T14:09:00Z', '2026-12-01T14:09:00Z')!.edit!);
    assert.equal(edited, text('{\n  type: postmortem,   # kind\n  id: PM-1,\n  status: draft, # the state\n  detected_at: 2026-12-01T14:09:00Z,\n}'));
    assert.equal(data?.detected_at, '2026-12-01T14:09:00Z');
    const noComma = text('{type: postmortem,\n  status: draft  # why\n}');
    const n = read(noComma);
    assert.equal(after(noComma, flowRootKeyEdit(n.fm, n.lines, 'id', 'PM-2', 'PM-2')!.edit!).edited, text('{type: postmortem,\n  status: draft,\n  id: PM-2  # why\n}'));
  });

  it('fills an empty mapping, one with a trailing comma, and one whose last value is empty or a nested mapping', () => {
    for (const [yaml, expected] of [
      ['{}', { id: 'PM-3' }],
      ['{type: postmortem, }', { type: 'postmortem', id: 'PM-3' }],
      ['{type: postmortem, severity: }', { type: 'postmortem', severity: null, id: 'PM-3' }],
      ['{impact: {users_affected: 10}}', { impact: { users_affected: 10 }, id: 'PM-3' }],
    ] as const) {
      const t = text(yaml);
      const { fm, lines } = read(t);
      assert.deepEqual(after(t, flowRootKeyEdit(fm, lines, 'id', 'PM-3', 'PM-3')!.edit!).data, expected, yaml);
    }
  });

  it('sets a written value in place, without the braces or the next key on its line', () => {
    const t = text('{type: postmortem,\ntimezone: UTC, id: PM-4}');
    const { fm, lines } = read(t);
    const { data } = after(t, flowRootValueEdit(fm, lines, 'timezone', 'Europe/Berlin', 'Europe/Berlin')!.edit!);
    assert.deepEqual(data, { type: 'postmortem', timezone: 'Europe/Berlin', id: 'PM-4' });
    const empty = text('{timezone: , id: PM-4}');
    const e = read(empty);
    assert.deepEqual(after(empty, flowRootValueEdit(e.fm, e.lines, 'timezone', 'UTC', 'UTC')!.edit!).data, { timezone: 'UTC', id: 'PM-4' });
  });

  it('refuses an edit that would not read back: broken YAML, or another value than meant', () => {
    const t = text('{type: postmortem}');
    const { fm, lines } = read(t);
    const afterBrace: TextEdit = { range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, newText: 'started_at: x\n' };
    assert.match(editRefusal(fm, lines, afterBrace, ['started_at'], 'x') ?? '', /^written there, it would not be valid YAML/);
    const wrongValue: TextEdit = { range: { start: { line: 1, character: 17 }, end: { line: 1, character: 17 } }, newText: ', started_at: yes, no' };
    assert.match(editRefusal(fm, lines, wrongValue, ['started_at'], 'yes, no') ?? '', /would not read back as the value meant/);
  });

  it('writes plain only what reads back as the same string inside braces', () => {
    assert.equal(flowScalarText('2026-12-01T14:09:00Z'), '2026-12-01T14:09:00Z');
    assert.equal(flowScalarText('Europe/Berlin'), 'Europe/Berlin');
    for (const s of ['a, b', 'x: y', 'yes', '12', '{a}', 'note #1', '@kim', 'end:']) assert.equal(flowScalarText(s), JSON.stringify(s), s);
  });
});
