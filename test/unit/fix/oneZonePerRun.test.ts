import { strict as assert } from 'node:assert';
import { fixAll } from '../../../src/core/fix/fixAll';
import type { Rule } from '../../../src/core/lint/rule';
import { formatIsoUtc } from '../../../src/core/time/zones';
import { parseInstant } from '../../../src/core/time/instant';

/**
 * fix-all never reads times without a zone in two zones in one run (trial18c F11). Stand-in rules:
 * `test/zone` converts a line `at: 2026-12-03T10:00:00` (no zone) to UTC in the document's zone, as
 * schema/format and timeline/not-utc do (their fixes carry `readsZone`); `test/rename` writes the
 * key `timezone` over `tz_key` (a misspelt key renamed), once `ready` says so.
 */
function zoneRule(): Rule {
  return {
    code: 'test/zone',
    defaultSeverity: 'warning',
    description: 'test: a zone-less time converted in the document zone',
    check({ doc, report }) {
      for (let line = 0; line < doc.lines.lineCount; line++) {
        const m = /^at: (\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)$/.exec(doc.lines.lineText(line));
        if (!m) continue;
        const iso = formatIsoUtc(parseInstant(m[1], doc.timezone)!.ms);
        const range = { start: { line, character: 4 }, end: { line, character: 4 + m[1].length } };
        report({ range, message: 'no zone', fixes: [{ title: `Write as ${iso}`, edits: [{ range, newText: iso }], isPreferred: true, readsZone: { zone: doc.timezone, said: `read ${m[1]} as ${doc.timezone}: ${iso}` } }] });
      }
    },
  };
}

function renameRule(ready: (text: string) => boolean): Rule {
  return {
    code: 'test/rename',
    defaultSeverity: 'warning',
    description: 'test: a misspelt zone key renamed',
    check({ doc, report }) {
      if (!ready(doc.text)) return;
      for (let line = 0; line < doc.lines.lineCount; line++) {
        if (!doc.lines.lineText(line).startsWith('tz_key:')) continue;
        const range = { start: { line, character: 0 }, end: { line, character: 6 } };
        report({ range, message: 'misspelt', fixes: [{ title: 'Rename', edits: [{ range, newText: 'timezone' }], isPreferred: true }] });
      }
    },
  };
}

const TEXT = '---\ntype: postmortem\ntz_key: Asia/Kathmandu\n---\n# T\n\nat: 2026-12-03T10:00:00\n';
const now = new Date('2026-12-07T12:00:00Z');

describe('fix-all: one zone per run (trial18c F11)', () => {
  it('a run that renames the zone key converts no zone-less time; the next run converts it in the new zone, and each says so', () => {
    const rules = [zoneRule(), renameRule(() => true)];
    const once = fixAll(TEXT, { rules, now });
    assert.equal(once.text, TEXT.replace('tz_key:', 'timezone:'), 'renamed, 10:00:00 left as written (not 10:00Z as UTC)');
    assert.deepEqual(once.fixed, { 'test/rename': 1 });
    assert.deepEqual(once.notes, ['timezone: this run changed the zone times without one are read in, from UTC to Asia/Kathmandu; the fixes that read times without a zone were left for the next run, which reads them as Asia/Kathmandu: test/zone. Check them, then run --fix again']);
    const twice = fixAll(once.text, { rules, now });
    assert.match(twice.text, /\nat: 2026-12-03T04:15:00Z\n/);
    assert.deepEqual(twice.notes, ['test/zone: read 2026-12-03T10:00:00 as Asia/Kathmandu: 2026-12-03T04:15:00Z']);
  });

  it('once a time was converted in this run\'s zone, a fix that would change the zone waits for the next run', () => {
    // The rename shows up only after the conversion (a fix another fix makes possible).
    const rules = [zoneRule(), renameRule((text) => text.includes('T10:00:00Z'))];
    const once = fixAll(TEXT, { rules, now });
    assert.match(once.text, /\ntz_key: Asia\/Kathmandu\n[^]*\nat: 2026-12-03T10:00:00Z\n/, 'converted as UTC; the key not renamed in the same run');
    assert.deepEqual(once.fixed, { 'test/zone': 1 });
    assert.ok(once.remaining.some((d) => d.code === 'test/rename'), 'the rename is still reported');
    const twice = fixAll(once.text, { rules, now });
    assert.match(twice.text, /\ntimezone: Asia\/Kathmandu\n/);
  });
});
