import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyEdits } from '../../../src/core/fix/applyEdits';
import { fixAll } from '../../../src/core/fix/fixAll';
import { lintText } from '../../../src/core/lint/engine';
import { readSummary } from '../../../src/core/index/readSummary';
import { renderBuiltinTemplate } from './builtinTemplate';

const NOW = new Date('2026-12-07T03:00:00Z');
const FIXTURES = join(__dirname, '../../fixtures/lint');

/** Trial 12 T4: the built-in template with `<!-- draft notes` typed just above `## Action items`, and two items under it. */
function swallowed(status = 'draft'): string {
  return renderBuiltinTemplate(status)
    .replace('## Action items\n', '<!-- draft notes\n\n## Action items\n')
    .replace('item is expected. -->\n', 'item is expected. -->\n\n- [ ] Add a canary stage for config pushes @aiko due:2026-12-20 P1\n- [ ] Alert on 5xx per deploy @ken due:2026-12-01 P2\n');
}

const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle));

describe('document/comment-hides-content: a comment ended by a later comment\'s `-->` hides a heading', () => {
  it('a fresh post-mortem from the template has no such warning, and its guidance comments hide nothing', () => {
    const fresh = renderBuiltinTemplate('draft');
    const result = lintText(fresh, { now: NOW });
    assert.deepEqual(result.diagnostics.filter((d) => d.code.startsWith('document/') || d.code === 'actions/outside-section').map((d) => d.code), []);
    assert.equal(result.doc.hidingComments, undefined);
    assert.deepEqual(readSummary(fresh).problems, []);
  });

  it('warns on the stray `<!--`, naming the hidden heading, where the comment really ends, and what that does to the items', () => {
    const text = swallowed();
    const found = lintText(text, { now: NOW }).diagnostics.filter((d) => d.code === 'document/comment-hides-content');
    assert.equal(found.length, 1);
    const opened = lineOf(text, '<!-- draft notes');
    const heading = lineOf(text, '## Action items');
    const guidance = lineOf(text, '<!-- One task per line');
    const closed = lineOf(text, 'item is expected. -->');
    assert.equal(found[0].severity, 'warning');
    assert.deepEqual(found[0].range, { start: { line: opened, character: 0 }, end: { line: opened, character: 4 } });
    assert.equal(found[0].message, `Expected the HTML comment opened here to end before "## Action items" (line ${heading + 1}), found it runs to line ${closed + 1}, where the \`-->\` of the comment opened on line ${guidance + 1} ends it (a \`<!--\` inside a comment opens nothing): the heading is hidden when rendered and read as the comment's text; the task items after it are read as part of "Response", not as action items (not in postmortem actions, the Action Items view or the metrics)`);
    assert.deepEqual(found[0].related?.map((r) => r.range.start.line), [heading, guidance]);
  });

  it('its preferred fix ends the comment on the note\'s own line: the heading, the section and both items come back, the note stays hidden', () => {
    const text = swallowed();
    const diagnostic = lintText(text, { now: NOW }).diagnostics.find((d) => d.code === 'document/comment-hides-content')!;
    const fix = diagnostic.fixes![0];
    assert.equal(fix.isPreferred, true);
    assert.equal(fix.title, `End the comment opened on line ${lineOf(text, '<!-- draft notes') + 1} before "## Action items" (line ${lineOf(text, '## Action items') + 1})`);
    assert.match(fix.note!, /^assuming the comment opened on line \d+ was meant to end before "## Action items" \(line \d+\), not with the `-->` of the comment opened on line \d+$/);
    const fixed = applyEdits(text, fix.edits).text;
    assert.ok(fixed.includes('\n<!-- draft notes -->\n\n## Action items\n'));
    const after = lintText(fixed, { now: NOW });
    assert.deepEqual(after.diagnostics.filter((d) => d.code === 'document/comment-hides-content' || d.code === 'actions/outside-section'), []);
    assert.deepEqual(after.doc.actionItems.map((i) => i.owner?.value), ['aiko', 'ken']);
    assert.deepEqual(readSummary(fixed).actionItems.map((i) => i.owner), ['aiko', 'ken']);
    // Fix All applies it (and says what it assumed).
    assert.equal(fixAll(text, { now: NOW }).text.includes('<!-- draft notes -->'), true);
  });

  it('the items under the section above are said: an info in a draft, a warning from in-review on, naming the hidden heading', () => {
    for (const [status, severity] of [['draft', 'info'], ['in-review', 'warning'], ['published', 'warning']] as const) {
      const text = swallowed(status);
      const items = lintText(text, { now: NOW }).diagnostics.filter((d) => d.code === 'actions/outside-section');
      assert.deepEqual(items.map((d) => d.range.start.line), [lineOf(text, 'Add a canary'), lineOf(text, 'Alert on 5xx')], status);
      assert.deepEqual(items.map((d) => d.severity), [severity, severity], status);
      assert.match(items[0].message, /^Expected action items under an "Action items" section, found this task item with an owner and a due date under "Response", while the heading "## Action items" \(line \d+\) is inside the HTML comment opened on line \d+: it is not tracked/);
    }
  });

  it('from in-review on, sections/missing names the hidden heading and offers no skeleton (it would make a second one)', () => {
    const text = swallowed('in-review');
    const missing = lintText(text, { now: NOW }).diagnostics.filter((d) => d.code === 'sections/missing');
    assert.equal(missing.length, 1);
    assert.match(missing[0].message, /^Expected a "## Action items" section \(required once status is in-review\): the heading on line \d+ is inside the HTML comment opened on line \d+, which runs to line \d+/);
    assert.equal(missing[0].fixes, undefined);
  });

  it('the summary says it: what the comment hides, and the items left out, with their lines', () => {
    const text = swallowed();
    const summary = readSummary(text);
    assert.deepEqual(summary.actionItems, []);
    assert.deepEqual(summary.strayActionItems, { count: 2, box: 0, lines: [lineOf(text, 'Add a canary'), lineOf(text, 'Alert on 5xx')], sections: ['Response'], besideSection: false });
    assert.equal(summary.problems.length, 2, summary.problems.join('\n'));
    assert.match(summary.problems[0], /^Hidden in a comment, line \d+: the HTML comment opened there runs to line \d+, where the `-->` of the comment opened on line \d+ ends it \(a `<!--` inside a comment opens nothing\), so the heading "## Action items" \(line \d+\) is read as its text$/);
    assert.match(summary.problems[1], /^Not action items, line \d+: 2 task items with an owner or due date are under "Response" \(lines \d+, \d+\), while the Action items heading \(line \d+\) is inside an HTML comment, so they are not listed or counted as action items \(lint: actions\/outside-section\)$/);
  });

  it('a comment that ends with its own `-->` and hides a section on purpose is said, without a fix', () => {
    const text = readFileSync(join(FIXTURES, 'document-comment-hides-items.md'), 'utf8');
    const found = lintText(text, { now: NOW }).diagnostics.filter((d) => d.code === 'document/comment-hides-content');
    const appendix = found.find((d) => d.range.start.line === lineOf(text, 'The raw notes'))!;
    assert.match(appendix.message, /found it runs to line \d+: the heading is hidden when rendered and read as the comment's text; what follows it is read as part of "Appendix"; if the comment was not meant to hide it, end it with `-->` before "## Raw notes" \(line \d+\)$/);
    assert.equal(appendix.fixes, undefined);
  });

  it('items hidden by a `<!--` left open among them: a fix that is offered, not applied unseen (they may have been hidden on purpose)', () => {
    const text = readFileSync(join(FIXTURES, 'document-comment-hides-items.md'), 'utf8');
    const found = lintText(text, { now: NOW }).diagnostics.filter((d) => d.code === 'document/comment-hides-content');
    const items = found.find((d) => d.range.start.line === lineOf(text, 'TODO ask'))!;
    assert.match(items.message, /^Expected the HTML comment opened here to end before line \d+, found it runs to line \d+, where the `-->` of the comment opened on line \d+ ends it \(a `<!--` inside a comment opens nothing\): 2 action items are hidden when rendered and read as the comment's text$/);
    assert.equal(items.fixes?.length, 1);
    assert.notEqual(items.fixes![0].isPreferred, true);
    const fixed = applyEdits(text, items.fixes![0].edits).text;
    assert.equal(lintText(fixed, { now: NOW }).doc.actionItems.length, 3);
  });

  it('stays linear on a hostile file: 20,000 comments each holding a heading', () => {
    const text = `---\ntype: postmortem\nstatus: draft\n---\n${'<!-- a\n## Hidden\n- [ ] x @a due:2026-01-01\n<!-- b -->\n'.repeat(20_000)}`;
    const started = Date.now();
    const summary = readSummary(text);
    const lint = lintText(text, { now: NOW, rules: [] });
    assert.equal(lint.doc.hidingComments?.length, 20_000);
    // Five named, the rest counted in one note (a list of 20,000 would drown the output).
    const notes = summary.problems.filter((p) => p.startsWith('Hidden in a comment'));
    assert.equal(notes.length, 6);
    assert.match(notes[5], /^Hidden in a comment, line \d+: 19995 more HTML comments from there on hide headings, action items or timeline entries/);
    assert.ok(Date.now() - started < 8_000, `${Date.now() - started} ms`);
  });
});
