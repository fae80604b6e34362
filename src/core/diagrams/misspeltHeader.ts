import { editDistance, likelyMeant } from '../text/editDistance';
import type { Diagnostic, Range } from '../types';
import { FAULT_TREE_MARKER, FAULT_TREE_MARKER_V1, type MermaidBlock } from './blocks';

const FISHBONE_KEYWORD = 'ishikawa-beta';
/** The marker is long (19 characters): three slips still leave no doubt what was meant. */
const MARKER_SLIPS = 3;
const COMMENT = /^\s*%%/;

/**
 * A mermaid block that is neither a fishbone nor a fault tree only because its keyword or marker
 * is misspelt (`ishikawa-betax`, `%% ft:fault-tre v1`), or a flowchart with fault-tree data lines
 * but no marker. Without this such a block is "some other diagram" and the linter says nothing,
 * while Mermaid draws it wrongly or not at all. Other diagrams (a plain flowchart, a sequence
 * diagram) give undefined. `eol` is the document's line break, for fixes that add a line.
 */
export function misspeltDiagramHeader(block: MermaidBlock, eol: string): Diagnostic | undefined {
  if (block.kind !== 'other') return undefined;
  const lines = block.content.split('\n');
  const headLine = lines.findIndex((l) => l.trim() !== '' && !COMMENT.test(l));
  if (headLine < 0) return undefined;
  const head = lines[headLine];
  const indent = head.length - head.trimStart().length;
  const word = head.trim().split(/\s+/, 1)[0];
  const docLine = block.contentStartLine + headLine;
  const wordRange: Range = { start: { line: docLine, character: indent }, end: { line: docLine, character: indent + word.length } };
  const label = `diagram ${block.index + 1}`;

  const lower = word.toLowerCase();
  if (lower === FISHBONE_KEYWORD || lower === 'ishikawa') {
    // Mermaid takes text after the keyword as the effect and draws it, but the diagram editor and
    // the fishbone checks read the effect from the next line, so the block is not one they know.
    const rest = head.slice(indent + word.length).trim();
    const restStart = head.indexOf(rest, indent + word.length);
    return {
      code: 'diagram/parse-error', severity: 'warning', range: { start: wordRange.start, end: { line: docLine, character: head.length } },
      message: `Fishbone (${label}): Expected the effect on the line after "${word}", found it on the same line ("${rest}"): Mermaid draws it, but the diagram editor and these checks do not read the block.`,
      fixes: [{
        title: `Put "${rest}" on its own line as the effect`,
        edits: [{ range: { start: wordRange.end, end: { line: docLine, character: restStart } }, newText: `${eol}${' '.repeat(indent + 2)}` }],
      }],
    };
  }
  if (lower.startsWith('ishikawa') || likelyMeant(word, [FISHBONE_KEYWORD]) !== undefined) {
    return {
      code: 'diagram/misspelt-keyword', severity: 'error', range: wordRange,
      message: `Fishbone (${label}): Expected "${FISHBONE_KEYWORD}", found "${word}".`,
      fixes: [{ title: `Change "${word}" to "${FISHBONE_KEYWORD}"`, isPreferred: true, edits: [{ range: wordRange, newText: FISHBONE_KEYWORD }] }],
    };
  }
  if (/^(flowchart|graph)$/i.test(word)) return faultTreeMarker(block, lines, docLine, label, eol);
  return undefined;
}

/**
 * A flowchart whose `%% ft:fault-tree v2` (or v1) line is misspelt, or missing while `%% ft:` data
 * lines say it is a fault tree. The fix writes the nearer marker; when both are as near, or the
 * marker is missing, v2 if the block has v2's gate styles, else v1 (whose blocks hold no drawn parts).
 */
function faultTreeMarker(block: MermaidBlock, lines: readonly string[], headDocLine: number, label: string, eol: string): Diagnostic | undefined {
  const styled = lines.some((l) => /^\s*classDef ft(And|Or|Vote) /.test(l));
  const markerFor = (line: string): string | undefined => {
    const text = line.trim().toLowerCase();
    const v2 = editDistance(text, FAULT_TREE_MARKER);
    const v1 = editDistance(text, FAULT_TREE_MARKER_V1);
    if (Math.min(v1, v2) > MARKER_SLIPS) return undefined;
    return v2 < v1 || (v2 === v1 && styled) ? FAULT_TREE_MARKER : FAULT_TREE_MARKER_V1;
  };
  const near = lines.findIndex((l) => COMMENT.test(l) && markerFor(l) !== undefined);
  if (near >= 0) {
    const marker = markerFor(lines[near])!;
    const raw = lines[near];
    const start = raw.length - raw.trimStart().length;
    const line = block.contentStartLine + near;
    const range: Range = { start: { line, character: start }, end: { line, character: start + raw.trim().length } };
    return {
      code: 'diagram/misspelt-keyword', severity: 'error', range,
      message: `Fault tree (${label}): Expected "${marker}", found "${raw.trim()}".`,
      fixes: [{ title: `Change the marker to "${marker}"`, isPreferred: true, edits: [{ range, newText: marker }] }],
    };
  }
  const data = lines.find((l) => /^\s*%% ft:(gate|event)\b/.test(l));
  if (data === undefined) return undefined;
  const indent = data.length - data.trimStart().length;
  const head = lines[headDocLine - block.contentStartLine];
  const marker = styled ? FAULT_TREE_MARKER : FAULT_TREE_MARKER_V1;
  return {
    code: 'fault-tree/missing-marker', severity: 'error',
    range: { start: { line: headDocLine, character: head.length - head.trimStart().length }, end: { line: headDocLine, character: head.length } },
    message: `Fault tree (${label}): Expected the line "${marker}" that marks a fault tree, found "%% ft:" data lines without it.`,
    fixes: [{
      title: `Add "${marker}" after the first line`,
      isPreferred: true,
      edits: [{ range: { start: { line: headDocLine + 1, character: 0 }, end: { line: headDocLine + 1, character: 0 } }, newText: `${' '.repeat(indent)}${marker}${eol}` }],
    }],
  };
}
