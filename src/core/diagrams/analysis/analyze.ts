import type { FaultTree, FtEvent, FtGate, FtNode } from '../faultTree/model';
import { validateFaultTree } from '../faultTree/validate';
import { Bdd } from './bdd';
import { DEFAULT_MAX_NODES, DiagramTooLargeError, type DiagramBudget } from './nodeTable';
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
    /**
     * True when `exact` is 0 only because the true value is below what a double holds (about 5e-324:
     * a 3,000-event AND chain at 0.5 each): the top event is possible (every probability > 0) but the
     * product underflowed. Shown as "below 1e-300", never as an exact 0.
     */
    readonly underflow?: true;
  };
  readonly importance?: readonly ImportanceRow[];
  readonly stats: { readonly bddNodes: number; readonly zbddNodes: number };
  /**
   * Present when the budget ran out while listing the minimal cut sets: cutSets, cutSetCount and
   * orderDistribution are then empty and rareEvent is NaN; probability, importance and
   * singlePointsOfFailure are still exact. `message` is a sentence to show the user (what to do
   * about it depends on the caller: the CLI has --max-order, the editor says to split the tree).
   */
  readonly cutShort?: { readonly stage: 'cut-sets'; readonly message: string };
}

export class FaultTreeAnalysisError extends Error {}

/** Enumerating beyond this many sets just to rank them costs more than it tells. */
const RANKING_CAP = 200_000;

/**
 * Qualitative and quantitative analysis of a fault tree: BDD of the top event, minimal cut sets by
 * Rauzy's algorithm into a ZBDD, exact probability, rare-event approximation and importance.
 * Throws FaultTreeAnalysisError when the tree has structural errors (see validateFaultTree) or when
 * any part of the analysis passes its budget (nodes, deadline).
 */
export function analyzeFaultTree(tree: FaultTree, options: AnalysisOptions = {}): FaultTreeAnalysis {
  const r = analyzeFaultTreeBounded(tree, options);
  if (r.error !== undefined) throw new FaultTreeAnalysisError(r.error);
  if (r.analysis.cutShort) throw new FaultTreeAnalysisError(`${r.analysis.cutShort.message} Lower the order limit (--max-order) or split the tree into sub-trees (transfer events).`);
  return r.analysis;
}

export interface BoundedAnalysisOptions extends AnalysisOptions {
  /** Wall-clock budget in milliseconds for the whole analysis (absent = none). */
  readonly timeMs?: number;
}

/**
 * The analysis within a budget, for callers that must stay responsive (the diagram editor): never
 * throws. `error` when nothing could be computed (structural errors, or the decision diagram of the
 * top event itself passed the budget); otherwise `analysis`, whose `cutShort` says (in a sentence
 * for the user) that the minimal cut sets were not computed while probability, importance and
 * single points of failure were.
 */
export function analyzeFaultTreeBounded(tree: FaultTree, options: BoundedAnalysisOptions = {}): { analysis: FaultTreeAnalysis; error?: undefined } | { analysis?: undefined; error: string } {
  const budget: DiagramBudget = {
    maxNodes: options.maxNodes,
    deadline: options.timeMs === undefined ? undefined : Date.now() + options.timeMs,
  };
  try {
    return { analysis: analyze(tree, options, budget) };
  } catch (e) {
    if (e instanceof DiagramTooLargeError) return { error: `Analysis cut short: the tree is too large to analyse here. ${tooLarge(e, options)} Nothing could be computed; split the tree into sub-trees (transfer events).` };
    if (e instanceof FaultTreeAnalysisError) return { error: e.message };
    throw e;
  }
}

function tooLarge(e: DiagramTooLargeError, options: BoundedAnalysisOptions): string {
  const time = /time budget/.test(e.message) && options.timeMs !== undefined ? ` (${options.timeMs} ms)` : '';
  return `${e.message.replace(/\.$/, '')}${time}.`;
}

