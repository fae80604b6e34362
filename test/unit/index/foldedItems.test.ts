import assert from 'node:assert/strict';
import { parsePostmortem } from '../../../src/core/document/parse';
import { readSummary } from '../../../src/core/index';
import { computeMetrics } from '../../../src/core/metrics';
import { lintText } from '../../../src/core/lint/engine';
import { applyEdits } from '../../../src/core/fix/applyEdits';
import { assertLinearGrowth } from '../robustness/linearGrowth';

/**
 * Which lines are action items and timeline entries where Markdown folds a list marker into the
 * text above (trial17a F2, F3, F3b, F4): every reader agrees with lint's tree, and the lines it does
 * not read are named (lint, `actions`/`list`/`metrics` through the summary's note), with a fix.
 */

const NOW = '2026-12-07T17:00:00Z';
const doc = (actions: string[], timeline: string[] = ['- 2026-11-20 14:02Z [started] deploy']) => [
  '---', 'type: postmortem', 'id: PM-1', 'started_at: 2026-11-20T14:02:00Z', 'timezone: UTC', '---', '', '# Base', '',
  '## Timeline', '', ...timeline, '', '## Action items', '', ...actions, '',
].join('\n');

/** What each reader lists: the lint parser's items, the summary's (actions, list, sidebar) and the metrics' count. */
function readings(text: string) {
  const parsed = parsePostmortem(text).actionItems.map((a) => a.description);
  const summary = readSummary(text);
  const metrics = computeMetrics([{ uri: 'a.md', text }], { now: NOW });
  return { parsed, summary: summary.actionItems.map((a) => a.description), total: metrics.actions.total, problems: summary.problems };
}

const lint = (text: string) => lintText(text, { now: new Date(NOW) }).diagnostics;
/** The text after applying the preferred fix of each diagnostic with `code`, once. */
function fixed(text: string, code: string): string {
  const edits = lint(text).filter((d) => d.code === code).flatMap((d) => d.fixes?.find((f) => f.isPreferred)?.edits ?? []);
  return applyEdits(text, edits).text;
}

