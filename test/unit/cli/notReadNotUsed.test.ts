import assert from 'node:assert/strict';
import { buildOnce, runCliWithEnv, workspace } from './harness';

/**
 * Trial 12 (Tokyo, São Paulo, London users), T1, T2, T9, T10, T15, T16: what the read-only commands
 * do with a front matter lint cannot read, a time that has not happened yet and the Unix epoch —
 * leave them out, say so naming the file, and exit 1 — and `new --started` with a zone abbreviation.
 */
const NOW = '2026-12-07T02:39:00Z';

const front = (id: string, lines: string) => `---\ntype: postmortem\nid: ${id}\ntitle: ${id} title\nstatus: draft\nseverity: SEV3\n${lines}---\n\n# ${id} title\n\n## Action items\n\n- [ ] Add a canary stage @aiko due:2026-12-20\n`;

const DUP = front('PM-DUP', 'started_at: 2026-12-06T10:00:00Z\nresolved_at: 2026-12-06T12:00:00Z\nstarted_at: 2026-12-06T11:30:00Z\ntimezone: Asia/Tokyo\n');
const LIAR = front('PM-LIAR', 'started_at: 2026-12-06T10:00:00Z\nresolved_at: 2099-12-31T23:59:00Z\ntimezone: Asia/Tokyo\n');
const SOON = front('PM-SOON', 'started_at: 2026-12-06T10:00:00Z\nresolved_at: 2026-12-07T04:39:00Z\ntimezone: Asia/Tokyo\n');
const EPOCH = front('PM-EPOCH', 'started_at: 1970-01-01T00:00:00Z\nresolved_at: 2026-12-06T12:00:00Z\ntimezone: Asia/Tokyo\n');
const FINE = front('PM-FINE', 'started_at: 2026-12-06T10:00:00Z\nresolved_at: 2026-12-06T12:00:00Z\ntimezone: Asia/Tokyo\n');

const tokyo = (dir: string, ...args: string[]) => runCliWithEnv(dir, { TZ: 'Asia/Tokyo' }, ...args);

