import type { Diagnostic, Range } from '../types';
import { findMermaidBlocks, type MermaidBlock } from './blocks';
import { parseFaultTree } from './faultTree/parse';
import { validateFaultTree } from './faultTree/validate';
import { parseFishbone } from './fishbone/parse';

/**
 * Diagnostics for every fishbone and fault-tree block of a post-mortem, with ranges in the whole
 * document's coordinates. Other mermaid blocks are left alone (Mermaid itself judges those).
 */
export function diagnoseMermaidBlocks(text: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const block of findMermaidBlocks(text)) {
    if (block.kind === 'other') continue;
    const lines = block.content.split('\n');
    const lineRange = (contentLine: number): Range => {
      const line = Math.max(0, Math.min(contentLine, lines.length - 1));
      const raw = lines[line] ?? '';
      const indent = raw.length - raw.trimStart().length;
      return { start: { line: block.contentStartLine + line, character: indent }, end: { line: block.contentStartLine + line, character: raw.length } };
    };
    const label = block.kind === 'fishbone' ? 'Fishbone' : 'Fault tree';
    const parsed = block.kind === 'fishbone' ? parseFishbone(block.content) : parseFaultTree(block.content);
    for (const p of parsed.problems) {
      out.push({ code: p.code, severity: p.severity ?? 'error', range: lines.length === 0 ? fenceRange(block) : lineRange(p.line), message: `${label} (diagram ${block.index + 1}): ${p.message}` });
    }
    // A tree the parser could only half read would give follow-on warnings (wrong top event,
    // nodes "connected to nothing"): validate it once the lines parse.
    if ('lines' in parsed && !parsed.problems.some((p) => (p.severity ?? 'error') === 'error')) {
      const ft = parsed;
      for (const issue of validateFaultTree(ft.model)) {
        const where = ft.lines[issue.on].get(issue.nodeId) ?? ft.lines.shape.get(issue.nodeId) ?? ft.lines.data.get(issue.nodeId) ?? 0;
        out.push({ code: issue.code, severity: issue.severity, range: lineRange(where), message: `${label} (diagram ${block.index + 1}): ${issue.message}` });
      }
    }
  }
  return out;
}

function fenceRange(block: MermaidBlock): Range {
  return { start: block.range.start, end: { line: block.range.start.line, character: block.range.end.line === block.range.start.line ? block.range.end.character : 3 } };
}
