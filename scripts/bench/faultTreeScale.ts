/**
 * Fault-tree analysis at scale (issue 9, part 8), each as a ratio against a baseline run in the same
 * process: the construction the analysis used before (variable order with sub-gates first, gates
 * folded left to right, vote gates by (f ∧ A) ∨ B, importance by two probability passes per event),
 * replayed on today's BDD engine, and SCRAM on the same tree where it answers in reasonable time.
 * The baseline does less than ours (no cut sets), so the ratios are conservative.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeFaultTree } from '../../src/core/diagrams/analysis/analyze';
import { Bdd } from '../../src/core/diagrams/analysis/bdd';
import { toOpenPsaMef } from '../../src/core/diagrams/analysis/mef';
import type { FaultTree, FtEvent, FtNode } from '../../src/core/diagrams/faultTree/model';
import { parseFaultTree } from '../../src/core/diagrams/faultTree/parse';
import { printFaultTree } from '../../src/core/diagrams/faultTree/print';

const ev = (id: string, probability: number): FtNode => ({ id, type: 'event', label: `Event ${id}`, event: 'basic', probability });
const ids = (n: number): string[] => Array.from({ length: n }, (_, i) => `E${i + 1}`);

export function wideOr(n: number): FaultTree {
  return { nodes: [{ id: 'G1', type: 'gate', label: 'any', gate: 'or', inputs: ids(n) }, ...ids(n).map((id, i) => ev(id, 1e-5 * (1 + (i % 7))))] };
}

export function vote(n: number, k: number): FaultTree {
  return { nodes: [{ id: 'G1', type: 'gate', label: 'k of n', gate: 'vote', k, inputs: ids(n) }, ...ids(n).map((id) => ev(id, 0.3))] };
}

export function chain(n: number): FaultTree {
  const nodes: FtNode[] = [];
  for (let i = 1; i <= n; i++) nodes.push({ id: `G${i}`, type: 'gate', label: `g${i}`, gate: i % 2 ? 'or' : 'and', inputs: i < n ? [`G${i + 1}`, `E${i}`] : [`E${i}`, `E${i + 1}`] });
  for (let i = 1; i <= n + 1; i++) nodes.push(ev(`E${i}`, 0.01 + (i % 10) / 100));
  return { nodes };
}

/** The previous construction and importance, on the current engine. Returns BDD nodes made. */
function previousAlgorithm(tree: FaultTree): number {
  const byId = new Map(tree.nodes.map((n) => [n.id, n]));
  const events: FtEvent[] = [];
  const variableOf = new Map<string, number>();
  const seen = new Set<string>();
  // Recursive like the old code (the chains here are short enough for the stack).
  const order = (id: string): void => {
    if (seen.has(id)) return;
    seen.add(id);
    const n = byId.get(id)!;
    if (n.type === 'gate') n.inputs.forEach(order);
    else {
      variableOf.set(id, events.length);
      events.push(n);
    }
  };
  order(tree.nodes[0].id);
  const bdd = new Bdd({ maxNodes: 20_000_000 });
  const memo = new Map<string, number>();
  const build = (id: string): number => {
    const hit = memo.get(id);
    if (hit !== undefined) return hit;
    const n = byId.get(id)!;
    let f: number;
    if (n.type === 'event') f = bdd.ithVar(variableOf.get(id)!);
    else {
      const inputs = n.inputs.map(build);
      if (n.gate === 'and') f = inputs.reduce((a, b) => bdd.and(a, b), 1);
      else if (n.gate === 'or') f = inputs.reduce((a, b) => bdd.or(a, b), 0);
      else {
        let row: number[] = Array.from({ length: n.k! + 1 }, (_, j) => (j === 0 ? 1 : 0));
        for (let i = inputs.length - 1; i >= 0; i--) {
          const next = [1];
          for (let j = 1; j <= n.k!; j++) next.push(bdd.or(bdd.and(inputs[i], row[j - 1]), row[j]));
          row = next;
        }
        f = row[n.k!];
      }
    }
    memo.set(id, f);
    return f;
  };
  const f = build(tree.nodes[0].id);
  const p = events.map((e) => e.probability!);
  bdd.probability(f, p);
  events.forEach((_, v) => {
    bdd.probability(f, p.map((q, i) => (i === v ? 1 : q)));
    bdd.probability(f, p.map((q, i) => (i === v ? 0 : q)));
  });
  return bdd.size;
}

function ms(work: () => void, runs = 1): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    work();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[times.length >> 1];
}

function scramMs(tree: FaultTree): number {
  const check = spawnSync('scram', ['--version'], { encoding: 'utf8' });
  if (check.error || check.status !== 0) return Number.NaN;
  const dir = mkdtempSync(join(tmpdir(), 'pm-bench-'));
  try {
    writeFileSync(join(dir, 'in.xml'), toOpenPsaMef(tree));
    return ms(() => {
      const r = spawnSync('scram', ['--probability', 'true', '-l', '10', '-o', join(dir, 'out.xml'), join(dir, 'in.xml')], { timeout: 120_000 });
      if (r.status !== 0) throw new Error(`scram failed: ${r.stderr}`);
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const r1 = (x: number): number => Number(x.toFixed(1));

export function benchFaultTreeScale(): Record<string, number> {
  const out: Record<string, number> = {};
  const compare = (name: string, tree: FaultTree, withScram = false): void => {
    let nodes = 0;
    const ours = ms(() => {
      nodes = analyzeFaultTree(tree, { maxOrder: 10, maxCutSets: 100 }).stats.bddNodes;
    }, 3);
    let before = 0;
    const previous = ms(() => {
      before = previousAlgorithm(tree);
    });
    out[`${name}BddNodes`] = nodes;
    out[`${name}BddNodesBefore`] = before;
    out[`${name}Ms`] = r1(ours);
    out[`${name}BeforeMs`] = r1(previous);
    out[`${name}SpeedupVsBefore`] = r1(previous / ours);
    if (withScram) {
      const scram = scramMs(tree);
      out[`${name}ScramMs`] = r1(scram);
      out[`${name}ScramOverOurs`] = r1(scram / ours);
    }
  };
  compare('or1000', wideOr(1000), true);
  compare('vote300k150', vote(300, 150));
  compare('chain1000', chain(1000), true);
  // Sizes the previous algorithm refused or took minutes on: ours alone (ms, nodes).
  for (const [name, tree] of [['or2000', wideOr(2000)], ['vote1000k500', vote(1000, 500)], ['chain4000', chain(4000)]] as const) {
    let nodes = 0;
    out[`${name}Ms`] = r1(ms(() => {
      nodes = analyzeFaultTree(tree, { maxOrder: 10, maxCutSets: 100 }).stats.bddNodes;
    }, 3));
    out[`${name}BddNodes`] = nodes;
  }
  // The parser is linear: 10× the nodes should take about 10× the time (quadratic would be 100×).
  const small = printFaultTree(chain(5_000));
  const big = printFaultTree(chain(50_000));
  const smallMs = ms(() => parseFaultTree(small), 3);
  const bigMs = ms(() => parseFaultTree(big), 3);
  out.parse10kNodesMs = r1(smallMs);
  out.parse100kNodesMs = r1(bigMs);
  out.parse100kOver10k = r1(bigMs / smallMs);
  return out;
}
