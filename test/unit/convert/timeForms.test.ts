/**
 * Trial14a F23 and F16: timeline lines in time forms convert did not know (`21.05 Uhr`, `kl. 21.05`,
 * `21h`, `９時０５分`, `午後9時05分`) were folded into the entry above, or the whole timeline was
 * declared absent, and the report said "complete: everything timeline-like was read", exit 0, with
 * `started_at` taken from the wrong entry. They are now read; a line that looks timed and is still
 * not read is said (`convert/unread-entry`, exit 1) and stays an item of its own. Also F3's zoned
 * range: `16:00-16:30 CEST` converts both ends with the zone written after the end.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import convert from '../../../src/cli/commands/convert';
import { parsePostmortem } from '../../../src/core/document/parse';
import { convertPostmortem } from '../../../src/core/import/convert';

const review = (...lines: string[]) => lines.join('\n');
const convertUtc = (text: string) => convertPostmortem(text, { defaultZone: 'UTC' });
const entries = (text: string) => text.split('\n').filter((l) => /^- \d{4}-\d{2}-\d{2} \d{2}:\d{2}/.test(l));
const warnings = (r: ReturnType<typeof convertUtc>) => r.diagnostics.filter((d) => d.severity === 'warning');
const complete = (r: ReturnType<typeof convertUtc>) => r.report.complete && warnings(r).length === 0;
const startedAt = (text: string) => /^started_at: (\S+)$/m.exec(text)?.[1];

describe('convert: time forms of other languages and input methods (trial14a F23, F16)', () => {
  it('a German review: "Zeitachse (alle Zeiten MEZ)" with "20.00 Uhr" entries', () => {
    const r = convertUtc(review('# Bericht', '', '**Datum:** 2026-12-05', '', '## Zeitachse (alle Zeiten MEZ)', '',
      '- 20.00 Uhr Deployment gestartet', '- 21.05 Uhr Alarm ausgelöst', '- um 21.30 Uhr Rollback', '- 23 Uhr Dienst wiederhergestellt', ''));
    assert.deepEqual(entries(r.text), ['- 2026-12-05 19:00Z Deployment gestartet', '- 2026-12-05 20:05Z Alarm ausgelöst', '- 2026-12-05 20:30Z Rollback', '- 2026-12-05 22:00Z Dienst wiederhergestellt']);
    assert.equal(startedAt(r.text), '2026-12-05T19:00:00Z');
    assert.doesNotMatch(r.text, /has no timeline/);
    assert.ok(complete(r), warnings(r).map((d) => d.message).join(' | '));
  });

  it('bare dotted times are read when the timeline shows it writes times so ("20.00" is no date), and said in a note', () => {
    const r = convertUtc(review('# Bericht', '', '**Datum:** 2026-12-05', '', '## Zeitachse (alle Zeiten UTC)', '',
      '- 20.00 Deployment gestartet', '- 21.05 Alarm ausgelöst', '- 23.00 Dienst wiederhergestellt', ''));
    assert.deepEqual(entries(r.text), ['- 2026-12-05 20:00Z Deployment gestartet', '- 2026-12-05 21:05Z Alarm ausgelöst', '- 2026-12-05 23:00Z Dienst wiederhergestellt']);
    assert.ok(r.notes.some((n) => /Times written with a dot \("21\.05"\) were read as times of day, not dates: this timeline writes "20\.00" \(line 7\)/.test(n.message)), JSON.stringify(r.notes));
    // Alone, "21.05" may be the 21st of May: not read as a time, and said.
    const alone = convertUtc(review('# R', '', '**Date:** 2026-12-05', '', '## Timeline (all times UTC)', '', '- 2026-12-05 20:00 start', '- 21.05 alert fired', '- 23:00 resolved', ''));
    assert.match(alone.text, /^- 21\.05 alert fired$/m);
    assert.ok(warnings(alone).some((d) => d.code === 'convert/unread-entry' && d.range.start.line === 7 && /"21\.05" looks like a time but is not in a form read/.test(d.message)));
    assert.equal(complete(alone), false);
  });

  it('Scandinavian, Finnish and Dutch: "kl. 21.05", "kl 21:30", "klo 22.00", "21u05", "om 21.30 uur"', () => {
    const r = convertUtc(review('# Hændelse', '', '**Date:** 2026-12-05', '', '## Tidslinje (CET)', '',
      '- kl. 21.05 Alarm udløst', '- kl 21:30 rollback', '- klo 22.00 palvelu toimii', '- 22u05 dienst hersteld', '- om 22.30 uur gesloten', ''));
    assert.deepEqual(entries(r.text).map((l) => l.slice(0, 23)), ['- 2026-12-05 20:05Z Ala', '- 2026-12-05 20:30Z rol', '- 2026-12-05 21:00Z pal', '- 2026-12-05 21:05Z die', '- 2026-12-05 21:30Z ges']);
    assert.ok(complete(r), warnings(r).map((d) => d.message).join(' | '));
  });

  it('a zone in parentheses after the heading is that zone: "(CET)" was read from its "ET", as US Eastern', () => {
    for (const [zone, first] of [['CET', '20:05Z'], ['EET', '19:05Z'], ['WET', '21:05Z'], ['EST', '02:05Z']]) {
      const r = convertUtc(review('# Incident', '', '**Date:** 2026-12-05', '', `## Timeline (${zone})`, '', '- 21:05 alert', '- 21:30 rollback', ''));
      assert.equal(entries(r.text)[0].slice(13, 19), first, zone);
    }
  });

  it('French, Spanish and Portuguese hours: "21h05", "21h", "21 h 30", "21H45", and "21:05h"', () => {
    const r = convertUtc(review('# Incident', '', '**Date:** 2026-12-05', '', '## Chronologie (all times UTC)', '',
      '- 21h05 alerte', '- 21h30 retour arrière', '- 21 h 40 vérification', '- 21H45 alerta', '- 22:05h serviço restabelecido', '- 23h clôture', ''));
    assert.deepEqual(entries(r.text), ['- 2026-12-05 21:05Z alerte', '- 2026-12-05 21:30Z retour arrière', '- 2026-12-05 21:40Z vérification', '- 2026-12-05 21:45Z alerta', '- 2026-12-05 22:05Z serviço restabelecido', '- 2026-12-05 23:00Z clôture']);
    assert.ok(complete(r));
    // "2h later", "12h degraded", "4h+ backlog" are durations, not a time of day: said, not read.
    const later = convertUtc(review('# R', '', '**Date:** 2026-12-05', '', '## Timeline (all times UTC)', '', '- 20:00 start', '- 2h later alerts fired', '- 12h degraded service', '- 4h+ backlog', ''));
    assert.doesNotMatch(later.text, /02:00Z|12:00Z|04:00Z/);
    assert.deepEqual(warnings(later).filter((d) => d.code === 'convert/unread-entry').map((d) => d.range.start.line), [7, 8, 9]);
  });

  it('12-hour forms with a dot, and a range whose am/pm and zone follow its end ("4:00-4:30 PM PST")', () => {
    const r = convertUtc(review('# R', '', '**Date:** 2026-12-05', '', '## Timeline (all times UTC)', '',
      '- 9.05pm alert', '- 9.10 p.m. page', '- 4:00-4:30 PM PST maintenance window', '- 11:30-12:15 PM PST from the morning', ''));
    assert.deepEqual(entries(r.text), ['- 2026-12-05 21:05Z alert', '- 2026-12-05 21:10Z page', '- 2026-12-06 00:00Z–00:30Z maintenance window', '- 2026-12-05 19:30Z–20:15Z from the morning']);
  });

  it('a Japanese review typed with an input method: full-width digits and colon, 午後/午前 (F16)', () => {
    const r = convertUtc(review('# 障害報告', '', '## タイムライン (all times JST)', '',
      '- 2026年１２月５日 ９時０５分 アラート発報', '- ９：３０ ロールバック', '- 午後9時05分 再発', '- 午後１０時半 復旧', '- ３時間後 確認', ''));
    assert.deepEqual(entries(r.text), ['- 2026-12-05 00:05Z アラート発報', '- 2026-12-05 00:30Z ロールバック', '- 2026-12-05 12:05Z 再発', '- 2026-12-05 13:30Z 復旧']);
    assert.equal(startedAt(r.text), '2026-12-05T00:05:00Z', 'the start is the alert at 09:05 JST, not the recovery');
    // "３時間後" is three hours later, not three o'clock: said, not read.
    assert.match(r.text, /^- ３時間後 確認$/m);
    assert.ok(warnings(r).some((d) => d.code === 'convert/unread-entry' && d.range.start.line === 8));
    // Every word kept: the full-width stamps are counted as rewritten.
    const plain = convertUtc(review('# 障害報告', '', '## タイムライン (all times JST)', '', '- 2026年12月5日 ９時０５分 アラート発報', '- ９：３０ ロールバック', '- 午後9時30分 再発', '- 10:00 復旧', ''));
    assert.deepEqual(entries(plain.text), ['- 2026-12-05 00:05Z アラート発報', '- 2026-12-05 00:30Z ロールバック', '- 2026-12-05 12:30Z 再発', '- 2026-12-06 01:00Z 復旧']);
    assert.ok(plain.diagnostics.some((d) => d.code === 'convert/midnight'), 'the 10:00 after 21:30 is said to be the next day');
  });

  it('午前12時 / 午後12時 is noon to some writers and midnight to others: not read, and said', () => {
    const r = convertUtc(review('# 障害報告', '', '## タイムライン (all times JST)', '', '- 2026年12月5日 11:00 開始', '- 午後12時 復旧', ''));
    assert.match(r.text, /^- 午後12時 復旧$/m);
    const said = warnings(r).find((d) => d.code === 'convert/unread-entry');
    assert.equal(said?.range.start.line, 5);
    assert.match(said!.message, /"午後12時" looks like a time but is not in a form read: 12 with 午前\/午後 is noon to some writers and midnight to others/);
  });

  it('Korean and Chinese am/pm forms: "오후 9시 5분", "下午9点30分", "晚上10点", "凌晨2点"; "3시간" (hours) is no clock', () => {
    const r = convertUtc(review('# R', '', '**Date:** 2026-12-05', '', '## Timeline (all times UTC)', '', '- 오후 9시 5분 경보 발생', '- 下午9点30分 回滚', '- 오후 10시 복구', '- 晚上10点 监控', '- 凌晨2点 结束', '- 3시간 후 확인', ''));
    assert.deepEqual(entries(r.text), ['- 2026-12-05 21:05Z 경보 발생', '- 2026-12-05 21:30Z 回滚', '- 2026-12-05 22:00Z 복구', '- 2026-12-05 22:00Z 监控', '- 2026-12-06 02:00Z 结束']);
    assert.match(r.text, /^- 3시간 후 확인$/m);
  });

  it('four digits with a zone or "hrs" (2105Z, 1405 UTC, 0930 hrs), Brazilian "21h05min", Polish "godz.", Italian "ore"/"alle"; "2026 UTC" may be a year', () => {
    const r = convertUtc(review('# R', '', '**Date:** 2026-12-05', '', '## Timeline (all times UTC)', '', '- 0930 hrs start', '- 1405 UTC page', '- 2026Z alert', '- 21h05min alerta', '- godz. 21:10 awaria', '- ore 21.15 guasto', '- alle 21.20 ripristino', '- 2026 UTC plan', ''));
    assert.deepEqual(entries(r.text), ['- 2026-12-05 09:30Z start', '- 2026-12-05 14:05Z page', '- 2026-12-05 20:26Z alert', '- 2026-12-05 21:05Z alerta', '- 2026-12-05 21:10Z awaria', '- 2026-12-05 21:15Z guasto', '- 2026-12-05 21:20Z ripristino']);
    assert.doesNotMatch(r.text, /20:26Z plan/);
  });

  it('seconds are kept ("21:05:30" → 21:05:30Z), not dropped without a word', () => {
    const r = convertUtc(review('# R', '', '**Date:** 2026-12-05', '', '## Timeline (all times UTC)', '', '- 20:00 start', '- 21:05:30 alert fired', ''));
    assert.match(r.text, /^- 2026-12-05 21:05:30Z alert fired$/m);
    assert.equal(parsePostmortem(r.text).timeline[1].problem, undefined);
  });

  it('a line that looks timed but is not read is said and stays its own item, never folded into the entry above', () => {
    for (const written of ['21,05', 'T+5m']) {
      const r = convertUtc(review('# R', '', '**Date:** 2026-12-05', '', '## Timeline (all times UTC)', '', '- 2026-12-05 20:00 start', `- ${written} alert fired`, '- 23:00 resolved', ''));
      assert.match(r.text, new RegExp(`^- ${written.replace('+', '\\+')} alert fired$`, 'm'), `${written}: kept at the margin, not as a detail of the 20:00 entry`);
      const said = warnings(r).find((d) => d.code === 'convert/unread-entry');
      assert.equal(said?.range.start.line, 7, written);
      assert.match(said!.message, new RegExp(`"${written.replace('+', '\\+')}" looks like a time but is not in a form read`));
      assert.equal(complete(r), false);
    }
  });

  it('with no timeline section, times in these forms are not "no timeline" without a word', () => {
    const r = convertUtc(review('# Bericht', '', '**Datum:** 2026-12-05', '', '## Was geschah', '', 'Der Alarm löste um 21.05 Uhr aus, kl. 21.30 Rollback, 22h15 wieder da.', ''));
    const said = r.diagnostics.find((d) => d.code === 'convert/prose-times');
    assert.match(said?.message ?? '', /3 times of day in its sentences \("21\.05 Uhr" \(line 7\), "kl\. 21\.30" \(line 7\), "22h15" \(line 7\)\)/);
    assert.equal(complete(r), false);
  });

  it('entries such as "- 20.00 Uhr Deployment" (no dash after the time) under another heading are the timeline, or said', () => {
    const chronik = convertUtc(review('# Bericht', '', '**Datum:** 2026-12-05', '', 'Alle Zeiten MEZ.', '', '## Chronik', '', '- 20.00 Uhr Deployment gestartet', '- 21.05 Uhr Alarm ausgelöst', '- 23.00 Uhr Dienst wiederhergestellt', ''));
    assert.deepEqual(entries(chronik.text), ['- 2026-12-05 19:00Z Deployment gestartet', '- 2026-12-05 20:05Z Alarm ausgelöst', '- 2026-12-05 22:00Z Dienst wiederhergestellt']);
    const apart = convertUtc(review('# Bericht', '', '**Datum:** 2026-12-05', '', 'Alle Zeiten MEZ.', '', '## Zeitachse', '', '- 19.00 Uhr Start', '- 19.30 Uhr Weiter', '- 19.45 Uhr Ende', '',
      '## Sonstiges', '', '- 21.05 Uhr Alarm ausgelöst', '- 23.00 Uhr Dienst wiederhergestellt', ''));
    assert.deepEqual(warnings(apart).filter((d) => d.code === 'convert/unread-entry').map((d) => d.range.start.line), [14, 15]);
    assert.equal(complete(apart), false);
  });

  it('the CLI exits 1 and does not call a timeline with an unread time form complete', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pm-timeforms-'));
    try {
      writeFileSync(join(dir, 'bericht.md'), review('# Bericht', '', '**Datum:** 2026-12-05', '', '## Zeitachse (alle Zeiten MEZ)', '', '- 20.00 Uhr Deployment gestartet', '- 21,05 Alarm ausgelöst', '- 23.00 Uhr Dienst wiederhergestellt', ''));
      let out = '';
      let err = '';
      const code = await convert(['bericht.md'], { out: (t) => (out += t), err: (t) => (err += t), cwd: dir, now: () => new Date('2026-11-27T12:00:00Z') });
      assert.equal(code, 1);
      assert.match(err, /bericht\.md:8:1 {2}warning {2}This line looks like a timeline entry but was left as text \("21,05" looks like a time but is not in a form read\); check it {2}convert\/unread-entry/);
      assert.doesNotMatch(out + err, /complete: everything timeline-like was read/);
      const written = readFileSync(join(dir, 'bericht.postmortem.md'), 'utf8');
      assert.match(written, /^- 2026-12-05 19:00Z Deployment gestartet\n- 21,05 Alarm ausgelöst\n- 2026-12-05 22:00Z Dienst wiederhergestellt$/m);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('convert: a range with its zone after the end (trial14a F3)', () => {
  it('"16:00-16:30 CEST" converts both ends with CEST, in a review whose other times are UTC', () => {
    const r = convertUtc(review('# R', '', '## Timeline (all times UTC)', '', '### 2018-04-18', '', '- 13:00 deploy', '- 16:00-16:30 CEST Hub flooded', '- 16.00 – 16.30 Uhr MESZ again', ''));
    assert.match(r.text, /^- 2018-04-18 14:00Z–14:30Z Hub flooded$/m);
    assert.match(r.text, /^- 2018-04-18 14:00Z–14:30Z again$/m);
    const ends = parsePostmortem(r.text).timeline.map((e) => (e.rangeEndInstant === undefined ? undefined : new Date(e.rangeEndInstant).toISOString()));
    assert.deepEqual(ends, [undefined, '2018-04-18T14:30:00.000Z', '2018-04-18T14:30:00.000Z']);
  });
});
