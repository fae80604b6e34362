import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePostmortem } from '../../../src/core/document/parse';
import { convertPostmortem } from '../../../src/core/import/convert';

/**
 * Synthetic reviews written the way other organisations write theirs (test/fixtures/convert/styles:
 * SRE-workbook, GitLab, Cloudflare, GitHub availability report, Atlassian tables, Slack blog,
 * French, Portuguese, German, Spanish), so the converter is checked against shapes, not one file.
 */
const fixture = (name: string) => readFileSync(join(__dirname, '../../fixtures/convert/styles', `${name}.md`), 'utf8');
const run = (name: string) => {
  const result = convertPostmortem(fixture(name), { fileName: `${name}.md` });
  const doc = parsePostmortem(result.text);
  return {
    result,
    entries: doc.timeline.map((e) => e.text.split('\n')[0]),
    items: doc.actionItems.map((a) => `${a.isDone ? 'x' : ' '} ${a.text}`),
    started: doc.meta.started_at,
    codes: result.diagnostics.filter((d) => d.severity !== 'info').map((d) => d.code),
  };
};

describe('convert: reviews in other organisations\' styles', () => {
  it('SRE workbook: date line with an emphasised zone note, the <START OF OUTAGE> entry, DONE/TODO in the Bug column', () => {
    const r = run('sre');
    assert.equal(r.entries.length, 6);
    assert.equal(r.started, '2015-10-21T14:53:00Z');
    assert.deepEqual(r.items.map((i) => i.slice(0, 2)), ['x ', '  ', '  ', 'x ']);
    // "Status: Complete, action items in progress": a published review (trial U17), whose missing fields are said.
    assert.match(r.result.text, /^status: published$/m);
    assert.deepEqual(r.result.report.status, { value: 'published', from: '"Status: Complete, action items in progress" (line 7)' });
    assert.deepEqual(r.result.diagnostics.map((d) => d.code), ['convert/status']);
    assert.equal(r.result.report.complete, false);
  });

  it('GitLab: year-first slashed dates in a numbered timeline, entries in another section reported, "Improving …" as follow-ups', () => {
    const r = run('gitlab');
    assert.deepEqual(r.entries.map((e) => e.slice(0, 17)), ['2017-01-31 16:00Z', '2017-01-31 21:00Z', '2017-01-31 22:00Z', '2017-01-31 23:00Z', '2017-01-31 23:27Z']);
    assert.equal(r.items.length, 2);
    assert.deepEqual(r.result.report.unread.map((u) => u.why), ['outside the timeline', 'outside the timeline']);
    assert.equal(r.result.report.complete, false);
  });

  it('Cloudflare: a Timestamp (UTC) table whose row says "Incident start", dated entries making the title\'s date no guess', () => {
    const r = run('cloudflare');
    assert.equal(r.started, '2022-06-21T06:27:00Z');
    assert.equal(r.entries.length, 5);
    assert.ok(!r.codes.includes('convert/date-inferred'), r.codes.join());
    assert.equal(r.result.report.date?.stated, true);
  });

  it('GitHub availability report: an incident heading with its time and the story under it, the year from the title said', () => {
    const r = run('github');
    assert.deepEqual(r.entries, ['2020-10-09 21:30Z (lasting 2 hours and 32 minutes)', '2020-10-09 23:20Z At 23:20 UTC, we identified the root cause and began recovery.']);
    assert.ok(r.codes.includes('convert/date-inferred'), 'the year came from the title');
    assert.ok(!/Going forward/.test(r.items.join()), 'a sentence is not a section label');
  });

  it('Atlassian: a day-first Date field the ISO timeline proves, statuses Done / In Progress / To Do', () => {
    const r = run('atlassian');
    assert.equal(r.result.report.date?.value, '2022-04-05');
    assert.ok(!r.codes.includes('convert/ambiguous-date'));
    assert.deepEqual(r.items.map((i) => i.slice(0, 2)), ['x ', '  ', '  ']);
  });

  it('Slack blog: consecutive sentences opening with "At 6:00 AM PT" are the timeline, in Pacific time', () => {
    const r = run('slack');
    assert.deepEqual(r.entries.map((e) => e.slice(0, 17)), ['2022-02-22 14:00Z', '2022-02-22 14:20Z', '2022-02-22 15:15Z']);
    assert.equal(r.started, '2022-02-22T14:00:00Z');
    assert.deepEqual(r.result.report.zone, { zone: 'America/Los_Angeles', stated: true, source: 'times' });
    assert.deepEqual(r.items, ['x We have added rate limits to the cache warming.', '  We will investigate client retry behaviour.']);
  });

  it('French: "Toutes les heures sont en CET", 14h05 entries, a day-first due date, Terminé / En cours', () => {
    const r = run('fr');
    assert.deepEqual(r.entries.map((e) => e.slice(0, 17)), ['2024-01-15 13:05Z', '2024-01-15 13:20Z', '2024-01-15 14:10Z']);
    assert.ok(!r.codes.includes('convert/no-zone'));
    assert.ok(r.items[0].startsWith('x ') && r.items[0].includes('due:2024-02-01'), r.items[0]);
    assert.ok(r.items[1].startsWith('  '));
  });

  it('records a stated zone abbreviation as its region in the front matter (times stay UTC)', () => {
    const doc = parsePostmortem(convertPostmortem(['# X', '', '## Timeline (all times PDT)', '', '- 2023-08-25 21:14 DNS change takes effect', ''].join('\n')).text);
    assert.equal(doc.meta.timezone, 'America/Los_Angeles');
    assert.deepEqual(doc.timeline.map((e) => e.text), ['2023-08-26 04:14Z DNS change takes effect']);
  });

  it('Portuguese: "Horário em UTC-3" and Concluído / Pendente', () => {
    const r = run('pt');
    assert.equal(r.entries[0].slice(0, 17), '2024-01-15 12:05Z');
    assert.deepEqual(r.items.map((i) => i.slice(0, 2)), ['x ', '  ']);
  });

  it('German: "14:05 Uhr" leaves no stray "Uhr" in the entry; erledigt / offen', () => {
    const r = run('de');
    assert.deepEqual(r.entries, ['2024-01-15 13:05Z Alarm ausgelöst', '2024-01-15 13:20Z Rollback gestartet', '2024-01-15 13:35Z Dienst wiederhergestellt']);
    assert.deepEqual(r.items.map((i) => i.slice(0, 2)), ['x ', '  ']);
  });

  it('Spanish: a month-name date on the first entry and "(hecho)" as done', () => {
    const r = run('es');
    assert.equal(r.entries[0].slice(0, 17), '2024-01-15 10:05Z');
    assert.deepEqual(r.items.map((i) => i.slice(0, 2)), ['x ', 'x ', '  ']);
  });

  it('reads setext headings ("Title\\n=====", "Summary\\n-------") like ATX ones, keeping line numbers', () => {
    const text = ['Database outage', '===============', '', 'Timeline', '--------', '', 'All times UTC', '', '- 2024-05-02 14:05 Alert fired', '', '14:20 - Rolled back', ''].join('\n');
    const result = convertPostmortem(text);
    const doc = parsePostmortem(result.text);
    assert.equal(doc.meta.title, 'Database outage');
    assert.deepEqual(doc.timeline.map((e) => e.text), ['2024-05-02 14:05Z Alert fired', '2024-05-02 14:20Z Rolled back']);
  });
});
