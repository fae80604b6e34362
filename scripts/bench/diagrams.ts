/**
 * Diagram core benchmarks: parse+print of a 200-cause fishbone and a 300-node fault tree, and the
 * fault-tree analysis of a 60-event tree next to SCRAM on the same tree (exported as MEF).
 * Returns milliseconds (median of several runs); `scramRatio` = SCRAM time / our time.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeFaultTree } from '../../src/core/diagrams/analysis/analyze';
import { toOpenPsaMef } from '../../src/core/diagrams/analysis/mef';
import { addCause } from '../../src/core/diagrams/fishbone/edit';
import { newFishbone, type Fishbone } from '../../src/core/diagrams/fishbone/model';
import { parseFishbone } from '../../src/core/diagrams/fishbone/parse';
import { printFishbone } from '../../src/core/diagrams/fishbone/print';
import type { FaultTree, FtNode } from '../../src/core/diagrams/faultTree/model';
import { parseFaultTree } from '../../src/core/diagrams/faultTree/parse';
import { printFaultTree } from '../../src/core/diagrams/faultTree/print';

/** Deterministic PRNG so every run measures the same trees. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function median(times: number[]): number {
  const s = [...times].sort((a, b) => a - b);
  return Number(s[Math.floor(s.length / 2)].toFixed(3));
}

function time(runs: number, work: () => void): number {
  work(); // warm-up (JIT)
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    work();
    times.push(performance.now() - t0);
  }
  return median(times);
}

export function fishboneWithCauses(count: number): string {
  const rnd = random(1);
  let model: Fishbone = newFishbone('Checkout returned 502 for 41 minutes');
  const ids = model.categories.map((c) => c.id);
  for (let i = 0; i < count; i++) {
    const r = addCause(model, ids[Math.floor(rnd() * ids.length)], `Cause ${i} with some words & a #tag`);
    model = r.model;
    if (rnd() < 0.5) ids.push(r.id);
  }
  return printFishbone(model);
}

/** A tree of `gates` gates over `events` basic events, with shared events and 2-of-3 votes. */
export function faultTreeWith(gates: number, events: number, seed = 7): FaultTree {
  const rnd = random(seed);
  const inputs: string[][] = Array.from({ length: gates }, () => []);
  for (let j = 1; j < gates; j++) inputs[Math.floor(rnd() * j)].push(`G${j + 1}`);
  for (let e = 0; e < events; e++) inputs[gates - 1 - Math.floor(rnd() * Math.min(gates, gates / 2 + 1))].push(`E${e + 1}`);
  for (let s = 0; s < events / 6; s++) inputs[Math.floor(gates / 2 + rnd() * (gates / 2))].push(`E${1 + Math.floor(rnd() * events)}`);
  let filler = 0;
  const nodes: FtNode[] = inputs.map((list, j) => {
    const unique = [...new Set(list)];
    while (unique.length < 2) unique.push(`E${(filler++ % events) + 1}`);
    const kind = j === 0 ? 'or' : j % 5 === 0 && unique.length >= 3 ? 'vote' : j % 2 === 0 ? 'and' : 'or';
    return { id: `G${j + 1}`, type: 'gate', label: `Gate ${j + 1}`, gate: kind, ...(kind === 'vote' ? { k: 2 } : {}), inputs: unique };
  });
  for (let e = 0; e < events; e++) nodes.push({ id: `E${e + 1}`, type: 'event', label: `Event ${e + 1}`, event: 'basic', probability: Number((0.001 + rnd() * 0.05).toFixed(4)) });
  return { nodes };
}

function scramMs(tree: FaultTree, runs: number): number {
  const check = spawnSync('scram', ['--version'], { encoding: 'utf8' });
  if (check.error || check.status !== 0) return Number.NaN;
  const dir = mkdtempSync(join(tmpdir(), 'pm-bench-'));
  try {
    writeFileSync(join(dir, 'in.xml'), toOpenPsaMef(tree));
    return time(runs, () => {
      const r = spawnSync('scram', ['--probability', 'true', '-l', '10', '-o', join(dir, 'out.xml'), join(dir, 'in.xml')], { timeout: 60_000 });
      if (r.status !== 0) throw new Error(`scram failed: ${r.stderr}`);
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchDiagrams(): Promise<Record<string, number>> {
  const fishbone = fishboneWithCauses(200);
  const bigTree = printFaultTree(faultTreeWith(100, 200));
  const tree60 = faultTreeWith(25, 60);
  const analysis = analyzeFaultTree(tree60, { maxOrder: 10 });
  const ours = time(15, () => analyzeFaultTree(tree60, { maxOrder: 10 }));
  const scram = scramMs(tree60, 5);
  return {
    fishbone200ParsePrintMs: time(30, () => printFishbone(parseFishbone(fishbone).model)),
    faultTree300ParsePrintMs: time(30, () => printFaultTree(parseFaultTree(bigTree).model)),
    faultTree60AnalysisMs: ours,
    faultTree60CutSets: analysis.cutSetCount,
    scram60Ms: scram,
    scramRatio: Number((scram / ours).toFixed(2)),
  };
}
