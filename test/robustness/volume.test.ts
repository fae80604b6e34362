import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatText } from '../../src/cli/lint/format/text';
import type { FileReport } from '../../src/cli/lint/format/report';
import { makeStyle } from '../../src/cli/style';
import { buildOnce, repoRoot } from '../unit/cli/harness';
import { manyActionItems, manyLocalTimelineEntries, manyTimelineEntries, STRESS } from './hostile';
import { tempDir } from './tempDir';

const NOW = '2026-11-27T12:00:00Z';

/** The CLI with stdout written to `out` (read back), stderr captured. */
function runCliToFile(cwd: string, out: string, ...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const fd = openSync(out, 'w');
  try {
    const r = spawnSync(process.execPath, [join(repoRoot, 'dist', 'cli.js'), ...args], { cwd, encoding: 'utf8', stdio: ['ignore', fd, 'pipe'], env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '' } });
    return { code: r.status, stdout: readFileSync(out, 'utf8'), stderr: `${r.stderr}${r.signal ? ` (killed by ${r.signal})` : ''}` };
  } finally {
    closeSync(fd);
  }
}

/** Big valid input: nothing user-sized may go through a spread (call-stack argument limit ≈ 125k). */
describe('volume: 150,000 of everything', function () {
  this.timeout(STRESS ? 900_000 : 60_000);

  it('the text formatter prints 150,000 diagnostics of one file (Math.max over a spread crashed at ~125k)', () => {
    const diagnostics = [];
    for (let i = 0; i < 150_000; i++) {
      diagnostics.push({ code: 'timeline/order', severity: 'warning' as const, message: `entry ${i} is out of order`, range: { start: { line: i, character: 0 }, end: { line: i, character: 1 } } });
    }
    const report: FileReport = { display: 'postmortems/big.md', rel: 'postmortems/big.md', diagnostics };
    const text = formatText([report], makeStyle(false));
    const lines = text.split('\n');
    assert.equal(lines.filter((l) => l.includes('timeline/order')).length, 150_000);
    assert.match(lines[150_000], /^ {2}postmortems\/big\.md:150000:1 {2}warning {2}entry 149999 is out of order {2}timeline\/order$/);
    assert.match(text, /✖ 150000 problems \(0 errors, 150000 warnings\) in 1 file of 1 post-mortem/);
  });

  // The whole CLI on big files: small in `npm test`, 150,000 in `npm run stress`.
  const n = STRESS ? 150_000 : 500;
  for (const [name, make] of [['action items', manyActionItems], ['timeline entries', manyTimelineEntries]] as const) {
    it(`lint, lint --fix, actions and metrics on one file with ${n} ${name}: no crash, every exit code meaningful`, () => {
      buildOnce();
      const t = tempDir();
      try {
        mkdirSync(t.path('postmortems'));
        const text = make(n);
        writeFileSync(t.path('postmortems', 'big.md'), text);
        for (const args of [['lint', '--format', 'json'], ['lint'], ['actions', '--format', 'json'], ['metrics', '--format', 'json'], ['lint', '--fix']]) {
          // Output to a file: at 150,000 items the JSON report (every diagnostic with its fixes) is
          // ~180 MB, past any pipe buffer a test should hold.
          const r = runCliToFile(t.dir, t.path('out.txt'), ...args, '--now', NOW);
          assert.ok(r.code === 0 || r.code === 1, `${args.join(' ')} exited ${r.code}: ${r.stderr.slice(0, 2000)}`);
          assert.doesNotMatch(r.stderr, /internal error|RangeError|Maximum call stack/, args.join(' '));
          if (args[0] === 'actions') {
            const items = JSON.parse(r.stdout) as unknown[];
            assert.equal(items.length, name === 'action items' ? n : 0, 'every open item listed');
          }
        }
        if (name === 'timeline entries') assert.equal(readFileSync(t.path('postmortems', 'big.md'), 'utf8'), text, 'nothing to fix: byte-identical');
      } finally {
        t.cleanup();
      }
    });
  }

  // One fix with an edit per entry: quadratic once (16,000 entries 96 s); 60,000 in `npm run stress`.
  const local = STRESS ? 60_000 : 500;
  it(`lint --fix converts ${local} local-time timeline entries to UTC in one fix`, () => {
    buildOnce();
    const t = tempDir();
    try {
      mkdirSync(t.path('postmortems'));
      writeFileSync(t.path('postmortems', 'local.md'), manyLocalTimelineEntries(local));
      const r = runCliToFile(t.dir, t.path('out.txt'), 'lint', '--fix', '--now', NOW);
      assert.ok(r.code === 0 || r.code === 1, `lint --fix exited ${r.code}: ${r.stderr.slice(0, 2000)}`);
      const fixed = readFileSync(t.path('postmortems', 'local.md'), 'utf8');
      assert.match(fixed, /^- 2026-11-20 10:00Z step 0$/m, 'converted from Europe/Berlin (UTC+1)');
      assert.match(fixed, /^- 2026-11-20 10:00:01Z step 1$/m);
      assert.doesNotMatch(fixed, /^- \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} step/m, 'every entry converted');
    } finally {
      t.cleanup();
    }
  });
});
