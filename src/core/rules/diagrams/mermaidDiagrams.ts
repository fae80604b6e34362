import { diagnoseMermaidBlocks } from '../../diagrams/diagnostics';
import type { Rule } from '../../lint/rule';

/**
 * Fishbone and fault-tree blocks that the diagram editor cannot read, or whose tree is unsound
 * (cycles, gates with too few inputs, k out of range, duplicate ids, unreachable nodes); blocks
 * meant as one but misspelt; fishbone categories Mermaid draws overlapping; unclosed mermaid fences.
 */
export const mermaidDiagrams: Rule = {
  code: 'diagram',
  defaultSeverity: 'error',
  subCodes: [
    'diagram/parse-error', 'diagram/misspelt-keyword', 'diagram/unclosed-fence', 'fishbone/empty-category', 'fishbone/placeholder', 'fishbone/raw-markup', 'fishbone/empty-cause',
    'fault-tree/missing-marker', 'fault-tree/duplicate-id', 'fault-tree/cycle', 'fault-tree/gate-inputs', 'fault-tree/k-out-of-range',
    'fault-tree/unknown-node', 'fault-tree/unreachable', 'fault-tree/probability-range', 'fault-tree/drawn-mismatch', 'fault-tree/dialect-v1', 'fault-tree/placeholder',
  ],
  description: 'Fishbone and fault-tree blocks must parse (a misspelt `ishikawa-beta` keyword or `%% ft:fault-tree v2` marker included), fault trees must draw what their `%% ft:` lines say (gate kinds, probabilities, gate styles; v1 blocks get an upgrade), fishbone categories need a cause (Mermaid draws empty ones overlapping), a fishbone line holds no raw `<` (Mermaid reads the line as HTML and draws its `&`, `<`, `>` as entities or drops a `<word>`; fix: `#lt;`, `#gt;`, `#amp;`) and no empty cause (`#32;`; fix: delete it), a fishbone keeps none of the template placeholders (`Name a cause`, `What happened (the effect)`, the `pm-fishbone` snippet defaults: info in a draft, warning from in-review; never counted as root causes), a fault tree keeps none of its template labels (`Top event (what failed)`, `First cause`, `Second cause` …; info in a draft, warning from in-review), mermaid fences must be closed, and fault trees must be sound (no cycles, enough gate inputs, k in range, unique ids, every node reachable, probabilities in [0, 1]).',
  check({ doc, report, status }) {
    for (const d of diagnoseMermaidBlocks(doc.text)) {
      // A template leftover is the writer's to-do while drafting, like the other placeholders.
      const severity = d.code === 'fishbone/placeholder' || d.code === 'fault-tree/placeholder' ? (status === 'draft' ? 'info' : 'warning') : d.severity;
      report({ code: d.code, severity, range: d.range, message: d.message, fixes: d.fixes });
    }
  },
};
