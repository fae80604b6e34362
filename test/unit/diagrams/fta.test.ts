import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import fta from '../../../src/cli/commands/fta';
import type { CliIo } from '../../../src/cli/io';

const fixtures = dirname(fileURLToPath(new URL('../../fixtures/diagrams/postmortem.md', import.meta.url)));

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  return runIn(fixtures, ...argv);
}

async function runIn(cwd: string, ...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { out: (t) => (out += t), err: (t) => (err += t), cwd, now: () => new Date('2026-11-27T00:00:00Z') };
  const code = await fta(argv, io);
  return { code, out, err };
}

describe('postmortem fta', () => {
  it('prints probabilities, SPOFs, ranked cut sets and importance for the fault tree of a file', async () => {
    const r = await run('postmortem.md');
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /Fault tree "Checkout unavailable" at postmortem.md:20 \(diagram 2\)/);
    assert.match(r.out, /Top event probability: 0\.002998 \(exact, BDD\); rare-event approximation 0\.003/);
    assert.match(r.out, /Single points of failure \(2\): E2 "Payment provider down", E1 "Load balancer misconfigured"/);
    assert.match(r.out, /Minimal cut sets: 2\n/);
    assert.match(r.out, /Importance/);
  });

  it('--format json gives the analysis as data', async () => {
    const r = await run('postmortem.md', '--format', 'json');
    assert.equal(r.code, 0, r.err);
    const data = JSON.parse(r.out) as { faultTrees: { block: number; analysis: { cutSets: { events: string[] }[]; probability: { exact: number } } }[] };
    assert.equal(data.faultTrees.length, 1);
    assert.equal(data.faultTrees[0].block, 2);
    assert.deepEqual(data.faultTrees[0].analysis.cutSets.map((c) => c.events), [['E2'], ['E1']]);
    assert.ok(Math.abs(data.faultTrees[0].analysis.probability.exact - 0.002998) < 1e-12);
  });

  it('--mef prints Open-PSA MEF XML', async () => {
    const r = await run('postmortem.md', '--mef', '--block', '2');
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^<\?xml[\s\S]*<define-gate name="G1">[\s\S]*<or>/);
  });

  it('explains a block that is not a fault tree, a missing block, a missing file and bad options (exit 2)', async () => {
    const fishbone = await run('postmortem.md', '--block', '1');
    assert.equal(fishbone.code, 2);
    assert.match(fishbone.err, /Block 1 of postmortem.md \(line 9\) is a fishbone; fault trees carry the line "%% ft:fault-tree v2"/);
    const missing = await run('postmortem.md', '--block', '9');
    assert.equal(missing.code, 2);
    assert.match(missing.err, /has 3 mermaid blocks; there is no block 9/);
    assert.equal((await run('nope.md')).code, 2);
    assert.match((await run('nope.md')).err, /Cannot read nope.md: no such file\n/);
    assert.match((await run('postmortem.md', '--max-order', 'x')).err, /positive whole number after --max-order/);
    assert.match((await run('fishbone.mmd')).err, /No fault tree in fishbone.mmd: expected a ```mermaid block with "flowchart TB" and "%% ft:fault-tree v2"/);
  });

  it('refuses a fault tree with parse problems or a cycle, naming file lines (exit 2)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pm-fta-'));
    try {
      const doc = ['# x', '', '```mermaid', 'flowchart TB', '  %% ft:fault-tree v1', '  %% ft:gate G1 or', '  G1["top"]', '  G1 --> G1 & E1',
        '  %% ft:event E1 basic p=zero', '  E1["e"]@{ shape: circle }', '```'].join('\n');
      writeFileSync(join(dir, 'pm.md'), doc);
      const r = await runIn(dir, 'pm.md');
      assert.equal(r.code, 2);
      assert.match(r.err, /Cannot analyse the fault tree at pm.md:3 \(diagram 1\)/);
      assert.match(r.err, /pm.md:9: Expected "p=<number>" for E1/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
