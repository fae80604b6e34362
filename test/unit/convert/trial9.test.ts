import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePostmortem } from '../../../src/core/document/parse';
import { convertPostmortem } from '../../../src/core/import/convert';
import { lintText } from '../../../src/core/lint/engine';

/**
 * Findings of the session-9 trial on `postmortem convert` (trial9.md T7, T12, T6): fixtures written
 * in the shape of the public templates (the SRE book's "Shakespeare Sonnet++" appendix, GitLab's
 * incident review), each check on what a user sees — the front matter, the items, lint's verdict.
 */
const TRIAL = join(__dirname, '../../fixtures/convert/trial');
const convertFixture = (name: string) => convertPostmortem(readFileSync(join(TRIAL, name), 'utf8'), { fileName: name });
const NOW = new Date('2026-11-27T12:00:00Z');
const notes = (r: ReturnType<typeof convertPostmortem>) => r.notes.map((n) => `${n.line + 1}: ${n.message}`);

describe('convert: trial 9 findings', () => {
  describe('T7: the SRE book\'s post-mortem ("Shakespeare Sonnet++")', () => {
    const r = convertFixture('sre-book-shakespeare.md');
    const doc = parsePostmortem(r.text);

    it('OUTAGE BEGINS / OUTAGE MITIGATED / INCIDENT ENDS give started, mitigated and resolved, each said', () => {
      assert.equal(doc.meta.started_at, '2015-10-21T14:54:00Z');
      assert.equal(doc.meta.mitigated_at, '2015-10-21T15:36:00Z');
      assert.equal(doc.meta.resolved_at, '2015-10-21T16:00:00Z');
      assert.ok(notes(r).some((n) => /^66: mitigated_at set to 2015-10-21T15:36:00Z, the entry the original marks as the end of the outage/.test(n)), notes(r).join('\n'));
      assert.ok(notes(r).some((n) => /^69: resolved_at set to 2015-10-21T16:00:00Z, the entry the original marks as the end of the incident/.test(n)), notes(r).join('\n'));
    });

    it('the marked entries carry the format\'s tags, the marker words kept; INCIDENT BEGINS (the declaration) is no milestone', () => {
      assert.match(r.text, /^- 2015-10-21 14:54Z \[started\] \*\*OUTAGE BEGINS\*\* — Search backends/m);
      assert.match(r.text, /^- 2015-10-21 15:36Z \[mitigated\] \*\*OUTAGE MITIGATED\*\*, sacrificial cluster/m);
      assert.match(r.text, /^- 2015-10-21 16:00Z \[resolved\] \*\*INCIDENT ENDS\*\*, reached exit criterion/m);
      assert.match(r.text, /^- 2015-10-21 15:01Z \*\*INCIDENT BEGINS\*\* docbrown declares/m);
      const milestones = lintText(r.text, { now: NOW }).diagnostics.filter((d) => d.code === 'timeline/missing-milestone' || d.code === 'timeline/milestone-mismatch');
      // Only the detection, which the original gives in words ("Borgmon … paged on-call"), is left to the team.
      assert.deepEqual(milestones.map((d) => d.message.slice(0, 40)), ['Expected an entry marked [detected] (whe']);
    });

    it('the action table: Type → kind:, Bug → the ticket, **DONE**/**TODO** → done/open, "n/a" dropped', () => {
      const items = doc.actionItems.map((a) => ({ text: a.description, owner: a.owner?.value, ticket: a.ticket?.value, done: a.isDone, kind: a.kind?.value }));
      assert.deepEqual(items.slice(0, 3), [
        { text: 'Update playbook with instructions for responding to cascading failure', owner: 'jennifer', ticket: undefined, done: true, kind: 'mitigate' },
        { text: 'Use flux capacitor to balance load between clusters', owner: 'martym', ticket: 'BUG-5554823', done: false, kind: 'prevent' },
        { text: 'Schedule cascading failure test during next DiRT', owner: 'docbrown', ticket: undefined, done: false, kind: 'process' },
      ]);
      // "other" is no kind the format has: it stays in the text, named by its column.
      assert.match(r.text, /^- \[ \] Freeze production until 2015-11-20 due to error budget exhaustion, or seek exception \(type: other\) @docbrown$/m);
      assert.ok(notes(r).includes('23: The "type" column is written as each item\'s kind: (mitigate, prevent, process); other values stay in the text'), notes(r).join('\n'));
      assert.ok(notes(r).some((n) => n.startsWith('23: The "bug" column\'s numbers are written as tickets the format reads: "Bug 5554823" → BUG-5554823')), notes(r).join('\n'));
      const lint = lintText(r.text, { now: NOW }).diagnostics;
      assert.deepEqual(lint.filter((d) => d.code === 'actions/no-ticket').map((d) => d.range.start.line + 1).length, 2, 'only the two open items whose Bug cell says n/a have no ticket');
      assert.ok(!lint.some((d) => d.code === 'actions/bad-kind'));
    });
  });

  describe('T12: GitLab\'s incident review (summary fields, dashed corrective actions, "(detected)")', () => {
    const r = convertFixture('gitlab-incident-review.md');
    const doc = parsePostmortem(r.text);

    it('the summary fields the format has a place for are read: services and downtime minutes', () => {
      assert.deepEqual(doc.meta.services, ['web', 'API']);
      assert.deepEqual(doc.meta.impact, { downtime_minutes: 47 });
      assert.ok(notes(r).includes('10: impact.downtime_minutes: 47, read from "Minutes downtime or degradation: 47"'), notes(r).join('\n'));
      assert.ok(notes(r).some((n) => n.startsWith('9: "Time to detection: 4 minutes" is kept in the Summary as written')), notes(r).join('\n'));
    });

    it('a field with no place is listed as not read, so the report never says "complete"', () => {
      const notRead = r.diagnostics.filter((d) => d.code === 'convert/not-read');
      assert.deepEqual(notRead.map((d) => [d.range.start.line + 1, d.severity]), [[8, 'warning']]);
      assert.match(notRead[0].message, /^"Team attribution: Database" is kept in the Summary as written, not read/);
      assert.equal(r.report.complete, false);
    });

    it('"(detected)" and "incident resolved" mark milestones as [detected] / [resolved] do', () => {
      assert.equal(doc.meta.detected_at, '2026-05-04T13:06:00Z');
      assert.equal(doc.meta.mitigated_at, '2026-05-04T13:49:00Z');
      assert.equal(doc.meta.resolved_at, '2026-05-04T14:30:00Z');
      assert.match(r.text, /^- 2026-05-04 13:06Z \[detected\] EOC paged$/m);
      assert.match(r.text, /^- 2026-05-04 13:49Z \[mitigated\] failover completed, 502s stop$/m);
      const lint = lintText(r.text, { now: NOW }).diagnostics.filter((d) => d.code.startsWith('timeline/'));
      assert.deepEqual(lint.map((d) => d.code), []);
    });

    it('"- @jdoe - https://…/issues/12400 - due 2026-06-01" and "(owner: @asmith, 2026-05-20)" give owner, ticket and due date, no stray dashes', () => {
      assert.match(r.text, /^- \[ \] Add lag-based load-balancer check @jdoe https:\/\/gitlab\.com\/gitlab-com\/gl-infra\/reliability\/-\/issues\/12400 due:2026-06-01$/m);
      const items = doc.actionItems.map((a) => ({ text: a.description, owner: a.owner?.value, due: a.due?.value, ticket: a.ticket?.value }));
      assert.deepEqual(items, [
        { text: 'Add lag-based load-balancer check', owner: 'jdoe', due: '2026-06-01', ticket: 'https://gitlab.com/gitlab-com/gl-infra/reliability/-/issues/12400' },
        { text: 'Runbook update', owner: 'asmith', due: '2026-05-20', ticket: undefined },
      ]);
      assert.ok(!lintText(r.text, { now: NOW }).diagnostics.some((d) => d.code === 'actions/missing-due'));
    });

    it('the tag goes on the marked entry, not on another entry at the same minute; "Time to resolve" is a note, not "not read"', () => {
      const c = convertPostmortem([
        '# Incident on 2023-07-21 - Pods cannot get IP addresses', '',
        '- **Key events**', '  - First detected 2023-07-21 08:15', '  - Resolved 2023-07-21 12:42', '',
        '## Summary', '', '1. Time to resolve: 4h 27m', '',
        '## Timeline', '',
        '- 2023-07-21 08:15 - Alert: pods pending', '- 2023-07-21 12:42 - Set the prefix-delegation setting on the live cluster', '- 2023-07-21 12:42 - Incident resolved', '',
      ].join('\n'));
      assert.match(c.text, /^- 2023-07-21 12:42Z Set the prefix-delegation setting on the live cluster$/m);
      assert.match(c.text, /^- 2023-07-21 12:42Z \[resolved\] Incident resolved$/m);
      assert.ok(!c.diagnostics.some((d) => d.code === 'convert/not-read'));
      assert.ok(c.notes.some((n) => n.message.startsWith('"Time to resolve: 4h 27m" is kept in the Summary as written')));
    });

    it('a description with its own dash keeps it: only owner, ticket and due parts at the end are read', () => {
      const c = convertPostmortem(['# Review', '', '## Corrective actions', '', '- [ ] Split the migration - batch by 10k rows - @jdoe - due 2026-06-01', ''].join('\n'));
      assert.match(c.text, /^- \[ \] Split the migration - batch by 10k rows @jdoe due:2026-06-01$/m);
    });
  });

  describe('T6: a front matter that repeats a key; a severity not on the format\'s scale', () => {
    const r = convertFixture('duplicate-key.md');

    it('the repeated key is a warning naming both values; the original block is kept under "Notes from the original"', () => {
      const d = r.diagnostics.find((x) => x.code === 'convert/front-matter');
      assert.ok(d, r.diagnostics.map((x) => x.code).join());
      assert.equal(d.severity, 'warning');
      assert.equal(d.message, 'The front matter gives "title" twice (line 2: "Checkout outage (draft title)"; line 3: "Checkout returned 502s for 40 minutes"); the last, "Checkout returned 502s for 40 minutes", was used. The original front matter is kept under "Notes from the original": check which value is right');
      assert.match(r.text, /## Notes from the original\n\n### Original front matter\n\n```yaml\ntitle: Checkout outage \(draft title\)\ntitle: Checkout returned 502s/);
      assert.equal(r.report.complete, false);
    });

    it('severity: high is kept as written and said (no scale says which level it is); a numbered level is read; a word off the scale is kept and reported', () => {
      assert.equal(parsePostmortem(r.text).meta.severity, 'high');
      assert.ok(r.diagnostics.some((x) => x.code === 'convert/severity' && x.severity === 'warning' && x.message.startsWith('Expected a severity on the format\'s scale (SEV1 critical … SEV4 low), found "high" in the front matter: the original does not say which level "high" is')), r.diagnostics.map((x) => x.message).join('\n'));
      assert.equal(parsePostmortem(convertPostmortem('---\ntitle: X\nseverity: high\n---\n# X\n', { severityScale: { High: 'SEV2' } }).text).meta.severity, 'SEV2');
      const p0 = convertPostmortem('---\ntitle: X\nseverity: P0\n---\n# X\n');
      assert.equal(parsePostmortem(p0.text).meta.severity, 'SEV1');
      const odd = convertPostmortem('---\ntitle: X\nseverity: purple\n---\n# X\n');
      assert.match(odd.text, /^severity: purple$/m);
      assert.ok(odd.diagnostics.some((x) => x.code === 'convert/severity' && x.severity === 'warning' && /"severity: purple" is not on the format's scale/.test(x.message)));
    });
  });
});
