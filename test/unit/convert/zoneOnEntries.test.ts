import assert from 'node:assert/strict';
import { convertPostmortem } from '../../../src/core/import/convert';
import { formatConvertReport } from '../../../src/core/import/convert/report';
import { readSummary } from '../../../src/core/index/readSummary';
import { incidentDay } from '../../../src/core/index/incidentDate';

/**
 * A review that writes its zone on every entry rather than once ("### 16:22 PST"), with one time
 * in another zone in its prose ("noticed at 0:59 CET"): it was read as stating no zone, got
 * `timezone: UTC`, and list/metrics dated the Californian evening incident on the next day, in
 * another month (trial 14a F8).
 */
const oomProxy = [
  '# 2017-11-30 4:23PM PST, OOM (Out of Memory) Proxy',
  '',
  '## Summary',
  '',
  'Tim and Chris noticed at 0:59 CET (need to convert to PST) that mybinder.org showed an error.',
  '',
  '## Timeline',
  '',
  '### 2017-11-30 16:22 PST',
  '',
  'Proxy pod starts failing.',
  '',
  '### 16:59 PST',
  '',
  'Chris notices the error.',
  '',
  '### 17:07',
  '',
  'Node cordoned.',
  '',
  '### 17:21 PST',
  '',
  'Service restored.',
  '',
].join('\n');

/** The day `postmortem list` and the metrics date a converted file on. */
function listedDay(text: string): string | undefined {
  const s = readSummary(text);
  return incidentDay(s.milestones, s.timezone);
}

describe('convert: the zone written on the entries is the document\'s zone', () => {
  it('every entry "… PST", one prose time in CET: timezone America/Los_Angeles, said in a note, and list dates it as convert does', () => {
    const result = convertPostmortem(oomProxy, { fileName: 'oom-proxy.md' });
    assert.match(result.text, /^timezone: America\/Los_Angeles$/m);
    assert.doesNotMatch(result.text, /assumed by postmortem convert/);
    assert.deepEqual(result.diagnostics.filter((d) => d.code === 'convert/no-zone'), []);
    const report = formatConvertReport('oom-proxy.md', result);
    assert.match(report[0], /times read in PST \(stated in the document\)$/);
    assert.match(report.join('\n'), /incident date 2017-11-30, from the title/);
    const note = result.notes.find((n) => /carry PST/.test(n.message));
    assert.equal(note?.message, '4 of the 5 times written with a zone carry PST: it is taken as the document\'s zone, for times written without one and for timezone:. The other zones written on times (CET (line 5)) are not: a time written with one keeps it');
    // The entry written without a zone is read in PST too (01:07Z), not as UTC.
    assert.match(result.text, /^- 2017-12-01 01:07Z$/m);
    assert.equal(listedDay(result.text), '2017-11-30');
    assert.equal(result.report.complete, true);
  });

  it('"10:00 PST (18:00 UTC)": the same time restated in UTC is no second zone', () => {
    const text = ['# Outage', '', '## Timeline', '', '- 2026-12-05 10:00 PST (18:00 UTC) deploy', '- 10:30 PST (18:30 UTC) alert', '- 11:00 rollback', ''].join('\n');
    const result = convertPostmortem(text);
    assert.deepEqual(result.report.zone, { zone: 'PST', stated: true, source: 'times' });
    assert.match(result.text, /^timezone: America\/Los_Angeles$/m);
    assert.match(result.text, /^- 2026-12-05 19:00Z rollback$/m);
  });

  it('two zones written as often as each other settle nothing: no zone stated, as before', () => {
    const text = ['# Outage', '', '## Timeline', '', '- 2026-12-05 10:00 PST deploy', '- 2026-12-05 18:30 UTC alert', ''].join('\n');
    const result = convertPostmortem(text);
    assert.equal(result.report.zone.source, 'none');
    assert.match(result.text, /^timezone: UTC/m);
  });

  it('a zone on times still gets the out-of-season warning: "… PST" entries in July', () => {
    const text = ['# Outage', '', '## Timeline', '', '- 2026-07-10 16:22 PST deploy', '- 16:59 PST alert', '- 17:05 rollback', ''].join('\n');
    const result = convertPostmortem(text);
    assert.match(result.text, /^timezone: America\/Los_Angeles$/m);
    assert.deepEqual(result.diagnostics.filter((d) => d.code === 'convert/out-of-season').map((d) => d.severity), ['warning']);
    assert.match(result.text, /^- 2026-07-11 01:05Z rollback$/m, 'the zone-less entry is read in PST as its neighbours are');
    assert.equal(result.report.complete, false);
  });
});

describe('convert: the incident date of a front-matter start is the day on its own zone\'s calendar', () => {
  it('São Paulo, started_at 02:30Z on the 7th = 23:30 on the 6th: convert, list and the dateless entries agree on the 6th', () => {
    const text = [
      '---', 'title: "PIX fora do ar"', 'started_at: 2026-12-07T02:30:00Z', 'timezone: America/Sao_Paulo', '---', '',
      '# PIX fora do ar', '', '## Linha do tempo', '', '- 23:30 Alerta disparado', '- 23:50 Rollback iniciado', '',
    ].join('\n');
    const result = convertPostmortem(text, { fileName: 'pix.md' });
    assert.deepEqual(result.report.date, { value: '2026-12-06', source: 'the front matter', stated: true });
    assert.match(result.text, /^- 2026-12-07 02:30Z Alerta disparado$/m);
    assert.match(result.text, /^- 2026-12-07 02:50Z Rollback iniciado$/m);
    assert.equal(listedDay(result.text), '2026-12-06');
  });

  it('a start written as a date alone stays the day it names', () => {
    const text = ['---', 'started_at: 2026-12-06', 'timezone: America/Sao_Paulo', '---', '', '# PIX', '', '## Timeline', '', '- 23:30 alert', ''].join('\n');
    const result = convertPostmortem(text, { fileName: 'pix.md' });
    assert.equal(result.report.date?.value, '2026-12-06');
    assert.match(result.text, /^- 2026-12-07 02:30Z alert$/m);
  });
});
