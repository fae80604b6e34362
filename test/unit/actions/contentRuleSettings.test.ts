/**
 * The content rules' behaviour that fixtures cannot show: configuration (phrases, depths, deadlines,
 * required sections), "now" at day boundaries, and the fixes that are offered but not preferred.
 */
import { strict as assert } from 'node:assert';
import { resolveConfig } from '../../../src/core/config/resolve';
import { applyEdits } from '../../../src/core/fix/applyEdits';
import { lintText, type LintOptions } from '../../../src/core/lint/engine';
import { normaliseDate } from '../../../src/core/rules/actions/badDue';
import type { Diagnostic } from '../../../src/core/types';

const NOW = new Date('2026-11-27T12:00:00Z');

function lint(text: string, options: LintOptions = {}, prefix = ''): Diagnostic[] {
  return lintText(text, { now: NOW, ...options }).diagnostics.filter((d) => d.code.startsWith(prefix));
}

function fm(fields: string): string {
  return `---\ntype: postmortem\ntitle: t\n${fields}\n---\n# T\n\n`;
}

describe('content rules: settings and offered fixes', () => {
  describe('blameless/language', () => {
    const text = `${fm('status: draft')}## Summary\n\nIt was human error, 人为错误导致的, and a Fat Finger moment.\n`;

    it('adds configured phrases to the built-in list, also in CJK text', () => {
      const config = resolveConfig({ blamelessPhrases: ['人为错误', 'fat finger'] });
      const found = lint(text, { config }, 'blameless/').map((d) => text.split('\n')[d.range.start.line].slice(d.range.start.character, d.range.end.character));
      assert.deepEqual(found, ['human error', '人为错误', 'Fat Finger']);
    });

    it('replaces the built-in list with blamelessPhrasesReplace', () => {
      const config = resolveConfig({ blamelessPhrases: ['fat finger'], blamelessPhrasesReplace: true });
      const found = lint(text, { config }, 'blameless/');
      assert.equal(found.length, 1);
      assert.match(found[0].message, /"Fat Finger"/);
    });

    it('can be switched off', () => {
      assert.equal(lint(text, { config: resolveConfig({ rules: { 'blameless/language': 'off' } }) }, 'blameless/').length, 0);
    });

    it('treats configured phrases literally, not as regular expressions', () => {
      const config = resolveConfig({ blamelessPhrases: ['oops (again)'], blamelessPhrasesReplace: true });
      const t = `${fm('status: draft')}## Summary\n\nIt was oops (again).\n`;
      assert.equal(lint(t, { config }, 'blameless/').length, 1);
    });
  });

  describe('analysis/five-whys-shallow', () => {
    const text = `${fm('status: draft')}## Root cause\n\n### Five whys\n\n1. a\n2. b\n3. c\n`;
    it('uses fiveWhysMinDepth', () => {
      assert.equal(lint(text, {}, 'analysis/').length, 1);
      assert.equal(lint(text, { config: resolveConfig({ fiveWhysMinDepth: 3 }) }, 'analysis/').length, 0);
    });
  });

  describe('review/overdue', () => {
    const text = fm('status: in-review\nresolved_at: 2026-11-20T15:10:00Z');
    it('says how long overdue, and uses reviewDeadlineHours', () => {
      const [d] = lint(text, {}, 'review/overdue');
      assert.match(d.message, /48 hours/);
      assert.match(d.message, /4 days 20 hours overdue/);
      assert.equal(lint(text, { config: resolveConfig({ reviewDeadlineHours: 24 * 7 }) }, 'review/overdue').length, 0);
    });

    it('reads a resolved_at without zone in the document time zone', () => {
      // 2026-11-25 14:00 in Tokyo is 05:00Z; +48 h = 2026-11-27T05:00Z, before now.
      const t = fm('status: draft\ntimezone: Asia/Tokyo\nresolved_at: 2026-11-25 14:00');
      assert.equal(lint(t, {}, 'review/overdue').length, 1);
      assert.equal(lint(t, { now: new Date('2026-11-27T04:59:00Z') }, 'review/overdue').length, 0);
    });
  });

  describe('sections/missing', () => {
    it('uses requiredSections once in review', () => {
      const config = resolveConfig({ requiredSections: ['summary', 'Action items'] });
      const msgs = lint(fm('status: in-review'), { config }, 'sections/missing').map((d) => d.message);
      assert.deepEqual(msgs, ['Expected a "## Summary" section (required once status is in-review)', 'Expected a "## Action items" section (required once status is in-review)']);
    });

    it('offers one fix that inserts every missing section in canonical order', () => {
      const text = `${fm('status: in-review')}## Timeline\n\n- 2026-11-20 14:09Z [detected] Alert\n`;
      const diags = lint(text, {}, 'sections/missing');
      assert.equal(diags.length, 6);
      const all = diags[0].fixes?.find((f) => !f.isPreferred);
      assert.ok(all);
      const fixed = applyEdits(text, all.edits).text;
      const headings = fixed.split('\n').filter((l) => l.startsWith('## '));
      assert.deepEqual(headings, ['## Summary', '## Impact', '## Timeline', '## Root cause analysis', '## Response', '## Action items', '## Lessons learned']);
      assert.equal(lint(fixed, {}, 'sections/missing').length, 0);
    });
  });

  describe('actions', () => {
    it('counts overdue in whole UTC days', () => {
      const text = `${fm('status: draft')}## Action items\n\n- [ ] Today @a due:2026-11-27\n- [ ] Yesterday @a due:2026-11-26\n`;
      const justAfterMidnight = new Date('2026-11-27T00:30:00Z');
      const diags = lint(text, { now: justAfterMidnight }, 'actions/overdue');
      assert.deepEqual(diags.map((d) => d.range.start.line), [10]);
      assert.match(diags[0].message, /1 day overdue/);
    });

    it('offers P1 and P2 for a quick win, adding or replacing the priority', () => {
      const text = `${fm('status: draft')}## Action items\n\n- [ ] Cache it impact:high effort:low @a due:2027-01-01\n- [ ] Alert impact:high effort:low P4 @a due:2027-01-01\n`;
      const [add, replace] = lint(text, {}, 'actions/quick-win');
      assert.deepEqual(add.fixes?.map((f) => [f.title, f.isPreferred ?? false]), [['Prioritise as P1', false], ['Prioritise as P2', false]]);
      assert.match(applyEdits(text, add.fixes![0].edits).text, /impact:high effort:low P1 @a/);
      assert.match(applyEdits(text, replace.fixes![1].edits).text, /effort:low P2 @a/);
    });

    it('turns plain bullets into tasks on request, and then reads them as items', () => {
      const text = `${fm('status: in-review')}## Action items\n\n- Add lag alert\n  - with runbook\n- Document failover\n`;
      const [d] = lint(text, {}, 'actions/');
      assert.equal(d.code, 'actions/not-task-list');
      const fixed = applyEdits(text, d.fixes![0].edits).text;
      assert.match(fixed, /- \[ \] Add lag alert\n {2}- with runbook\n- \[ \] Document failover/);
      assert.deepEqual(lintText(fixed, { now: NOW }).doc.actionItems.map((a) => a.description), ['Add lag alert', 'Document failover']);
    });

    it('normalises year-first due dates only', () => {
      assert.equal(normaliseDate('2026/12/4'), '2026-12-04');
      assert.equal(normaliseDate('2026.12.04'), '2026-12-04');
      assert.equal(normaliseDate('2026-02-30'), undefined);
      assert.equal(normaliseDate('04/12/2026'), undefined);
    });
  });

  describe('related/unknown-id', () => {
    const text = fm('status: draft\nrelated: [PM-1, PM-2]');
    it('needs the workspace and reports only unknown ids', () => {
      assert.equal(lint(text, {}, 'related/').length, 0);
      const diags = lint(text, { workspace: { knownIds: new Set(['PM-1']) } }, 'related/');
      assert.equal(diags.length, 1);
      assert.match(diags[0].message, /"PM-2"/);
      assert.equal(text.split('\n')[diags[0].range.start.line].slice(diags[0].range.start.character, diags[0].range.end.character), 'PM-2');
    });
  });
});
