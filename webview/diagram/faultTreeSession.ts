import {
  analyzeFaultTreeBounded, drawnFaultTreeBlock, faultTreeLegend, isFaultTreeLabelCut, parseFaultTree, parseProbability, printFaultTree, setEventKind, setGateKind, setHouseState, setProbability, validateFaultTree,
  type EventKind, type FaultTree, type FaultTreeAnalysis, type GateKind,
} from '../../src/core/diagrams';
import { faultTreePlaceholders } from '../../src/core/diagrams/faultTree/placeholders';
import { analysisErrorView, analysisView } from './analysisView';
import { el } from './dom';
import { faultTreeDrawnNodes } from './drawingNodes';
import { faultTreeDrawingText } from './faultTreeDrawing';
import { faultTreeIdentity, faultTreeOutline, locateFaultTreeRow, refOf } from './faultTreeOutline';
import { numberField, parseDecimal } from './numberField';
import type { DiagramSession, Note } from './session';
import { faultTreeReason } from './unavailableReasons';

/**
 * The panel's analysis budget. It runs on the webview's UI thread (VS Code webviews do not load a
 * worker script from the extension without widening the CSP to blob:), so it is bounded: cut sets
 * of at most 6 events, the first 200 listed, and a decision-diagram budget of 200,000 nodes (about
 * a tenth of a second of work; deterministic, unlike a clock). The time budget is a backstop for a
 * slow machine. Beyond them the analysis section says what was left out; probability and importance
 * stay exact whenever the top event's diagram fits.
 */
export const ANALYSIS_LIMITS = { maxOrder: 6, maxCutSets: 200, maxNodes: 200_000, timeMs: 1500 } as const;

const GATE_KINDS: readonly [GateKind, string][] = [['and', 'AND'], ['or', 'OR'], ['vote', 'k of n (vote)']];
const EVENT_KINDS: readonly [EventKind, string][] = [['basic', 'Basic event'], ['undeveloped', 'Undeveloped'], ['house', 'House (switch)'], ['transfer', 'Transfer']];

