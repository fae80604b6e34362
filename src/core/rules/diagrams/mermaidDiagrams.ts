import { diagnoseMermaidBlocks } from '../../diagrams/diagnostics';
import type { Rule } from '../../lint/rule';

/**
 * Fishbone and fault-tree blocks that the diagram editor cannot read, or whose tree is unsound
 * (cycles, gates with too few inputs, k out of range, duplicate ids, unreachable nodes).
 */
export const mermaidDiagrams: Rule = {
  code: 'diagram',
  defaultSeverity: 'error',
  subCodes: [
    'diagram/parse-error', 'fault-tree/duplicate-id', 'fault-tree/cycle', 'fault-tree/gate-inputs', 'fault-tree/k-out-of-range',
    'fault-tree/unknown-node', 'fault-tree/unreachable', 'fault-tree/probability-range',
  ],
  description: 'Fishbone and fault-tree blocks must parse, and fault trees must be sound (no cycles, enough gate inputs, k in range, unique ids, every node reachable, probabilities in [0, 1]).',
  check({ doc, report }) {
    for (const d of diagnoseMermaidBlocks(doc.text)) {
      report({ code: d.code, severity: d.severity, range: d.range, message: d.message, fixes: d.fixes });
    }
  },
};
