import { eventNames, formatFigure, type FaultTreeAnalysis } from '../../src/core/diagrams';
import { el } from './dom';

/** Rows of the cut-set table; the analysis lists at most its maxCutSets (200), all of them shown. */
const MAX_CUT_SETS_SHOWN = 200;

/** Every figure of the analysis in one format, three significant digits (core formatFigure). */
export function formatProbability(p: number): string {
  return formatFigure(p);
}

/** What marks a node whose label is still the template's, as `postmortem fta` marks it. */
export const PLACEHOLDER_MARK = ' (template placeholder)';

/**
 * Cut sets, single points of failure, top-event probability and importance, as tables.
 * `placeholders`: the nodes whose labels are still the template's ("Second cause"), marked wherever
 * named and said first: the template's "Second cause" was listed as a single point of failure as if
 * it were a finding about the incident (trial14b F5; lint and `postmortem fta` already said so).
 */
export function analysisView(a: FaultTreeAnalysis, placeholders: ReadonlyMap<string, string> = new Map()): HTMLElement {
  // Two events with one label are named with their ids, here and in the importance table.
  const names = eventNames(a.events);
  const name = (id: string): string => `${names.get(id) ?? id}${placeholders.has(id) ? PLACEHOLDER_MARK : ''}`;
  const root = el('section', { className: 'analysis', attrs: { 'aria-label': 'Fault-tree analysis' } });

  const summary = el('dl', { className: 'summary' });
  // A figure never breaks ("0.00150" cut to "0.001" in a narrow pane, U6); a list of names wraps.
  const item = (term: string, value: string, id?: string, figure = false): void => {
    summary.append(el('dt', { text: term }), el('dd', { text: value, className: figure ? 'figure' : undefined, attrs: { id } }));
  };
  const listed = a.cutShort === undefined;
  if (a.probability) {
    // An underflowed 0 is not an exact 0: the event is possible, just less likely than a double holds.
    item('Top event probability (exact)', a.probability.underflow ? 'below 1e-300 (too small to compute)' : formatProbability(a.probability.exact), 'p-exact', true);
    if (listed) item(`Rare-event approximation${a.limits.countTruncated || a.limits.orderTruncated ? ' (listed cut sets only)' : ''}`, formatProbability(a.probability.rareEvent), 'p-rare', true);
  } else {
    item('Top event probability', `needs a probability on ${a.missingProbabilities.map(name).join(', ')}`, 'p-exact');
  }
  item('Minimal cut sets', listed ? `${a.cutSetCount}${a.limits.orderTruncated ? ` of order ≤ ${a.limits.maxOrder}` : ''}` : 'not computed', 'cut-set-count');
  item('Single points of failure', a.singlePointsOfFailure.length === 0 ? 'none' : a.singlePointsOfFailure.map(name).join(', '), 'spofs');
  root.append(el('h2', { text: `Analysis of “${a.topLabel}”` }));
  if (placeholders.size > 0) {
    const labels = [...placeholders.values()].map((l) => `“${l}”`).join(', ');
    const count = placeholders.size === 1 ? '1 node still carries its template label' : `${placeholders.size} nodes still carry the template's labels`;
    const them = placeholders.size === 1 ? 'it' : 'them';
    root.append(el('p', { className: 'analysis-limits', text: `Placeholders: ${count} (${labels}): rename ${them}; until then the figures below are about the template, not the incident.`, attrs: { id: 'analysis-placeholders' } }));
  }
  root.append(summary);
  const limits = limitsSentence(a, Math.min(MAX_CUT_SETS_SHOWN, a.cutSets.length));
  if (limits) root.append(el('p', { className: 'analysis-limits', text: limits, attrs: { id: 'analysis-limits', role: 'status' } }));

  if (!listed) return withImportance(root, a, name);
  const cutTable = el('table', { className: 'cut-sets', attrs: { id: 'cut-sets' } }, [
    el('thead', {}, [el('tr', {}, [el('th', { text: 'Cut set' }), el('th', { text: 'Order' }), el('th', { text: 'Probability' })])]),
  ]);
  const body = el('tbody');
  for (const cs of a.cutSets.slice(0, MAX_CUT_SETS_SHOWN)) {
    const row = el('tr', { className: cs.order === 1 ? 'spof' : undefined }, [
      el('td', { text: cs.events.map(name).join(' + ') }),
      el('td', { text: String(cs.order), attrs: { 'data-label': 'order' } }),
      el('td', { text: cs.probability === undefined ? '?' : formatProbability(cs.probability), attrs: { 'data-label': 'p' } }),
    ]);
    body.append(row);
  }
  cutTable.append(body);
  root.append(el('h3', { text: 'Minimal cut sets, most probable first' }), scrollsSideways(cutTable));
  return withImportance(root, a, name);
}