export function faultTreeSession(content: string): DiagramSession {
  const parsed = parseFaultTree(content);
  let tree: FaultTree = parsed.model;
  const writable = parsed.writable;
  let analysis: { result?: FaultTreeAnalysis; error?: string } | undefined;
  const analyse = (): { result?: FaultTreeAnalysis; error?: string } => {
    if (!analysis) {
      // Bounded, never throws: a tree too large for the budget says so in the analysis section
      // instead of freezing the panel (it runs on the webview's thread; see ANALYSIS_LIMITS).
      const r = analyzeFaultTreeBounded(tree, ANALYSIS_LIMITS);
      analysis = r.error !== undefined ? { error: r.error } : { result: r.analysis };
    }
    return analysis;
  };
  /** What the last probability typed as something other than the plain number was read as ("20% read as 0.2"), shown under its field. */
  let readAs: { id: string; text: string } | undefined;
  const update = (next: FaultTree): boolean => {
    if (next === tree) return false;
    tree = next;
    analysis = undefined;
    return true;
  };

  const select = <T extends string>(id: string, label: string, options: readonly [T, string][], value: T, onChange: (v: T) => void): HTMLElement => {
    const s = el('select', { attrs: { id, ...(writable ? {} : { disabled: '' }) } });
    for (const [v, text] of options) {
      const o = el('option', { text, attrs: { value: v } });
      o.selected = v === value;
      s.append(o);
    }
    s.addEventListener('change', () => onChange(s.value as T));
    return el('label', { className: 'field' }, [`${label} `, s]);
  };
  return {
    kind: 'fault-tree',
    writable,
    problems: parsed.problems,
    rows: () => faultTreeOutline.rows(tree),
    act(key, action) {
      const r = faultTreeOutline.act(tree, key, action);
      return { changed: update(r.model), select: r.select, rename: r.rename };
    },
    unavailable(key, action) {
      if (faultTreeOutline.act(tree, key, action).model !== tree) return undefined;
      const { id, parentId, parentKey } = refOf(key);
      const node = tree.nodes.find((n) => n.id === id);
      const parent = tree.nodes.find((n) => n.id === parentId);
      const inputs = parent?.type === 'gate' ? parent.inputs : [];
      const at = inputs.indexOf(id);
      const above = at > 0 ? tree.nodes.find((n) => n.id === inputs[at - 1]) : undefined;
      return faultTreeReason(action, {
        isTop: tree.nodes[0]?.id === id && !key.startsWith('~'), isGate: node?.type === 'gate', connected: !key.startsWith('~'),
        isFirst: at <= 0, aboveIsGate: above?.type === 'gate', underTop: parentKey !== undefined && refOf(parentKey).parentId === undefined,
      });
    },
    drawnNodes(svg) {
      const nodes = faultTreeDrawnNodes(svg, faultTreeOutline.rows(tree), (key) => refOf(key).id);
      // A label drawn cut gets its full text as the shape's tooltip: an SVG <title>, set as text.
      const labels = new Map(tree.nodes.map((t) => [t.id, t.label]));
      for (const n of nodes) {
        const label = labels.get(n.node);
        if (label === undefined || !isFaultTreeLabelCut(label) || n.element.querySelector(':scope > title')) continue;
        const title = document.createElementNS('http://www.w3.org/2000/svg', 'title');
        title.textContent = label;
        n.element.prepend(title);
      }
      return nodes;
    },
    nodeOf: (key) => refOf(key).id,
    identify: (key) => (faultTreeOutline.rows(tree).some((r) => r.key === key) ? faultTreeIdentity(key) : undefined),
    locate: (identity) => locateFaultTreeRow(faultTreeOutline.rows(tree), identity),
    lineOf(key) {
      const { id } = refOf(key);
      const lines = tree === parsed.model ? parsed.lines : parseFaultTree(printFaultTree(tree)).lines;
      return lines.shape.get(id) ?? lines.data.get(id);
    },
    rename: (key, label) => update(faultTreeOutline.rename(tree, key, label)),
    // Labels nobody edited are written as the block wrote them (an older `#62;` stays `#62;`): the diff shows only the edit.
    text: () => printFaultTree(tree, { written: parsed.written }),
    // A read-only block is drawn from its own lines (which the editor cannot print), long labels cut alike.
    drawingText: () => (writable ? faultTreeDrawingText(tree, analyse().result?.singlePointsOfFailure ?? []) : drawnFaultTreeBlock(content)),
    details(key, changed) {
      const { id } = refOf(key);
      const node = tree.nodes.find((n) => n.id === id);
      if (!node) return undefined;
      const box = el('div', { className: 'fields' });
      if (node.type === 'gate') {
        box.append(select('gate-kind', 'Gate', GATE_KINDS, node.gate, (g) => {
          if (update(setGateKind(tree, id, g))) changed();
        }));
        if (node.gate === 'vote') {
          const n = Math.max(1, node.inputs.length);
          box.append(numberField({ id: 'gate-k', label: 'k', value: String(node.k ?? 2), disabled: !writable, onCommit: (raw) => {
            const k = parseDecimal(raw);
            if (k === undefined || !(Number.isInteger(k) && k >= 1 && k <= n)) return `Expected a whole number from 1 to ${n} (the number of inputs)`;
            if (update(setGateKind(tree, id, 'vote', k))) changed();
            return undefined;
          } }));
        }
      } else {
        box.append(select('event-kind', 'Event', EVENT_KINDS, node.event, (k) => {
          if (update(setEventKind(tree, id, k))) changed();
        }));
        if (node.event === 'house') {
          const box2 = el('input', { attrs: { id: 'house-state', type: 'checkbox', ...(writable ? {} : { disabled: '' }) } });
          box2.checked = node.houseState === true;
          box2.addEventListener('change', () => {
            if (update(setHouseState(tree, id, box2.checked))) changed();
          });
          box.append(el('label', { className: 'field' }, [box2, ' Condition holds']));
        } else {
          const value = node.probability === undefined ? '' : String(node.probability);
          // Always in the page, emptied on each input: a value that changes nothing in the tree (".5"
          // after "50 %") redraws nothing, and the note of the previous input stayed (trial13b F12).
          const note = el('span', { className: 'field-note', text: readAs?.id === id ? readAs.text : '', attrs: { id: 'probability-read-as', role: 'status' } });
          note.hidden = note.textContent === '';
          const showNote = (text: string | undefined): void => {
            readAs = text === undefined ? undefined : { id, text };
            note.textContent = text ?? '';
            note.hidden = text === undefined;
          };
          box.append(numberField({ id: 'probability', label: 'Probability', value, placeholder: 'unknown', disabled: !writable, onCommit: (raw) => {
            // Empty means "unknown" and removes the probability; 20%, 1e-4 and 0,5 are read as numbers.
            const read = raw === '' ? undefined : parseProbability(raw);
            if (read && 'error' in read) {
              showNote(undefined);
              return read.error;
            }
            showNote(read?.readAs);
            if (update(setProbability(tree, id, read?.value))) changed();
            return undefined;
          } }), note);
        }
      }
      return box;
    },
    notes(): Note[] {
      // A node whose lines could not be read is missing from the model, so checking the rest would
      // only repeat the parse problems as unknown or unreachable nodes: those are listed alone.
      if (parsed.problems.some((p) => (p.severity ?? 'error') === 'error')) return [];
      // Lines of the text the document holds: the parsed text until the first edit, then the print.
      const lines = tree === parsed.model ? parsed.lines : parseFaultTree(printFaultTree(tree)).lines;
      return validateFaultTree(tree).map((i) => ({
        severity: i.severity === 'error' ? 'error' : 'warning',
        line: lines[i.on].get(i.nodeId) ?? lines.shape.get(i.nodeId) ?? lines.data.get(i.nodeId),
        message: i.message,
      }));
    },
    analysis() {
      const a = analyse();
      // The nodes lint's fault-tree/placeholder names, marked as `postmortem fta` marks them.
      const placeholders = new Map(faultTreePlaceholders(tree).map((p) => [p.nodeId, tree.nodes.find((n) => n.id === p.nodeId)?.label.trim() ?? p.nodeId]));
      return a.result ? analysisView(a.result, placeholders) : analysisErrorView(a.error ?? 'The analysis gave no result.');
    },
    legend: () => (writable ? faultTreeLegend(tree, analyse().result) : []),
  };
}
