import { strict as assert } from 'node:assert';
import { applyEdits } from '../../../src/core/fix/applyEdits';
import { lintText } from '../../../src/core/lint/engine';

const NOW = new Date('2026-12-06T12:00:00Z');
const DRAFT = [
  '---', 'type: postmortem', 'title: Checkout 502s', 'status: draft', 'timezone: UTC', '---', '# Checkout 502s', '',
  '## Timeline', '', '- 2026-11-20 14:00Z [detected] Alert', '', '```', 'kubectl rollout undo', '',
  '- 2026-11-20 14:30Z [mitigated] Rolled back', '', '## Action items', '', '- [ ] Add a canary @alex due:2026-12-20', '- [ ] Alert on 502s @sam due:2026-12-21', '',
].join('\n');

describe('document/unclosed-fence: a code block never closed hides the rest of the post-mortem', () => {
  const found = lintText(DRAFT, { now: NOW }).diagnostics.filter((d) => d.code === 'document/unclosed-fence');

  it('warns on the opening fence, naming what it hides and how many lines', () => {
    assert.equal(found.length, 1);
    assert.equal(found[0].severity, 'warning');
    assert.equal(found[0].range.start.line + 1, 13);
    assert.equal(found[0].message, 'Expected a closing ``` for the code block opened here, found none: everything after line 13 (8 lines with 1 section ("## Action items"), 2 action items and 1 timeline entry) is read as code, not as the post-mortem');
  });

  it('offers to close it before the hidden section (not applied by fix-all): then the items are read', () => {
    const fix = found[0].fixes![0];
    assert.equal(fix.title, 'Close the code block before line 18 (## Action items)');
    assert.notEqual(fix.isPreferred, true);
    const closed = lintText(applyEdits(DRAFT, fix.edits).text, { now: NOW });
    assert.equal(closed.doc.actionItems.length, 2);
    assert.ok(!closed.diagnostics.some((d) => d.code === 'document/unclosed-fence'));
  });

  it('leaves an unclosed mermaid block to diagram/unclosed-fence', () => {
    const mermaid = DRAFT.replace('```\nkubectl rollout undo', '```mermaid\nflowchart LR');
    const codes = lintText(mermaid, { now: NOW }).diagnostics.map((d) => d.code);
    assert.ok(codes.includes('diagram/unclosed-fence') && !codes.includes('document/unclosed-fence'), codes.join(', '));
  });

  it('names a very long opening fence by its length instead of quoting it; the fix still writes a closer as long', () => {
    const long = '`'.repeat(20_000);
    const hostile = DRAFT.replace('```\nkubectl rollout undo', `${long}\nkubectl rollout undo`);
    const d = lintText(hostile, { now: NOW }).diagnostics.find((x) => x.code === 'document/unclosed-fence')!;
    assert.ok(d.message.startsWith('Expected a closing fence of 20,000 backticks for the code block opened here'), d.message);
    assert.ok(d.message.length < 300, `message is ${d.message.length} characters`);
    const closed = applyEdits(hostile, d.fixes![0].edits).text;
    assert.equal(lintText(closed, { now: NOW }).doc.actionItems.length, 2);
  });
});
