import { formatFigure, type FaultTreeAnalysis } from '../../src/core/diagrams';
import { el } from './dom';

const MAX_CUT_SETS_SHOWN = 25;

/** Every figure of the analysis in one format, three significant digits (core formatFigure). */
export function formatProbability(p: number): string {
  return formatFigure(p);
}

/** Cut sets, single points of failure, top-event probability and importance, as tables. */
export function analysisView(a: FaultTreeAnalysis): HTMLElement {
  const label = new Map(a.events.map((e) => [e.id, e.label]));
  const name = (id: string): string => label.get(id) ?? id;
  const root = el('section', { className: 'analysis', attrs: { 'aria-label': 'Fault-tree analysis' } });

  const summary = el('dl', { className: 'summary' });
  const item = (term: string, value: string, id?: string): void => {
    summary.append(el('dt', { text: term }), el('dd', { text: value, attrs: { id } }));
  };
  if (a.probability) {
    item('Top event probability (exact)', formatProbability(a.probability.exact), 'p-exact');
    item('Rare-event approximation', formatProbability(a.probability.rareEvent), 'p-rare');
  } else {
    item('Top event probability', `needs a probability on ${a.missingProbabilities.map(name).join(', ')}`, 'p-exact');
  }
  item('Minimal cut sets', `${a.cutSetCount}${a.limits.orderTruncated ? ` (only up to order ${a.limits.maxOrder})` : ''}`, 'cut-set-count');
  item('Single points of failure', a.singlePointsOfFailure.length === 0 ? 'none' : a.singlePointsOfFailure.map(name).join(', '), 'spofs');
  root.append(el('h2', { text: `Analysis of “${a.topLabel}”` }), summary);

  const cutTable = el('table', { className: 'cut-sets', attrs: { id: 'cut-sets' } }, [
    el('thead', {}, [el('tr', {}, [el('th', { text: 'Cut set' }), el('th', { text: 'Order' }), el('th', { text: 'Probability' })])]),
  ]);
  const body = el('tbody');
  for (const cs of a.cutSets.slice(0, MAX_CUT_SETS_SHOWN)) {
    const row = el('tr', { className: cs.order === 1 ? 'spof' : undefined }, [
      el('td', { text: cs.events.map(name).join(' + ') }),
      el('td', { text: String(cs.order) }),
      el('td', { text: cs.probability === undefined ? '?' : formatProbability(cs.probability) }),
    ]);
    body.append(row);
  }
  cutTable.append(body);
  root.append(el('h3', { text: 'Minimal cut sets, most probable first' }), cutTable);
  if (a.cutSets.length > MAX_CUT_SETS_SHOWN || a.limits.countTruncated) {
    root.append(el('p', { className: 'muted', text: `Showing ${Math.min(MAX_CUT_SETS_SHOWN, a.cutSets.length)} of ${a.cutSetCount}.` }));
  }

  if (a.importance) {
    const imp = el('table', { className: 'importance', attrs: { id: 'importance' } }, [
      el('thead', {}, [el('tr', {}, [el('th', { text: 'Event' }), el('th', { text: 'p' }), el('th', { text: 'Birnbaum' }), el('th', { text: 'Fussell–Vesely' })])]),
    ]);
    const ib = el('tbody');
    for (const r of a.importance) {
      ib.append(el('tr', {}, [
        el('td', { text: r.label }), el('td', { text: formatProbability(r.probability) }),
        el('td', { text: formatProbability(r.birnbaum) }), el('td', { text: formatProbability(r.fussellVesely) }),
      ]));
    }
    imp.append(ib);
    root.append(el('h3', { text: 'Importance' }), imp);
  }
  return root;
}
