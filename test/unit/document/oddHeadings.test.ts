import assert from 'node:assert/strict';
import { parsePostmortem } from '../../../src/core/document/parse';
import { renderedHeadingText } from '../../../src/core/document/headingText';
import { readSummary } from '../../../src/core/index';
import { convertPostmortem } from '../../../src/core/import/convert';
import { lintText } from '../../../src/core/lint/engine';

/**
 * Headings whose text is not plain words (CLOSING-14, read15): `## > Timeline`, an escaped or
 * encoded `>`, a link or a tag around the words. What the rendered page shows decides which section
 * it is, and lint, the summary (actions, sidebar, metrics) and convert take the same one.
 */
const NOW = new Date('2026-12-07T12:00:00Z');

/** A post-mortem with the two headings written `timeline` and `actions`. */
function postmortem(timeline: string, actions: string): string {
  return [
    '---', 'type: postmortem', 'title: Odd headings', 'status: draft', 'timezone: UTC', 'started_at: 2026-12-01T10:00:00Z', '---', '# Odd headings', '',
    '## Summary', '', 'Checkout failed for 40 minutes.', '',
    `## ${timeline}`, '', '- 2026-12-01 10:05Z [detected] Alert fired', '- 2026-12-01 10:40Z [resolved] Rolled back', '',
    `## ${actions}`, '', '- [ ] Rotate keys @ana due:2026-12-20', '',
  ].join('\n');
}

/** The original a team would convert: the same headings, no front matter. */
function original(timeline: string, actions: string): string {
  return ['# Outage', '', 'All times UTC.', '', `## ${timeline}`, '', '- 2026-12-01 10:05 Alert fired', '- 10:40 Rolled back', '', `## ${actions}`, '', '- [ ] Rotate keys @ana due:2026-12-20', ''].join('\n');
}

describe('odd heading texts: one section for every reader, the one the page shows', () => {
  const shown: [timeline: string, actions: string, why: string][] = [
    ['> Timeline', '> Action items', 'a `>` in the heading text (not a quote: the line starts with `##`)'],
    ['\\> Timeline', '\\> Action items', 'an escaped `>`, shown as `>`'],
    ['&gt; Timeline', '&#62; Action items', 'an encoded `>`, shown as `>`'],
    ['[Timeline](#timeline)', '[Action items](#action-items)', 'a link around the words'],
    ['<a id="tl"></a>Timeline', '<span id="ai">Action items</span>', 'an anchor tag or a span'],
    ['Timeline', 'Action&nbsp;items', 'a no-break space written as an entity'],
    ['~~Timeline~~', '~~Action items~~', 'struck through: still the section it names'],
  ];
  for (const [timeline, actions, why] of shown) {
    it(`"## ${timeline}" and "## ${actions}": ${why}`, () => {
      const text = postmortem(timeline, actions);
      const ids = parsePostmortem(text).sections.map((s) => s.id);
      assert.deepEqual(ids.slice(-3), ['summary', 'timeline', 'action-items'], 'lint\'s sections');
      assert.deepEqual(readSummary(text).sections.map((s) => s.id).slice(-3), ['summary', 'timeline', 'action-items'], 'the summary\'s sections');
      const summary = readSummary(text);
      assert.deepEqual(summary.actionItems.map((a) => a.description), ['Rotate keys'], 'the item is an action item (actions, sidebar, metrics)');
      assert.equal(summary.strayActionItems, undefined);
      assert.equal(summary.timeline.length, 2, 'the entries are the timeline\'s');
      const codes = lintText(text, { now: NOW }).diagnostics.map((d) => d.code);
      for (const code of ['actions/outside-section', 'actions/none', 'timeline/missing']) assert.ok(!codes.includes(code), `lint: ${code}`);
      assert.ok(!codes.some((c) => c.startsWith('sections/')), codes.join(', '));
      const converted = convertPostmortem(original(timeline, actions), { fileName: 'outage.md', defaultZone: 'UTC' });
      assert.match(converted.text, /^## Timeline\n\n- 2026-12-01 10:05Z Alert fired$/m, 'convert: the timeline');
      assert.match(converted.text, /^## Action items\n\n- \[ \] Rotate keys @ana due:2026-12-20$/m, 'convert: the action items');
      assert.ok(!converted.diagnostics.some((d) => d.code === 'convert/unplaced'), converted.diagnostics.map((d) => d.message).join('\n'));
    });
  }

  it('a heading inside a block quote is quoted text, for every reader', () => {
    const text = postmortem('Timeline', 'Lessons learned').replace('## Lessons learned', '> ## Action items');
    assert.ok(!parsePostmortem(text).sections.some((s) => s.id === 'action-items'), 'lint');
    assert.ok(!readSummary(text).sections.some((s) => s.id === 'action-items'), 'summary');
    const converted = convertPostmortem(original('Timeline', 'Lessons learned').replace('## Lessons learned', '> ## Action items'), { fileName: 'outage.md', defaultZone: 'UTC' });
    assert.doesNotMatch(converted.text, /^## Action items$/m, 'convert');
  });

  it('reads the page\'s text without regular expressions over the heading, in one bounded pass', () => {
    assert.equal(renderedHeadingText('\\> [Action items](#ai) &amp; <b>more</b>'), '> Action items &  more ');
    assert.equal(renderedHeadingText('a < b &unknown; &#0; \\q'), 'a < b &unknown; &#0; \\q', 'not a tag, an entity or an escape: as written');
    for (const storm of ['<a'.repeat(50_000), '&'.repeat(100_000), '](x'.repeat(30_000), '\\'.repeat(100_000)]) {
      const started = performance.now();
      renderedHeadingText(storm);
      assert.ok(performance.now() - started < 200, `linear on ${storm.slice(0, 6)}…`);
    }
  });
});
