import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePostmortem } from '../../../src/core/document/parse';
import { convertPostmortem } from '../../../src/core/import/convert';

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
});