describe('not read, not used: list, metrics, actions and new (trial12)', function () {
  this.timeout(120_000);
  before(buildOnce);

  it('two `started_at`: no duration anywhere, the key named, exit 1 from list, metrics and actions as from lint (T1, T10)', () => {
    const ws = workspace({ 'postmortems/d.md': DUP });
    try {
      const list = tokyo(ws.dir, 'list', '--now', NOW, 'postmortems');
      assert.equal(list.code, 1, list.stderr);
      assert.match(list.stdout, /^ {2}PM-DUP title {2}1 open item$/m, 'no date, no severity, no 30m: none of the front matter is used');
      assert.match(list.stderr, /^note: postmortems\/d\.md: Front matter not read, line 9: Map keys must be unique: `started_at` is set more than once$/m);
      const metrics = tokyo(ws.dir, 'metrics', '--now', NOW, '--format', 'json', 'postmortems');
      assert.equal(metrics.code, 1, metrics.stderr);
      const json = JSON.parse(metrics.stdout) as { incidents: unknown[]; undated: string[]; problems: { message: string }[] };
      assert.deepEqual([json.incidents.length, json.undated], [0, ['postmortems/d.md']], 'counted as without any time, not with a 30-minute MTTR');
      assert.match(json.problems[0]!.message, /`started_at` is set more than once/);
      const text = tokyo(ws.dir, 'metrics', '--now', NOW, 'postmortems');
      assert.match(text.stdout, /^note: postmortems\/d\.md: Front matter not read, line 9/m, 'the word `list` uses, not "problem:" (T16e)');
      assert.doesNotMatch(text.stdout, /^problem:/m);
      const actions = tokyo(ws.dir, 'actions', '--now', NOW, 'postmortems');
      assert.equal(actions.code, 1, actions.stderr);
      assert.match(actions.stdout, /Add a canary stage/, 'the items are still listed');
      assert.match(actions.stderr, /postmortems\/d\.md: Front matter not read, line 9: .*: its id and title there are not used/);
      assert.equal(tokyo(ws.dir, 'lint', '--now', NOW, 'postmortems').code, 1);
    } finally {
      ws.cleanup();
    }
  });

  it('a resolved_at in 2099 or 2 hours ahead: no duration or MTTR, a note naming the file and the time, exit 1 (T2, T16a)', () => {
    const ws = workspace({ 'postmortems/liar.md': LIAR, 'postmortems/soon.md': SOON, 'postmortems/fine.md': FINE });
    try {
      const list = tokyo(ws.dir, 'list', '--now', NOW, '--format', 'json', 'postmortems');
      assert.equal(list.code, 1, list.stderr);
      const rows = (JSON.parse(list.stdout) as { postmortems: { id: string; date: string; durationMinutes: number | null; notes: string[] }[] }[])[0]!.postmortems;
      assert.deepEqual(rows.map((r) => [r.id, r.date, r.durationMinutes]), [['PM-FINE', '2026-12-06', 120], ['PM-LIAR', '2026-12-06', null], ['PM-SOON', '2026-12-06', null]]);
      assert.deepEqual(rows[1]!.notes, ['Time not read: `resolved_at` (2099-12-31T23:59:00Z) is 26687 days after now (2026-12-07T02:39:00Z): it has not happened yet, which lint flags (time/implausible); not used. Is the year right?']);
      assert.deepEqual(rows[2]!.notes, ['Time not read: `resolved_at` (2026-12-07T04:39:00Z) is 2 hours after now (2026-12-07T02:39:00Z): it has not happened yet, which lint flags (time/implausible); not used. Is the date right?']);
      assert.match(list.stderr, /^note: postmortems\/soon\.md: Time not read: `resolved_at`/m);
      const metrics = tokyo(ws.dir, 'metrics', '--now', NOW, 'postmortems');
      assert.equal(metrics.code, 1, metrics.stderr);
      assert.match(metrics.stdout, /^MTTR \(start → resolution\): median 2 hours, p90 2 hours, mean 2 hours over 1 incident(;.*)?$/m, 'only the incident that has ended');
      assert.match(metrics.stdout, /^note: postmortems\/liar\.md: Time not read: `resolved_at` \(2099-12-31T23:59:00Z\)/m);
      // Lint flags both, the 2-hour one too (it had a day of slack), and does not ask about the year 2 hours ahead.
      const lint = tokyo(ws.dir, 'lint', '--now', NOW, '--format', 'json', 'postmortems');
      const implausible = (JSON.parse(lint.stdout) as { file: string; code: string; message: string }[]).filter((d) => d.code === 'time/implausible');
      assert.deepEqual(implausible.map((d) => d.message.replace(/^.*\. /, '')), ['Is the year right?', 'Is the date right?']);
      // Without the two files: exit 0.
      const clean = tokyo(ws.dir, 'list', '--now', NOW, 'postmortems/fine.md');
      assert.equal(clean.code, 0, clean.stderr);
    } finally {
      ws.cleanup();
    }
  });

  it('the Unix epoch is a time never set: refused by new, flagged by lint, left out by list and metrics (T9)', () => {
    const ws = workspace({ 'postmortems/epoch.md': EPOCH });
    try {
      const created = tokyo(ws.dir, 'new', 'Epoch start', '--started', '1970-01-01 09:00', '--now', NOW);
      assert.equal(created.code, 2);
      assert.match(created.stderr, /1970-01-01T00:00:00Z is the Unix epoch \(time 0\), the usual value of a time that was never set: check the year/);
      const list = tokyo(ws.dir, 'list', '--now', NOW, 'postmortems');
      assert.equal(list.code, 1);
      assert.match(list.stdout, /PM-EPOCH title {2}2026-12-06 · SEV3 · 1 open item/, 'dated by resolved_at, no 20,000-day duration');
      assert.doesNotMatch(list.stdout.split('\n')[1]!, /1970|d /, 'the row: no 1970 date, no days-long duration');
      const metrics = tokyo(ws.dir, 'metrics', '--now', NOW, '--since', '1960-01-01', '--format', 'json', 'postmortems');
      const json = JSON.parse(metrics.stdout) as { incidents: { startedAt?: string }[]; problems: { message: string }[] };
      assert.equal(json.incidents[0]!.startedAt, undefined);
      assert.match(json.problems[0]!.message, /`started_at` \(1970-01-01T00:00:00Z\) is the Unix epoch/);
    } finally {
      ws.cleanup();
    }
  });

  it('new --started reads JST, KST and UTC+9 as the timeline does, and says why it refuses (T15)', () => {
    const ws = workspace({});
    try {
      const jst = runCliWithEnv(ws.dir, { TZ: 'America/Sao_Paulo' }, 'new', 'Checkout errors', '--started', '2026-12-06 23:50 JST', '--now', NOW);
      assert.equal(jst.code, 0, jst.stderr);
      assert.match(jst.stderr, /started_at: 2026-12-06 23:50 JST = 2026-12-06T14:50:00Z/);
      const foo = runCliWithEnv(ws.dir, { TZ: 'Asia/Tokyo' }, 'new', 'X', '--started', '2026-12-06 23:50 Tokio', '--now', NOW);
      assert.equal(foo.code, 2);
      assert.match(foo.stderr, /after the time, expected its zone \(JST, UTC\+9, \+09:00, Asia\/Tokyo\) or nothing, found "Tokio"/);
    } finally {
      ws.cleanup();
    }
  });

  it('São Paulo at 23:39, `00:30` under `23:50`: the next-day reading has not happened yet, and lint says so where it is written (T2)', () => {
    const doc = front('PM-PIX', 'started_at: 2026-12-07T01:10:00Z\nresolved_at: 2026-12-07T04:05:00Z\ntimezone: America/Sao_Paulo\n') +
      '\n## Timeline\n\n- 2026-12-06 22:10 [started] errors begin\n- 23:50 [detected] alert\n- 00:30 [mitigated] rollback\n- 01:05 [resolved] normal\n';
    const ws = workspace({ 'postmortems/pix.md': doc });
    try {
      const lint = runCliWithEnv(ws.dir, { TZ: 'America/Sao_Paulo' }, 'lint', '--now', NOW, '--format', 'json', 'postmortems');
      const rows = JSON.parse(lint.stdout) as { line: number; code: string; severity: string; message: string; fixes: { title: string }[] }[];
      const nextDay = rows.find((d) => d.code === 'timeline/next-day');
      assert.equal(nextDay?.severity, 'warning');
      assert.match(nextDay?.message ?? '', /read as the next day, 2026-12-07 \(00:30 after 23:50 on line \d+, 40 minutes later\), it is 51 minutes after now and has not happened yet; if it happened on 2026-12-06, before the entry above, write that date \(2026-12-06 00:30\), otherwise correct the time/);
      assert.deepEqual(nextDay?.fixes.map((f) => f.title), ['Write the date: 2026-12-06 00:30 (the day of the entry above)', 'Write the date: 2026-12-07 00:30 (the next day, as read)']);
      const resolved = rows.find((d) => d.code === 'time/implausible');
      assert.match(resolved?.message ?? '', /^Expected `resolved_at` not after now, found 2026-12-07T04:05:00Z, 1 hour 26 minutes after now .*It is the time of the timeline's \[resolved\] entry \(line \d+\), which is on the next day as read from line \d+ \(timeline\/next-day\)/);
      const list = runCliWithEnv(ws.dir, { TZ: 'America/Sao_Paulo' }, 'list', '--now', NOW, 'postmortems');
      assert.equal(list.code, 1);
      assert.doesNotMatch(list.stdout, /2h 55m/, 'no duration to a resolution that has not happened');
    } finally {
      ws.cleanup();
    }
  });
});