/**
 * What the analysis left out, in a sentence, or undefined when it is complete: the listed cut sets
 * stop at the first `maxCutSets` (most probable first) and at order `maxOrder`, or the cut sets were
 * not computed at all within the budget (`cutShort`). Probability and importance are exact in every case.
 */
export function limitsSentence(a: FaultTreeAnalysis, shown: number): string | undefined {
  // The core's sentence already says that probability, importance and single points of failure are exact.
  if (a.cutShort) return `${a.cutShort.message} To see them, split the tree into sub-trees (transfer events).`;
  const { maxOrder, orderTruncated, countTruncated } = a.limits;
  if (!orderTruncated && !countTruncated && shown >= a.cutSetCount) return undefined;
  const order = orderTruncated ? ` of order ≤ ${maxOrder}` : '';
  const first = countTruncated || shown < a.cutSetCount ? `Showing the first ${shown} of ${a.cutSetCount} minimal cut sets${order}, most probable first.` : `Showing the ${a.cutSetCount} minimal cut sets${order}.`;
  const larger = orderTruncated ? ` Cut sets of more than ${maxOrder} events were not computed.` : '';
  return `${first}${larger} The top-event probability and importance cover every cut set.`;
}

function withImportance(root: HTMLElement, a: FaultTreeAnalysis, name: (id: string) => string): HTMLElement {
  if (a.importance) {
    const imp = el('table', { className: 'importance', attrs: { id: 'importance' } }, [
      el('thead', {}, [el('tr', {}, [el('th', { text: 'Event' }), el('th', { text: 'p' }), el('th', { text: 'Birnbaum' }), el('th', { text: 'Fussell–Vesely' })])]),
    ]);
    const ib = el('tbody');
    for (const r of a.importance) {
      ib.append(el('tr', {}, [
        el('td', { text: name(r.id) }), el('td', { text: formatProbability(r.probability), attrs: { 'data-label': 'p' } }),
        el('td', { text: formatProbability(r.birnbaum), attrs: { 'data-label': 'Birnbaum' } }), el('td', { text: formatProbability(r.fussellVesely), attrs: { 'data-label': 'Fussell–Vesely' } }),
      ]));
    }
    imp.append(ib);
    root.append(el('h3', { text: 'Importance' }), scrollsSideways(imp));
  }
  return root;
}

/**
 * A table in a box that scrolls sideways with a visible scrollbar: the outline pane sits in a
 * vscode-collapsible, whose body clips what overflows, so a table wider than a half-width pane had
 * its last column (Fussell–Vesely) cut off without a hint (U6).
 */
function scrollsSideways(table: HTMLElement): HTMLElement {
  return el('div', { className: 'table-scroll', attrs: { tabindex: '0', role: 'region', 'aria-label': table.id === 'importance' ? 'Importance table' : 'Cut sets table' } }, [table]);
}

/** The analysis section when nothing could be computed: the reason (structural error or budget). */
export function analysisErrorView(message: string): HTMLElement {
  return el('section', { className: 'analysis', attrs: { 'aria-label': 'Fault-tree analysis' } }, [
    el('h2', { text: 'Analysis' }),
    el('p', { className: 'analysis-limits', text: message, attrs: { id: 'analysis-error', role: 'status' } }),
  ]);
}
