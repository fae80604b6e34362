import type { FaultTree, FtEvent, FtNode } from '../faultTree/model';
import { validateFaultTree } from '../faultTree/validate';
import { Bdd } from './bdd';
import { DiagramTooLargeError } from './nodeTable';
import { Zbdd } from './zbdd';

export interface AnalysisOptions {
  /** Cut sets with more events than this are not computed (default 10). */
  readonly maxOrder?: number;
  /** At most this many cut sets are listed (default 1000); counts and probabilities still cover all. */
  readonly maxCutSets?: number;
  /** Decision-diagram size at which the analysis gives up (default 2,000,000 nodes, a few hundred MB). */
  readonly maxNodes?: number;
}

export interface CutSet {
  /** Event ids, in tree order. */
  readonly events: readonly string[];
  readonly order: number;
  /** Product of the events' probabilities; absent when one is unknown. */
  readonly probability?: number;
}

export interface ImportanceRow {
  readonly id: string;
  readonly label: string;
  readonly probability: number;
  /** ∂P(top)/∂p = P(top | event) − P(top | no event). */
  readonly birnbaum: number;
  /** Share of the top-event probability that needs this event: (P − P(top | no event)) / P. */
  readonly fussellVesely: number;
}

export interface FaultTreeAnalysis {
  readonly topId: string;
  readonly topLabel: string;
  /** Leaf events that take part in the analysis (basic, undeveloped, transfer), in tree order. */
  readonly events: readonly { readonly id: string; readonly label: string; readonly kind: FtEvent['event']; readonly probability?: number }[];
  /** Ranked by probability (highest first), then order, then ids. */
  readonly cutSets: readonly CutSet[];
  /** Minimal cut sets of at most maxOrder events (may exceed cutSets.length when the list is cut). */
  readonly cutSetCount: number;
  /** Count of minimal cut sets per order, index = order. */
  readonly orderDistribution: readonly number[];
  /** Events that alone cause the top event (order-1 cut sets). */
  readonly singlePointsOfFailure: readonly string[];
  readonly limits: {
    readonly maxOrder: number;
    readonly maxCutSets: number;
    /** True when some minimal cut sets have more than maxOrder events and were left out. */
    readonly orderTruncated: boolean;
    /** True when more than maxCutSets cut sets exist and only the most probable are listed. */
    readonly countTruncated: boolean;
  };
  /** Events (ids) without a probability; the probability results need all of them. */
  readonly missingProbabilities: readonly string[];
  readonly probability?: {
    /** Exact P(top) from the BDD (Shannon decomposition). */
    readonly exact: number;
    /** Σ P(cut set) over the computed cut sets; an upper bound for coherent trees when not truncated. */
    readonly rareEvent: number;
  };
  readonly importance?: readonly ImportanceRow[];
  readonly stats: { readonly bddNodes: number; readonly zbddNodes: number };
}

export class FaultTreeAnalysisError extends Error {}

/** Enumerating beyond this many sets just to rank them costs more than it tells. */
const RANKING_CAP = 200_000;

/**
 * Qualitative and quantitative analysis of a fault tree: BDD of the top event, minimal cut sets by
 * Rauzy's algorithm into a ZBDD, exact probability, rare-event approximation and importance.
 * Throws FaultTreeAnalysisError when the tree has structural errors (see validateFaultTree).
 */
export function analyzeFaultTree(tree: FaultTree, options: AnalysisOptions = {}): FaultTreeAnalysis {
  try {
    return analyze(tree, options);
  } catch (e) {
    if (e instanceof DiagramTooLargeError) {
      throw new FaultTreeAnalysisError(`${e.message} The tree is too large to analyse exactly; lower --max-order or split it into sub-trees (transfer events).`);
    }
    throw e;
  }
}

