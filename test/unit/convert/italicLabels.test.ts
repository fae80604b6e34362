import assert from 'node:assert/strict';
import { convertPostmortem } from '../../../src/core/import/convert';
import { formatConvertReport } from '../../../src/core/import/convert/report';

/**
 * Jira's `*bold*` pasted into Markdown is italics: `*Status:* Closed`, `*Priority:* Major`. They were
 * not read, and the report said "the original states no status" (trial17c F11).
 */
const jira = (status: string, priority: string) => ['# INC-2291: Ferry ticketing kiosks down', '', '*Created:* 01/Nov/26 9:12 AM', priority, status, '', 'All times UTC.', '', '## Timeline', '', '- 2026-11-01 03:10 First kiosk error logged', '- 2026-11-01 06:55 All kiosks printing again', ''].join('\n');

describe('convert: metadata labels in italics', () => {
  for (const [status, priority] of [['*Status:* Closed', '*Priority:* Major'], ['_Status_: Closed', '- *Priority*: Major']]) {
    it(`reads ${status} and ${priority} as bold labels are read`, () => {
      const result = convertPostmortem(jira(status, priority));
      assert.match(result.text, /^status: published$/m);
      // Jira's Major is the third of its five priorities: kept as written and said, not mapped to SEV2 (trial18c F4).
      assert.match(result.text, /^severity: Major$/m);
      assert.equal(formatConvertReport('j.md', result)[1], '  status published, from "Status: Closed" (line 5)');
      assert.ok(result.diagnostics.some((d) => d.code === 'convert/severity' && d.severity === 'warning' && d.message.startsWith('Expected a severity on the format\'s scale (SEV1 critical … SEV4 low), found "Major": ')));
      // The lines are kept under the original's metadata, not lost.
      assert.ok(result.text.includes(status) && result.text.includes(priority.replace(/^- /, '')));
    });
  }

  it('an italic word that is no known label stays text; a list item written with * is no italic label', () => {
    const text = ['# DB outage', '', '*Note:* the replica was already lagging', '', '* Status: Closed', '', '## Timeline', '', '- 2026-11-01 03:10 UTC Alert', ''].join('\n');
    const result = convertPostmortem(text);
    assert.match(result.text, /^\*Note:\* the replica was already lagging$/m);
    assert.match(result.text, /^status: published$/m, 'the plain label in a * list item is still read');
    const emphasis = convertPostmortem(text.replace('* Status: Closed', '*Status of the rollout: unknown*'));
    assert.match(emphasis.text, /^status: draft$/m);
  });
});