/**
 * Leaf events in order of first appearance, depth-first from the top, a gate's own events before
 * the events under its sub-gates (an explicit stack, not recursion). Events near the top then get
 * the first variables, so a gate's BDD is its events' nodes above its sub-gates' diagrams: a chain
 * of gates each adding one event costs one node per gate (with sub-gates first, each gate rebuilt
 * the diagram below it: 501,519 nodes for a 1,000-gate chain).
 */
function eventOrder(top: string, byId: ReadonlyMap<string, FtNode>): FtEvent[] {
  const events: FtEvent[] = [];
  const seen = new Set<string>();
  const take = (n: FtNode): void => {
    if (n.type === 'event' && n.event !== 'house') events.push(n);
  };
  const topNode = byId.get(top)!;
  seen.add(top);
  take(topNode);
  const stack: FtNode[] = [topNode];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.type !== 'gate') continue;
    const gates: FtNode[] = [];
    for (const id of n.inputs) {
      if (seen.has(id)) continue;
      seen.add(id);
      const child = byId.get(id)!;
      if (child.type === 'gate') gates.push(child);
      else take(child);
    }
    for (let i = gates.length - 1; i >= 0; i--) stack.push(gates[i]);
  }
  return events;
}

/** Gates reachable from the top, each after all of its inputs (post-order on an explicit stack). */
function gatesInputsFirst(top: string, byId: ReadonlyMap<string, FtNode>): FtGate[] {
  const out: FtGate[] = [];
  const state = new Map<string, 1 | 2>();
  const stack: { id: string; next: number }[] = [{ id: top, next: 0 }];
  state.set(top, 1);
  while (stack.length > 0) {
    const frame = stack[stack.length - 1];
    const n = byId.get(frame.id)!;
    if (n.type === 'gate' && frame.next < n.inputs.length) {
      const child = n.inputs[frame.next++];
      if (!state.has(child)) {
        state.set(child, 1);
        stack.push({ id: child, next: 0 });
      }
      continue;
    }
    stack.pop();
    state.set(frame.id, 2);
    if (n.type === 'gate') out.push(n);
  }
  return out;
}

