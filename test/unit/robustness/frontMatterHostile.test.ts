import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readFrontMatter } from '../../../src/core/document/frontMatter';
import { readFrontMatterData } from '../../../src/core/frontMatter/frontMatterData';
import { readSummary } from '../../../src/core/index/readSummary';
import { lintText } from '../../../src/core/lint/engine';
import { LineIndex } from '../../../src/core/text/lineIndex';
import { buildOnce, repoRoot } from '../cli/harness';
import { tempDir } from '../../robustness/tempDir';

/**
 * Hostile front matters (issue 9): the `yaml` package parses each in linear time, so any growth
 * beyond linear is ours. 250 unclosed `{` took 1.3 s in readFrontMatter and 5,000 never finished
 * (the package writes list-or-mapping keys as text, nested keys each time again, and every error
 * searched the whole tree); 20,000 keys took seconds in the package's duplicate-key check.
 *
 * Each shape is built at about 3 KB and 30 KB (a front matter over 32 KB is refused unread) and read by the lint's reader, the index's reader and
 * the whole lint. The assertion is a growth ratio, never a time: one 30 KB read may take at most 4×
 * as long as ten 3 KB reads (linear is 1×, quadratic 10×; the slack absorbs a loaded machine).
 */
const SHAPES: Readonly<Record<string, (bytes: number) => string>> = {
  'unclosed { in a list': (b) => `approvals: [${'{'.repeat(b)}\n`,
  'unclosed [': (b) => `a: ${'['.repeat(b)}\n`,
  'closed [[[…]]]': (b) => `a: ${'['.repeat(b / 2)}${']'.repeat(b / 2)}\n`,
  'explicit keys ? ? ?': (b) => `${'? '.repeat(b / 2)}x\n`,
  'unclosed { one per key': (b) => lines(b, (i) => `k${i}: {{{{\n`),
  'list keys { [a]: 1 }': (b) => lines(b, (i) => `k${i}: {[a${i}]: 1, [b]: 2}\n`),
  'long flow list': (b) => `services: [${lines(b, (i) => `s${i}, `)}x]\n`,
  'many keys': (b) => lines(b, (i) => `key_${i}: "value ${i}"\n`),
  'the same key again and again': (b) => lines(b, () => `title: "x"\n`),
  'unclosed quotes': (b) => lines(b, (i) => `k${i}: "open\n`),
  'one huge scalar': (b) => `title: ${'a '.repeat(b / 2)}\n`,
  'deep block indentation': (b) => lines(b, (i) => `${' '.repeat(i % 200)}k${i}:\n`),
  'ten thousand short lines': (b) => `tags:\n${lines(b, (i) => `  - t${i}\n`)}`,
  'aliases of one anchor': (b) => `base: &a [x, y]\nall: [${lines(b, () => '*a, ')}*a]\n`,
};

function lines(bytes: number, make: (i: number) => string): string {
  let s = '';
  for (let i = 0; s.length < bytes; i++) s += make(i);
  return s;
}

const document = (yaml: string) => `---\n${yaml}---\n\n# Title\n\n## Summary\n\nText.\n`;

/** Milliseconds of CPU this process used: on a loaded machine wall-clock time stretches a long run far more than a short one. */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

function bestOfTwo(run: () => void): number {
  let best = Infinity;
  for (let i = 0; i < 2; i++) {
    const t0 = cpuMs();
    run();
    best = Math.min(best, cpuMs() - t0);
  }
  return best;
}