function analyze(tree: FaultTree, options: AnalysisOptions): FaultTreeAnalysis {
  const maxOrder = Math.max(1, Math.floor(options.maxOrder ?? 10));
  const maxCutSets = Math.max(1, Math.floor(options.maxCutSets ?? 1000));
  const errors = validateFaultTree(tree).filter((i) => i.severity === 'error');
  if (errors.length > 0) throw new FaultTreeAnalysisError(errors.map((e) => e.message).join(' '));
  if (tree.nodes.length === 0) throw new FaultTreeAnalysisError('Expected a top event, found an empty fault tree.');

  const byId = new Map<string, FtNode>(tree.nodes.map((n) => [n.id, n]));
  const top = tree.nodes[0];
  // Variable order = first appearance depth-first: keeps related events close, which keeps the BDD small.
  const events: FtEvent[] = [];
  const variableOf = new Map<string, number>();
  const seen = new Set<string>();
  const order = (id: string): void => {
    if (seen.has(id)) return;
    seen.add(id);
    const n = byId.get(id)!;
    if (n.type === 'gate') n.inputs.forEach(order);
    else if (n.event !== 'house') {
      variableOf.set(id, events.length);
      events.push(n);
    }
  };
  order(top.id);

  const bdd = new Bdd(options.maxNodes);
  const memo = new Map<string, number>();
  const build = (id: string): number => {
    const hit = memo.get(id);
    if (hit !== undefined) return hit;
    const n = byId.get(id)!;
    let f: number;
    if (n.type === 'event') f = n.event === 'house' ? (n.houseState ? 1 : 0) : bdd.ithVar(variableOf.get(id)!);
    else {
      const inputs = n.inputs.map(build);
      if (n.gate === 'and') f = inputs.reduce((a, b) => bdd.and(a, b), 1);
      else if (n.gate === 'or') f = inputs.reduce((a, b) => bdd.or(a, b), 0);
      else f = bdd.atLeast(n.k ?? 2, inputs);
    }
    memo.set(id, f);
    return f;
  };
  const f = build(top.id);

  const zbdd = new Zbdd(options.maxNodes);
  const family = zbdd.minimalCutSets(bdd, f, maxOrder);
  const orderTruncated = zbdd.toBdd(bdd, family) !== f;
  const cutSetCount = zbdd.count(family);

  const missing = events.filter((e) => e.probability === undefined).map((e) => e.id);
  const p = events.map((e) => e.probability ?? Number.NaN);
  const listed = zbdd.enumerate(family, Math.max(maxCutSets, Math.min(cutSetCount, RANKING_CAP)));
  const ranked = listed
    .map((vars) => {
      const probability = vars.reduce((acc, v) => acc * p[v], 1);
      return { events: vars.map((v) => events[v].id), order: vars.length, probability: Number.isNaN(probability) ? undefined : probability };
    })
    .sort((a, b) => (b.probability ?? -1) - (a.probability ?? -1) || a.order - b.order || a.events.join().localeCompare(b.events.join()));
  const cutSets = ranked.slice(0, maxCutSets);


  const result: FaultTreeAnalysis = {
    topId: top.id,
    topLabel: top.label,
    events: events.map((e) => ({ id: e.id, label: e.label, kind: e.event, ...(e.probability !== undefined ? { probability: e.probability } : {}) })),
    cutSets,
    cutSetCount,
    orderDistribution: Array.from(countByOrder(zbdd, family), (x) => x ?? 0),
    singlePointsOfFailure: ranked.filter((c) => c.order === 1).map((c) => c.events[0]),
    limits: { maxOrder, maxCutSets, orderTruncated, countTruncated: cutSetCount > maxCutSets },
    missingProbabilities: missing,
    stats: { bddNodes: bdd.size, zbddNodes: zbdd.size },
  };
  if (missing.length > 0) return result;

  const exact = bdd.probability(f, p);
  const importance = events.map((e, v): ImportanceRow => {
    const withEvent = bdd.probability(f, p.map((q, i) => (i === v ? 1 : q)));
    const without = bdd.probability(f, p.map((q, i) => (i === v ? 0 : q)));
    return {
      id: e.id, label: e.label, probability: p[v],
      birnbaum: withEvent - without,
      fussellVesely: exact > 0 ? (exact - without) / exact : 0,
    };
  }).sort((a, b) => b.fussellVesely - a.fussellVesely || b.birnbaum - a.birnbaum);
  return { ...result, probability: { exact, rareEvent: zbdd.sumOfProducts(family, p) }, importance };
}

/** Counts sets per order without listing them (out[k] = number of sets with k events). */
function countByOrder(z: Zbdd, family: number): number[] {
  return z.fold<number[]>(family, (t) => (t === 0 ? [] : [1]), (_, lo, hi) => {
    const out: number[] = [];
    lo.forEach((c, k) => (out[k] = (out[k] ?? 0) + c));
    hi.forEach((c, k) => (out[k + 1] = (out[k + 1] ?? 0) + c));
    return out;
  });
}