function analyze(tree: FaultTree, options: AnalysisOptions, budget: DiagramBudget): FaultTreeAnalysis {
  const maxOrder = Math.max(1, Math.floor(options.maxOrder ?? 10));
  const maxCutSets = Math.max(1, Math.floor(options.maxCutSets ?? 1000));
  const errors = validateFaultTree(tree).filter((i) => i.severity === 'error');
  if (errors.length > 0) throw new FaultTreeAnalysisError(errors.map((e) => e.message).join(' '));
  if (tree.nodes.length === 0) throw new FaultTreeAnalysisError('Expected a top event, found an empty fault tree.');

  const byId = new Map<string, FtNode>(tree.nodes.map((n) => [n.id, n]));
  const top = tree.nodes[0];
  // Variable order = first appearance depth-first: keeps related events close, which keeps the BDD small.
  const events = eventOrder(top.id, byId);
  const variableOf = new Map<string, number>(events.map((e, i) => [e.id, i]));

  const bdd = new Bdd(budget);
  const fn = new Map<string, number>();
  const leaf = (id: string): number => {
    const hit = fn.get(id);
    if (hit !== undefined) return hit;
    const n = byId.get(id) as FtEvent;
    const f = n.event === 'house' ? (n.houseState ? 1 : 0) : bdd.ithVar(variableOf.get(id)!);
    fn.set(id, f);
    return f;
  };
  for (const gate of gatesInputsFirst(top.id, byId)) {
    const inputs = gate.inputs.map((x) => fn.get(x) ?? leaf(x));
    fn.set(gate.id, gate.gate === 'vote' ? bdd.atLeast(gate.k ?? 2, inputs) : bdd.many(gate.gate, inputs));
  }
  const f = fn.get(top.id) ?? leaf(top.id);

  const missing = events.filter((e) => e.probability === undefined).map((e) => e.id);
  const p = events.map((e) => e.probability ?? Number.NaN);
  // Probability and importance need only the BDD (two linear passes): computed before the cut sets,
  // whose diagram can grow much larger, so they survive when the cut sets are cut short.
  const measured = missing.length > 0 ? undefined : bdd.importance(f, p);
  const underflow = measured !== undefined && measured.probability === 0 && f !== 0 && p.every((x) => x > 0) ? { underflow: true as const } : {};

  const base = {
    topId: top.id,
    topLabel: top.label,
    events: events.map((e) => ({ id: e.id, label: e.label, kind: e.event, ...(e.probability !== undefined ? { probability: e.probability } : {}) })),
    missingProbabilities: missing,
  };
  const importance = measured && events.map((e, v): ImportanceRow => ({
    id: e.id, label: e.label, probability: p[v],
    birnbaum: measured.birnbaum[v],
    // (P − P(top | no event)) / P, and P − P(top | no event) = p × Birnbaum for independent events.
    fussellVesely: measured.probability > 0 ? (p[v] * measured.birnbaum[v]) / measured.probability : 0,
  })).sort((a, b) => b.fussellVesely - a.fussellVesely || b.birnbaum - a.birnbaum);

  // One memory budget for the whole analysis: the cut sets get what the BDD left.
  const zbdd = new Zbdd({ ...budget, maxNodes: Math.max(2, (budget.maxNodes ?? DEFAULT_MAX_NODES) - bdd.size) });
  let family: number;
  let orderTruncated: boolean;
  let cutSetCount: number;
  try {
    family = zbdd.minimalCutSets(bdd, f, maxOrder);
    orderTruncated = zbdd.toBdd(bdd, family) !== f;
    cutSetCount = zbdd.count(family);
  } catch (e) {
    if (!(e instanceof DiagramTooLargeError)) throw e;
    // Single points of failure come from the BDD directly: an event that alone makes the top true.
    const spofs = (f === 1 ? [] : bdd.singleVariables(f)).map((v) => events[v]);
    spofs.sort((a, b) => (b.probability ?? -1) - (a.probability ?? -1) || a.id.localeCompare(b.id));
    return {
      ...base,
      cutSets: [], cutSetCount: 0, orderDistribution: [],
      singlePointsOfFailure: spofs.map((e) => e.id),
      limits: { maxOrder, maxCutSets, orderTruncated: false, countTruncated: false },
      ...(measured && importance ? { probability: { exact: measured.probability, rareEvent: Number.NaN, ...underflow }, importance } : {}),
      stats: { bddNodes: bdd.size, zbddNodes: zbdd.size },
      cutShort: {
        stage: 'cut-sets',
        message: `Analysis cut short: the minimal cut sets are too large to analyse here (${e.message.replace(/\.$/, '')}), so they are not shown; ${measured ? 'the top-event probability, importance and ' : ''}single points of failure are exact.`,
      },
    };
  }

  const listed = zbdd.enumerate(family, Math.max(maxCutSets, Math.min(cutSetCount, RANKING_CAP)));
  const ranked = listed
    .map((vars) => {
      const probability = vars.reduce((acc, v) => acc * p[v], 1);
      return { events: vars.map((v) => events[v].id), order: vars.length, probability: Number.isNaN(probability) ? undefined : probability };
    })
    .sort((a, b) => (b.probability ?? -1) - (a.probability ?? -1) || a.order - b.order || a.events.join().localeCompare(b.events.join()));
  const cutSets = ranked.slice(0, maxCutSets);

  return {
    ...base,
    cutSets,
    cutSetCount,
    orderDistribution: Array.from(countByOrder(zbdd, family), (x) => x ?? 0),
    singlePointsOfFailure: ranked.filter((c) => c.order === 1).map((c) => c.events[0]),
    limits: { maxOrder, maxCutSets, orderTruncated, countTruncated: cutSetCount > maxCutSets },
    ...(measured && importance ? { probability: { exact: measured.probability, rareEvent: zbdd.sumOfProducts(family, p), ...underflow }, importance } : {}),
    stats: { bddNodes: bdd.size, zbddNodes: zbdd.size },
  };
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
