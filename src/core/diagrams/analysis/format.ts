import { labelKey } from '../labelKey';
import type { FaultTree } from '../faultTree/model';
import { FAULT_TREE_STYLES, GATE_CLASSES } from '../faultTree/visible';
import type { FaultTreeAnalysis } from './analyze';

/**
 * One format for every figure of the analysis (probabilities, Birnbaum, Fussell–Vesely): three
 * significant digits, as a decimal from 0.001 up and with an exponent below it: `0.545`, `1.00`,
 * `0.0100`, `1.00e-4`. Exactly 0 is `0`. (The panel mixed `0.545455`, `1` and `1.0000e-4`.)
 */
export function formatFigure(x: number): string {
  if (x === 0) return '0';
  if (!Number.isFinite(x)) return String(x);
  return Math.abs(x) >= 1e-3 ? x.toPrecision(3) : x.toExponential(2);
}

/**
 * How the analysis names each event: its label, and its id beside it ("Second cause (E7)") when
 * another event has the same label; otherwise two "Second cause" cut sets could not be told apart
 * (trial T12). Labels are compared as a reader sees them (case and spaces aside).
 */
export function eventNames(events: readonly { readonly id: string; readonly label: string }[]): Map<string, string> {
  const count = new Map<string, number>();
  for (const e of events) count.set(labelKey(e.label), (count.get(labelKey(e.label)) ?? 0) + 1);
  return new Map(events.map((e) => [e.id, (count.get(labelKey(e.label)) ?? 0) > 1 ? `${e.label.trim()} (${e.id})` : e.label]));
}

/** One entry of the drawing's legend: a swatch (its Mermaid style), a name and what it means. */
export interface LegendEntry {
  readonly key: 'and' | 'or' | 'vote' | 'spof';
  /** Class the drawing gives these nodes (`ftSpof` is the editor's outline for single points of failure). */
  readonly className: string;
  /** The Mermaid style of the class (`stroke:#…,stroke-width:…`), for drawing the swatch. */
  readonly style: string;
  readonly title: string;
  readonly description: string;
  /** Node ids drawn this way (in tree order). */
  readonly nodeIds: readonly string[];
}

/**
 * The legend for a drawn fault tree: one entry per gate kind the tree uses, and one for single
 * points of failure when the analysis found any (events that alone cause the top event; the editor
 * outlines them in red, which needs saying). Entries without nodes are left out.
 */
export function faultTreeLegend(tree: FaultTree, analysis?: Pick<FaultTreeAnalysis, 'singlePointsOfFailure'>): LegendEntry[] {
  const ids = { and: [] as string[], or: [] as string[], vote: [] as string[] };
  for (const n of tree.nodes) if (n.type === 'gate') ids[n.gate].push(n.id);
  const out: LegendEntry[] = [
    { key: 'and', className: GATE_CLASSES.and, style: FAULT_TREE_STYLES.ftAnd, title: 'AND gate', description: 'occurs when all of its inputs occur', nodeIds: ids.and },
    { key: 'or', className: GATE_CLASSES.or, style: FAULT_TREE_STYLES.ftOr, title: 'OR gate', description: 'occurs when any of its inputs occurs', nodeIds: ids.or },
    { key: 'vote', className: GATE_CLASSES.vote, style: FAULT_TREE_STYLES.ftVote, title: 'k of n gate', description: 'occurs when at least k of its n inputs occur', nodeIds: ids.vote },
  ];
  const spofs = analysis?.singlePointsOfFailure ?? [];
  out.push({
    key: 'spof', className: 'ftSpof', style: FAULT_TREE_STYLES.ftSpof, title: 'Single point of failure',
    description: 'an event that alone causes the top event (a cut set of one event)', nodeIds: spofs,
  });
  return out.filter((e) => e.nodeIds.length > 0);
}
