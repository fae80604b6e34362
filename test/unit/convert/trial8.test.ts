import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePostmortem } from '../../../src/core/document/parse';
import { convertPostmortem } from '../../../src/core/import/convert';
import { formatConvertReport, thingsToReview } from '../../../src/core/import/convert/report';

/**
 * Findings of the session-7 trial on `postmortem convert` and Convert to Standard Format (issue 10,
 * "nothing silently wrong"): each fixture is written the way the trial met it, and each check is on
 * what the user sees — the converted text, its front matter, the report lines, the notes.
 */
const TRIAL = join(__dirname, '../../fixtures/convert/trial');
const convertFixture = (name: string, options: Parameters<typeof convertPostmortem>[1] = {}) => convertPostmortem(readFileSync(join(TRIAL, name), 'utf8'), { fileName: name, ...options });
const notes = (r: ReturnType<typeof convertPostmortem>) => r.notes.map((n) => `${n.line + 1}: ${n.message}`);

describe('convert: trial 7 findings', () => {
  describe('T15: a GitLab-style incident review', () => {
    const r = convertFixture('gitlab-review.md');
    const doc = parsePostmortem(r.text);

    it('the H1 is the title, without the "Incident Review:" that names the document; the heading keeps it', () => {
      assert.equal(doc.meta.title, 'Database replication lag caused 502s on GitLab.com');
      assert.match(r.text, /^# Incident Review: Database replication lag caused 502s on GitLab\.com$/m);
      assert.ok(notes(r).includes('1: title: "Database replication lag caused 502s on GitLab.com" — without the leading "Incident Review:", which names the document, not what happened (the heading keeps it as written)'), notes(r).join('\n'));
    });

    it('the Incident link is a ticket reference: kept in the text, not the title, and said', () => {
      assert.doesNotMatch(r.text, /^title: .*12345/m);
      assert.match(r.text, /^\*\*Incident:\*\* \[#12345\]\(https:\/\/gitlab\.com\/gitlab-com\/gl-infra\/production\/-\/issues\/12345\)$/m);
      assert.ok(notes(r).some((n) => n.startsWith('3: "**Incident:** [#12345](') && n.endsWith('is a reference to the incident\'s ticket, not a title: kept as written in the text')), notes(r).join('\n'));
    });

    it('S2 is read as SEV2, and the mapping is said', () => {
      assert.equal(doc.meta.severity, 'SEV2');
      assert.ok(notes(r).includes('4: severity: SEV2, read from "S2" (the format\'s scale is SEV1 critical … SEV4 low; check it matches)'), notes(r).join('\n'));
    });

    it('"(owner: @sre-team, due 2024-04-01)" becomes the owner and the due date', () => {
      assert.match(r.text, /^- \[ \] Alert earlier on replication lag @sre-team due:2024-04-01$/m);
      assert.match(r.text, /^- \[ \] Document the failover runbook @dba$/m);
      const items = doc.actionItems.map((a) => ({ text: a.description, owner: a.owner?.value, due: a.due?.value }));
      assert.deepEqual(items, [
        { text: 'Alert earlier on replication lag', owner: 'sre-team', due: '2024-04-01' },
        { text: 'Document the failover runbook', owner: 'dba', due: undefined },
      ]);
    });
  });

  it('T15: other labelled owners and dues in items; a prefix that is more than the document\'s kind stays', () => {
    const src = [
      '# Flutter postmortem: Gradle failures', '', '## Action items', '',
      '- Add a canary build (Owner: Ana Lima; due by 2024-05-01; tracked in OPS-12)',
      '- Add automated tests for old SDKs. Owner: @lucas',
      '- Rotate keys @bob (owner: @carol, due: 2024-06-01)',
      '- Check what is due to expire (due to the renewal)',
      '',
    ].join('\n');
    const r = convertPostmortem(src);
    assert.match(r.text, /^title: "Flutter postmortem: Gradle failures"$/m);
    assert.match(r.text, /^- \[ \] Add a canary build \(tracked in OPS-12\) @Ana-Lima due:2024-05-01$/m);
    // The item's own `@lucas` is the owner already: the label stays as written.
    assert.match(r.text, /^- \[ \] Add automated tests for old SDKs\. Owner: @lucas$/m);
    // `@bob` is the owner as written; the due in the parenthesis is still read.
    assert.match(r.text, /^- \[ \] Rotate keys @bob \(owner: @carol\) due:2024-06-01$/m);
    assert.match(r.text, /^- \[ \] Check what is due to expire \(due to the renewal\)$/m);
  });

  it('T18: one count for one conversion — the report and the editor\'s and CLI\'s messages say the same "N things to review", notes not counted', () => {
    // One warning (a time outside the timeline, not read) and info notes (a section with no standard place, a status assumed).
    const src = ['# Cache outage', '', 'Date: 2024-03-11', '', '## Timeline', '', 'All times UTC.', '', '- 2024-03-11 09:12 - Alert', '- 2024-03-11 09:20 - Declared', '',
      '## Vendor notes', '', 'Unrelated text.', '', '## Summary', '', '- 2024-03-11 10:00 - Cache flushed (mentioned here only)', ''].join('\n');
    const r = convertPostmortem(src, { fileName: 'cache.md' });
    assert.ok(r.diagnostics.some((d) => d.severity === 'info'), 'info notes present');
    assert.equal(r.diagnostics.filter((d) => d.severity === 'warning').length, 1);
    assert.equal(thingsToReview(r), '1 thing to review');
    assert.ok(formatConvertReport('cache.md', r).includes('  incomplete: 1 thing to review'), formatConvertReport('cache.md', r).join('\n'));
  });

  it('a zone given for the conversion is named with where it came from (the editor passes the writer\'s zone)', () => {
    const src = '# Checkout errors\n\n## Timeline\n\n- 2026-11-20 14:09 Pager alert\n- 2026-11-20 14:21 Rolled back\n';
    const bare = convertPostmortem(src);
    assert.ok(bare.diagnostics.some((d) => d.code === 'convert/no-zone'), 'without a zone the host must know to ask');
    const r = convertPostmortem(src, { fileName: 'x.md', defaultZone: 'Europe/Berlin', defaultZoneFrom: 'your zone: the postmortem.zone setting' });
    assert.match(r.text, /^- 2026-11-20 13:09Z Pager alert$/m);
    assert.match(formatConvertReport('x.md', r)[0], /times read in Europe\/Berlin \(your zone: the postmortem\.zone setting; the document states none\)$/);
    assert.ok(!r.diagnostics.some((d) => d.code === 'convert/no-zone'));
    // The CLI's --zone keeps its words.
    assert.match(formatConvertReport('x.md', convertPostmortem(src, { defaultZone: 'Europe/Berlin' }))[0], /\(given for this conversion; the document states none\)$/);
  });

  it('F8: steps of the response told in the past and bare fix links are done, never open work; links with words and requests stay open', () => {
    const src = ['# EKS upgrade', '', '## Review actions', '',
      '- The team then raised an AWS Production System Down Support Ticket to escalate the issue (Case ID: 1742).',
      '- Got guidance from AWS support on querying control-plane logs.',
      '- Document a runbook for emergency scaling of a new node group.',
      '- We then need to add alerts on node group imbalance.',
      '- [Investigate fluent-bit "failed to flush chunk"](https://github.com/org/repo/issues/5930)',
      '- [OPS-12](https://jira.example.com/browse/OPS-12)',
      '', '### Fixes', '',
      '* [flutter/plugins#1127](https://github.com/flutter/plugins/pull/1127)',
      '', 'https://review.example.com/c/base/+/27015418', 'https://github.com/flutter/engine/pull/52370', ''].join('\n');
    const r = convertPostmortem(src);
    const items = parsePostmortem(r.text).actionItems.map((a) => `${a.isDone ? 'x' : ' '} ${a.text.slice(0, 40)}`);
    assert.deepEqual(items, [
      'x The team then raised an AWS Production S',
      'x Got guidance from AWS support on queryin',
      '  Document a runbook for emergency scaling',
      '  We then need to add alerts on node group',
      '  [Investigate fluent-bit "failed to flush',
      // Outside a Fixes heading a bare link may track open work: it stays open.
      '  [OPS-12](https://jira.example.com/browse',
      'x [flutter/plugins#1127](https://github.co',
      'x https://review.example.com/c/base/+/2701',
    ]);
    assert.ok(r.notes.some((n) => /^2 list items \(the first here\) tell what was done during the response .*written as done \(\[x\]\), never open$/.test(n.message)), r.notes.map((n) => n.message).join('\n'));
    assert.ok(r.notes.some((n) => /^2 list items \(the first here\) are only a link under a Fixes heading/.test(n.message)), r.notes.map((n) => n.message).join('\n'));
  });
});
