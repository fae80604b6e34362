import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import fc from 'fast-check';
import convert from '../../src/cli/commands/convert';
import importTimeline from '../../src/cli/commands/importTimeline';
import lint from '../../src/cli/commands/lint';
import metrics from '../../src/cli/commands/metrics';
import { readSummary } from '../../src/core/index/readSummary';
import { BASE_DOCUMENT } from '../unit/robustness/baseDocument';
import { runInProcess, type InProcessRun } from './inProcess';
import { tempDir } from './tempDir';

/**
 * Issue 9, end to end: one hostile 20 KB line (long runs of `#`, `|`, `*`, `_`, `[`, `]`, spaces,
 * `<!--`, `<?`, backticks, tabs, U+2028, or a mix) in a heading, a timeline entry, an action item, a
 * table cell, prose or the title, through the CLI's `lint`, `convert`, `import-timeline` (the line as
 * a CSV event) and `metrics`, and through the index's readSummary. Each must finish, and its CPU
 * time must grow linearly from the 2 KB line to the 20 KB one (×10 input; linear is ×10, quadratic
 * ×100; allowed ×30). CPU time, not wall-clock: the machine running the tests may be loaded.
 */
const UNITS = ['#', '|', '*', '_', '[', ']', '](', ' ', '<!--', '<?', '`', '\t', '\u2028', '| [*_`#', '<!--]`'];
const PLACES: Readonly<Record<string, (line: string) => string>> = {
  heading: (l) => BASE_DOCUMENT.replace('## Impact', `## ${l}\n\n## Impact`),
  timeline: (l) => BASE_DOCUMENT.replace('- 13:00Z Out of order entry', `- 13:00Z ${l}`),
  action: (l) => BASE_DOCUMENT.replace('## Action items\n', `## Action items\n\n- [ ] ${l} @ana due:2026-12-01\n`),
  table: (l) => BASE_DOCUMENT.replace('| 2026-11-20 14:20Z | Table entry |', `| 2026-11-20 14:20Z | ${l} |`),
  prose: (l) => BASE_DOCUMENT.replace('The alert fired within nine minutes.', `The alert fired ${l} within nine minutes.`),
  title: (l) => BASE_DOCUMENT.replace('title: Checkout 5xx after connection pool change', `title: '${l.replace(/'/g, '')}'`),
};

function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

async function cpuTime(work: () => unknown, tries: number): Promise<number> {
  let best = Infinity;
  for (let i = 0; i < tries; i++) {
    const t0 = cpuMs();
    await work();
    best = Math.min(best, cpuMs() - t0);
  }
  return best;
}

const line = (unit: string, size: number) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size) + 'x';

describe('hostile 20 KB lines through the CLI and the index (linear growth)', function () {
  this.timeout(600_000);
  let t: ReturnType<typeof tempDir>;
  beforeEach(() => {
    t = tempDir();
    mkdirSync(t.path('postmortems'));
  });
  afterEach(() => t.cleanup());

  /** Writes the document and the CSV for `size`, returns the five runs. */
  function setUp(unit: string, place: string, size: number): Record<string, () => unknown> {
    const hostile = line(unit, size);
    const text = PLACES[place](hostile);
    writeFileSync(t.path('postmortems/a.md'), text);
    writeFileSync(t.path('events.csv'), `time,text\n2026-11-20T14:30:00Z,"${hostile.replace(/"/g, '""')}"\n`);
    // Every command must end with an answer, not an internal error (exit 0, 1, or 2 with a reason).
    const answered = async (r: Promise<InProcessRun>) => {
      const { code, stderr } = await r;
      assert.ok(!/internal error/.test(stderr) && [0, 1, 2].includes(code), stderr.slice(0, 500));
    };
    return {
      lint: () => answered(runInProcess(lint, t.dir, 'postmortems/a.md', '--workers', '0', '--now', '2026-11-27T12:00:00Z')),
      convert: () => answered(runInProcess(convert, t.dir, 'postmortems/a.md')),
      'import-timeline': () => answered(runInProcess(importTimeline, t.dir, 'postmortems/a.md', '--from', 'csv', '--input', 'events.csv', '--time-column', 'time', '--text-column', 'text', '--zone', 'UTC')),
      metrics: () => answered(runInProcess(metrics, t.dir, 'postmortems', '--now', '2026-11-27T12:00:00Z')),
      readSummary: () => readSummary(text),
    };
  }

  async function assertLinear(unit: string, place: string): Promise<void> {
    const small = setUp(unit, place, 2_000);
    const smallTimes: Record<string, number> = {};
    for (const [name, work] of Object.entries(small)) smallTimes[name] = await cpuTime(work, 3);
    const large = setUp(unit, place, 20_000);
    for (const [name, work] of Object.entries(large)) {
      const limit = 30 * Math.max(smallTimes[name], 2);
      // One retry: a garbage collection can land in one run.
      let took = await cpuTime(work, 1);
      if (took >= limit) took = await cpuTime(work, 2);
      assert.ok(took < limit, `${name}, ${JSON.stringify(unit)} in the ${place}: ${smallTimes[name].toFixed(1)} ms CPU at 2 KB, ${took.toFixed(1)} ms at 20 KB`);
    }
  }

  it('every unit in prose (read by remark) and in one more place (rotating)', async () => {
    const places = Object.keys(PLACES).filter((p) => p !== 'prose');
    for (const [k, unit] of UNITS.entries()) {
      await assertLinear(unit, 'prose');
      await assertLinear(unit, places[k % places.length]);
    }
  });

  it('random mixes of units in random places', async () => {
    const mix = fc.array(fc.constantFrom(...UNITS), { minLength: 2, maxLength: 4 }).map((units) => units.join(''));
    await fc.assert(fc.asyncProperty(mix, fc.constantFrom(...Object.keys(PLACES)), (unit, place) => assertLinear(unit, place)), { numRuns: 6 });
  });
});