describe('task lines and entries Markdown folds into the text above (trial17a F2–F4)', () => {
  it('ordered task lines under a paragraph are no items, and every reader names them (F2)', () => {
    const text = doc(['Agreed in the review on 2026-11-22:', '2. [ ] Make the spawner robust @bob due:2026-12-21', '3. [ ] Refactor the event reflector']);
    const r = readings(text);
    assert.deepEqual(r.parsed, []);
    assert.deepEqual(r.summary, []);
    assert.equal(r.total, 0);
    const note = r.problems.find((p) => p.startsWith('Task items not read'));
    assert.ok(note?.includes('line 17: 2 lines'), note);
    assert.ok(note?.includes('numbered `2.` right under text'), note);
    const said = lint(text).filter((d) => d.code === 'actions/not-a-task');
    assert.deepEqual(said.map((d) => d.range.start.line + 1), [17, 18]);
    assert.match(said[0].message, /a list that interrupts a paragraph must start at 1/);
    assert.match(said[1].message, /follows line 17/);
    // The fix (a blank line above the first) makes both items for every reader.
    const after = readings(fixed(text, 'actions/not-a-task'));
    assert.deepEqual(after.parsed, ['Make the spawner robust', 'Refactor the event reflector']);
    assert.deepEqual(after.summary, after.parsed);
    assert.equal(after.total, 2);
    assert.ok(!after.problems.some((p) => p.startsWith('Task items not read')));
  });

  it('a nested ordered task not numbered 1 under an item\'s text is that item\'s text for every reader (F3)', () => {
    const text = doc(['1. [ ] Speak to the namespace owner @ann due:2026-12-20', '2. [ ] Find where the token was used @bob due:2026-12-20', '    3. [ ] Add the file to gitignore @cat due:2026-12-20']);
    const r = readings(text);
    assert.equal(r.parsed.length, 2);
    assert.deepEqual(r.summary, r.parsed);
    assert.equal(r.total, 2);
    assert.match(r.parsed[1], /^Find where the token was used 3\. \[ \] Add the file/);
    assert.deepEqual(lint(text).filter((d) => d.code === 'actions/not-a-task').map((d) => d.range.start.line + 1), [18]);
    assert.ok(r.problems.some((p) => p.startsWith('Task items not read, line 18')));
    // Numbered 1 it is a nested item, as before.
    const one = readings(text.replace('    3. [ ]', '    1. [ ]'));
    assert.equal(one.parsed.length, 3);
    assert.deepEqual(one.summary, one.parsed);
  });

  it('a footnote definition is no paragraph: the ordered task after it is an item for every reader (F3b)', () => {
    for (const between of [[], ['lazy words of the note'], ['', '    more of the note, indented']]) {
      const text = doc(['- [ ] Alpha task @ann due:2026-12-01 [^1]', '', '[^1]: Agreed with the database team.', ...between, '2. [ ] Beta task @bob due:2026-11-30']);
      const r = readings(text);
      assert.deepEqual(r.parsed.map((d) => d.split(' ')[0]), ['Alpha', 'Beta'], between.join('/'));
      assert.deepEqual(r.summary, r.parsed, between.join('/'));
      assert.equal(r.total, 2);
    }
    // `[^1]:` alone opens no paragraph: the next line is a paragraph of its own, which `2.` cannot interrupt.
    const alone = doc(['[^1]:', 'A paragraph', '2. [ ] Beta task @bob due:2026-11-30']);
    assert.deepEqual(readings(alone).parsed, []);
    assert.deepEqual(readings(alone).summary, []);
  });

  it('after an indented code block the readers follow lint\'s reading, say it, and the fix numbers it 1 (F4)', () => {
    const text = doc(['We agreed on these after the review:', '', '    kubectl get pods -n checkout', '', '2. [ ] Page on pool saturation @ann due:2026-11-30', '3. [ ] Load-test checkout']);
    const r = readings(text);
    assert.deepEqual(r.parsed, []);
    assert.deepEqual(r.summary, []);
    const said = lint(text).filter((d) => d.code === 'actions/not-a-task');
    assert.deepEqual(said.map((d) => d.range.start.line + 1), [20, 21]);
    assert.match(said[0].message, /right after an indented code block/);
    const after = fixed(text, 'actions/not-a-task');
    assert.ok(after.includes('\n1. [ ] Page on pool saturation'), after);
    const fixedReadings = readings(after);
    assert.deepEqual(fixedReadings.parsed, ['Page on pool saturation', 'Load-test checkout']);
    assert.deepEqual(fixedReadings.summary, fixedReadings.parsed);
  });

  it('timeline entries under a paragraph are said by lint and the summary, with a fix (F2)', () => {
    const text = doc(['- [ ] Alpha task @ann due:2026-12-20'], ['All times UTC:', '2. 2026-11-20 14:02Z [started] deploy', '3. 14:09Z [detected] alert']);
    assert.equal(parsePostmortem(text).timeline.length, 0);
    assert.equal(readSummary(text).timeline.length, 0);
    const said = lint(text).filter((d) => d.code === 'timeline/not-list-item');
    assert.deepEqual(said.map((d) => d.range.start.line + 1), [13, 14]);
    assert.match(said[0].message, /\[started\] count nowhere/);
    assert.ok(readSummary(text).problems.some((p) => p.startsWith('Timeline entries not read, line 13: 2 lines')));
    const after = fixed(text, 'timeline/not-list-item');
    assert.equal(parsePostmortem(after).timeline.length, 2);
    assert.equal(readSummary(after).timeline.length, 2);
  });

  it('reads folded lines in linear time', () => {
    const make = (lines: string[]) => (size: number) => {
      const body: string[] = [];
      let n = 0;
      while (n < size) {
        for (const l of lines) body.push(l);
        n += lines.join('\n').length;
      }
      return doc(body);
    };
    assertLinearGrowth('paragraph then numbered tasks', (t) => readSummary(t), make(['Agreed:', '2. [ ] Task @bob due:2026-12-21', '']));
    assertLinearGrowth('nested numbered tasks', (t) => readSummary(t), make(['1. [ ] Task @bob', '    3. [ ] Nested @cat']));
    assertLinearGrowth('footnotes and tasks', (t) => readSummary(t), make(['[^1]: note', '2. [ ] Task @bob due:2026-12-21']));
    assertLinearGrowth('code then tasks', (t) => readSummary(t), make(['    code', '', '2. [ ] Task @bob', '']));
  });
});

describe('a level-1 Action items heading (trial17a F9)', () => {
  for (const [name, heading] of [['ATX', ['# Action items']], ['setext', ['Action items', '============']]] as const) {
    it(`names it, with the fix that makes it level 2 (${name})`, () => {
      const text = ['---', 'type: postmortem', 'id: PM-1', '---', '', '# Base', '', ...heading, '', '- [ ] Alpha task @ann due:2026-12-01', '- [ ] Gamma task @cat due:2026-12-20', ''].join('\n');
      const note = readSummary(text).problems.find((p) => p.startsWith('Not action items'));
      assert.ok(note?.includes('(line 8) is a level-1 heading'), note);
      const said = lint(text).filter((d) => d.code === 'actions/outside-section');
      assert.equal(said.length, 2);
      assert.match(said[0].message, /is a level-1 heading.*make it `## Action items`/);
      // One fix, on the first item: after it both items are read.
      assert.equal(said.filter((d) => d.fixes?.length).length, 1);
      const after = fixed(text, 'actions/outside-section');
      assert.deepEqual(readSummary(after).actionItems.map((a) => a.description), ['Alpha task', 'Gamma task']);
      assert.deepEqual(parsePostmortem(after).actionItems.map((a) => a.description), ['Alpha task', 'Gamma task']);
    });
  }
});
