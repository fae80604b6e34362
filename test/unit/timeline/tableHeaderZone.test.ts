import { strict as assert } from 'node:assert';
import { applyEdits } from '../../../src/core/fix/applyEdits';
import { lintText } from '../../../src/core/lint/engine';
import { TIME_RULES } from '../../../src/core/rules/timeRules';
import { utcHeader } from '../../../src/core/rules/timeline/tableHeaderZone';

const options = { rules: TIME_RULES, now: new Date('2026-11-27T12:00:00Z') };

function doc(zone: string, table: string): string {
  return `---\ntype: postmortem\ntitle: T\ntimezone: ${zone}\n---\n# T\n\n## Timeline\n\n${table}`;
}

/** The text after the zone-wide "Convert … to UTC" fix, and the fix's title. */
function fixed(text: string): { text: string; title: string } {
  const d = lintText(text, options).diagnostics.find((x) => x.code === 'timeline/not-utc' && x.fixes?.[0]?.title.startsWith('Convert'));
  assert.ok(d, 'a zone-wide fix');
  return { text: applyEdits(text, d.fixes![0].edits).text, title: d.fixes![0].title };
}

describe('timeline/not-utc: a table header naming the zone says UTC after the fix (trial: "Time (IST)" over UTC times)', () => {
  it('renames "Time (IST)" over the converted rows, and the fix says so', () => {
    const r = fixed(doc('Asia/Kolkata', '| Date | Time (IST) | Event |\n|------|------|-------|\n| 2026-02-28 | 23:30 | Config push |\n| | 23:45 | [detected] Alert |\n'));
    assert.equal(r.title, 'Convert 2 entries from Asia/Kolkata to UTC (and the table header to say UTC)');
    assert.match(r.text, /^\| Date \| Time \(UTC\) \| Event \|$/m);
    assert.match(r.text, /^\| 2026-02-28 \| 18:00Z \| Config push \|$/m);
    assert.doesNotMatch(r.text, /IST/);
  });

  it('leaves a header that names no zone, and a table with a row at a DST change left local', () => {
    const plain = fixed(doc('Europe/Berlin', '| Time (approx.) | Event |\n|---|---|\n| 2026-11-20 10:00 | Alert |\n'));
    assert.match(plain.text, /^\| Time \(approx\.\) \| Event \|$/m);
    assert.equal(plain.title, 'Convert 1 entry from Europe/Berlin to UTC');
    // 02:30 on 2026-03-29 does not exist in Berlin: that row stays local, so the header still says CET.
    const gap = fixed(doc('Europe/Berlin', '| Time (CET) | Event |\n|---|---|\n| 2026-03-29 01:30 | Alert |\n| 2026-03-29 02:30 | Page |\n'));
    assert.match(gap.text, /^\| Time \(CET\) \| Event \|$/m);
    assert.match(gap.text, /^\| 2026-03-29 00:30Z \| Alert \|$/m);
  });

  it('reads the ways a header names a zone', () => {
    assert.equal(utcHeader('Time (IST)'), 'Time (UTC)');
    assert.equal(utcHeader('Time (AEDT)'), 'Time (UTC)');
    assert.equal(utcHeader('Time (PST/PDT)'), 'Time (UTC)');
    assert.equal(utcHeader('Time (Asia/Kolkata)'), 'Time (UTC)');
    assert.equal(utcHeader('Time (UTC+5:30)'), 'Time (UTC)');
    assert.equal(utcHeader('Time IST'), 'Time (UTC)');
    assert.equal(utcHeader('Local time'), 'Time (UTC)');
    assert.equal(utcHeader('Time (UTC)'), undefined);
    assert.equal(utcHeader('Time'), undefined);
    assert.equal(utcHeader('Time (approx.)'), undefined);
    assert.equal(utcHeader('Time zone'), undefined);
  });
});

describe('timeline/not-utc on a table of more than 10,000 rows', () => {
  it('keeps the header when a row past the 10,000th stays local (a cap on the rows looked at renamed it over that row)', () => {
    const rows: string[] = [];
    for (let i = 0; i < 10_010; i++) rows.push(`| 2026-03-2${i < 5_000 ? 7 : 8} ${String(Math.floor(i / 60) % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')} | e${i} |`);
    // 02:30 on 2026-03-29 does not exist in Berlin: that row stays local.
    rows.push('| 2026-03-29 02:30 | Page |');
    const r = fixed(doc('Europe/Berlin', `| Time (CET) | Event |\n|---|---|\n${rows.join('\n')}\n`));
    assert.match(r.text, /^\| Time \(CET\) \| Event \|$/m);
    assert.match(r.text, /^\| 2026-03-29 02:30 \| Page \|$/m);
  });
});
