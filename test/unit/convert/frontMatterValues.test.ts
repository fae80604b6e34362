import assert from 'node:assert/strict';
import { convertPostmortem } from '../../../src/core/import/convert';
import { formatConvertReport } from '../../../src/core/import/convert/report';

/**
 * Front-matter values of another shape than the format's (trial17a F11): `status: [published]` was
 * dropped, the file written as a draft and the report said "the original states no status";
 * `services: !!binary …` became `{type: Buffer, data: […]}`. No line is dropped without a word.
 */
const original = (lines: readonly string[]) => ['---', 'title: Disk full', ...lines, 'start_time: 2020-10-09T21:30:00Z', '---', '', '# Disk full', '', '## Timeline', '', '- 2020-10-09 21:30 UTC Disk alert fired', ''].join('\n');

describe('convert: front-matter values of another shape (trial17a F11)', () => {
  it('reads a status written as a list of one, and says so', () => {
    const result = convertPostmortem(original(['status: [published]']));
    assert.match(result.text, /^status: published$/m);
    assert.equal(formatConvertReport('a.md', result)[1], '  status published, from the front matter (status: published)');
    assert.deepEqual(result.notes.filter((n) => /list of one/.test(n.message)).map((n) => [n.line, n.message]), [[2, 'status: published, read from a list of one ("status: [published]")']]);
  });

  it('keeps a status that is no text and binary data as written, and reports them', () => {
    const result = convertPostmortem(original(['status:', '  - published', '  - draft', 'services: !!binary aGVsbG8=']));
    assert.match(result.text, /^status: draft$/m);
    assert.doesNotMatch(result.text, /Buffer|^ *- 104$/m);
    const notes = result.text.slice(result.text.indexOf('### Original metadata'));
    for (const line of ['status:', '  - published', '  - draft', 'services: !!binary aGVsbG8=']) assert.ok(notes.split('\n').includes(line), `kept: ${line}`);
    assert.equal(result.report.status.assumed, 'the front matter\'s "status: - published - draft" is not a review status');
    assert.deepEqual(result.diagnostics.filter((d) => d.severity === 'warning' && /not read, kept as written/.test(d.message)).map((d) => [d.code, d.range.start.line]), [['convert/status', 2], ['convert/front-matter', 5]]);
    assert.equal(result.report.complete, false);
  });
});