describe('hostile front matter is read in linear time (issue 9)', function () {
  this.timeout(120_000);

  for (const [name, make] of Object.entries(SHAPES)) {
    it(`${name}: 30 KB takes at most 4× as long as ten times 3 KB, in the lint, the index and the whole lint`, () => {
      const small = document(make(3_000));
      const large = document(make(30_000));
      const readers: Record<string, (text: string) => unknown> = {
        readFrontMatter: (text) => readFrontMatter(new LineIndex(text)),
        readFrontMatterData: (text) => readFrontMatterData(new LineIndex(text)),
        readSummary: (text) => readSummary(text),
        lintText: (text) => lintText(text),
      };
      for (const [reader, read] of Object.entries(readers)) {
        // Ten reads of 3 KB against one of 30 KB: the same amount of text, so both take about as long
        // when the reader is linear (and ten times as long for 30 KB when it is quadratic). Timing
        // runs of similar length keeps the clock, the JIT and a loaded machine from deciding.
        const a = bestOfTwo(() => {
          for (let i = 0; i < 10; i++) read(small);
        });
        const b = bestOfTwo(() => read(large));
        // Under 20 ms a pause of the collector or of a loaded machine says more than the code does
        // (the simple reader takes about 1 ms for 30 KB); a quadratic step here took seconds.
        assert.ok(b <= 4 * Math.max(a, 20), `${reader}: ${a.toFixed(1)} ms for 10 × 3 KB, ${b.toFixed(1)} ms for 30 KB`);
      }
    });
  }

  it('50 unclosed { say where the list opens; 250 (the reported file) say where the nesting passes 64 levels', () => {
    const fifty = readFrontMatter(new LineIndex(document(`approvals: [${'{'.repeat(50)}\n`)))!;
    const missing = fifty.problems.find((p) => /Missing closing \] for the list that starts here/.test(p.message));
    assert.deepEqual(missing?.range.start, { line: 1, character: 11 });
    const many = readFrontMatter(new LineIndex(document(`approvals: [${'{'.repeat(250)}\n`)))!;
    assert.deepEqual(many.problems.map((p) => p.message), ['Lists and mappings nest more than 64 levels deep here; the front matter is not read']);
    // At the bracket that passes the limit (the quick scan counts the block mapping as one level).
    assert.deepEqual(many.problems[0].range.start, { line: 1, character: 11 + 63 });
    assert.equal(many.data, undefined);
  });

  it('30,000 unclosed { read again and again in one process (a deep parse once killed the process on the second read)', () => {
    const text = document(`approvals: [${'{'.repeat(30_000)}\n`);
    for (let i = 0; i < 3; i++) {
      readSummary(text);
      assert.equal(lintText(text).diagnostics.filter((d) => d.code === 'yaml/syntax').length, 1);
    }
  });

  it('nesting up to 64 levels is read as before', () => {
    const fm = readFrontMatter(new LineIndex(document(`a: ${'['.repeat(63)}1${']'.repeat(63)}\n`)))!;
    assert.deepEqual(fm.problems, []);
    let v: unknown = (fm.data as { a: unknown }).a;
    let depth = 0;
    while (Array.isArray(v)) {
      v = v[0];
      depth++;
    }
    assert.deepEqual([depth, v], [63, 1]);
  });

  it('a front matter over 32 KB is not read and says so, in both readers, at once (1 MB of unclosed quotes took a minute)', () => {
    const text = document(lines(1_000_000, (i) => `k${i}: "open\n`));
    const message = /^The front matter is too large to read \(1001 KB; the limit is 32 KB\)$/;
    const fm = readFrontMatter(new LineIndex(text))!;
    assert.equal(fm.data, undefined);
    assert.deepEqual(fm.problems.map((p) => p.range.start.line), [0]);
    assert.match(fm.problems[0].message, message);
    assert.match(readFrontMatterData(new LineIndex(text))!.problems[0].message, message);
    const simple = document(lines(40_000, (i) => `key_${i}: v\n`));
    assert.equal(readFrontMatterData(new LineIndex(simple))!.data, undefined, 'the simple reader refuses it too');
    assert.deepEqual(lintText(text).diagnostics.filter((d) => d.code === 'yaml/syntax').map((d) => d.message), ['Invalid YAML: The front matter is too large to read (1001 KB; the limit is 32 KB)']);
  });

  it('a key that is a list or a mapping is reported and left out; the rest of the data is kept', () => {
    const fm = readFrontMatter(new LineIndex(document('title: Kept\n? [a, b]\n: value\nother: {[x]: 1, y: 2}\n')))!;
    assert.deepEqual(fm.data, { title: 'Kept', other: { y: 2 } });
    const left = fm.problems.filter((p) => /cannot be a key here/.test(p.message));
    assert.deepEqual(left.map((p) => p.range.start.line), [2, 4]);
  });

  it('"billion laughs" aliases are refused with the package\'s alias bound, said once', () => {
    let yaml = 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n';
    for (let i = 1; i < 9; i++) yaml += `a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]\n`;
    const fm = readFrontMatter(new LineIndex(document(yaml)))!;
    assert.equal(fm.data, undefined);
    assert.equal(fm.problems.length, 1);
    assert.match(fm.problems[0].message, /Excessive alias count/);
  });

  it('more than 100 aliases are not resolved (the package looks each up among all earlier ones): said at the 101st', () => {
    const fm = readFrontMatter(new LineIndex(document(`base: &a [x]\nall: [${Array(150).fill('*a').join(', ')}]\n`)))!;
    assert.equal(fm.data, undefined);
    assert.deepEqual(fm.problems.map((p) => [p.message, p.range.start.line, p.range.start.character]), [["More than 100 aliases (*name); the front matter's values are not read", 2, 6 + 100 * 4]]);
    assert.deepEqual(readFrontMatter(new LineIndex(document(`base: &a [x]\nall: [${Array(40).fill('*a').join(', ')}]\n`)))!.problems, []);
  });

  it('duplicate keys are found as the yaml package finds them, at each repeated key', () => {
    const fm = readFrontMatter(new LineIndex(document('title: a\nimpact:\n  users: 1\n  users: 2\ntitle: b\n{x: 1, x: 2}: y\n')))!;
    const dup = fm.problems.filter((p) => p.message.startsWith('Map keys must be unique: '));
    assert.deepEqual(dup.map((p) => p.message), ['Map keys must be unique: `users` is set more than once', 'Map keys must be unique: `title` is set more than once', 'Map keys must be unique: `x` is set more than once']);
    assert.deepEqual(dup.map((p) => [p.range.start.line, p.range.start.character]), [[4, 2], [5, 0], [6, 7]]);
    assert.equal((fm.data as { title: string }).title, 'b', 'the last value wins, as before');
  });

  it('the CLI lints a 30 KB front matter of unclosed { and exits with the YAML problem, not a hang', () => {
    buildOnce();
    const t = tempDir();
    try {
      mkdirSync(t.path('postmortems'));
      writeFileSync(t.path('postmortems/hostile.md'), document(`approvals: [${'{'.repeat(30_000)}\n`));
      for (const command of [['lint', 'postmortems'], ['actions', 'postmortems'], ['metrics', 'postmortems']]) {
        // A time-out far beyond any machine: it only turns a hang into a failure instead of a stuck run.
        const r = spawnSync(process.execPath, [join(repoRoot, 'dist', 'cli.js'), ...command], { cwd: t.dir, encoding: 'utf8', timeout: 100_000, env: { ...process.env, NO_COLOR: '1' } });
        assert.equal(r.signal, null, `${command[0]} did not finish`);
        assert.notEqual(r.status, null);
        if (command[0] === 'lint') {
          assert.equal(r.status, 1, r.stdout + r.stderr);
          assert.match(r.stdout, /Invalid YAML: Lists and mappings nest more than 64 levels deep here/);
        }
      }
    } finally {
      t.cleanup();
    }
  });
});
