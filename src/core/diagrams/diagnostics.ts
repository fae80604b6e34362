import type { Diagnostic, Range, TextEdit } from '../types';
import { FAULT_TREE_MARKER, findMermaidBlocks, openingFenceRange, type MermaidBlock } from './blocks';
import type { ContentEdit } from './faultTree/drawnParts';
import { parseFaultTree, type FaultTreeParse } from './faultTree/parse';
import { faultTreePlaceholders } from './faultTree/placeholders';
import { validateFaultTree } from './faultTree/validate';
import { emptyCategoryProblems } from './fishbone/emptyCategories';
import { fishboneLineProblems, type FishboneLineFix } from './fishbone/lineChecks';
import { parseFishbone } from './fishbone/parse';
import { placeholderProblems } from './fishbone/placeholders';
import { misspeltDiagramHeader } from './misspeltHeader';
import { runawayBlock } from './runawayBlock';

/**
 * Diagnostics for every fishbone and fault-tree block of a post-mortem, with ranges in the whole
 * document's coordinates. Other mermaid blocks are left alone (Mermaid itself judges those) unless
 * a misspelt keyword or marker is all that keeps them from being a fishbone or fault tree.
 */
export function diagnoseMermaidBlocks(text: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  for (const block of findMermaidBlocks(text)) {
    // The rest of the file (or the prose up to another code block's fence) is inside the block:
    // one diagnostic says so, rather than a parse error for every following line of prose.
    // Parsed at most once: the runaway check needs the parse only for a closed block with a heading.
    let parsedOnce: ReturnType<typeof parseFishbone> | ReturnType<typeof parseFaultTree> | undefined;
    const parse = () => (parsedOnce ??= block.kind === 'fishbone' ? parseFishbone(block.content) : parseFaultTree(block.content));
    const runaway = runawayBlock(block, text, eol, () => firstErrorLine(parse()));
    if (runaway) {
      out.push(runaway);
      continue;
    }
    if (block.kind === 'other') {
      const misspelt = misspeltDiagramHeader(block, eol);
      if (misspelt) out.push(misspelt);
      continue;
    }
    const lines = block.content.split('\n');
    const lineRange = (contentLine: number): Range => {
      const line = Math.max(0, Math.min(contentLine, lines.length - 1));
      const raw = lines[line] ?? '';
      const indent = raw.length - raw.trimStart().length;
      return { start: { line: block.contentStartLine + line, character: indent }, end: { line: block.contentStartLine + line, character: raw.length } };
    };
    const label = block.kind === 'fishbone' ? 'Fishbone' : 'Fault tree';
    const parsed = parse();
    for (const p of parsed.problems) {
      out.push({ code: p.code, severity: p.severity ?? 'error', range: lines.length === 0 ? openingFenceRange(block) : lineRange(p.line), message: `${label} (diagram ${block.index + 1}): ${p.message}` });
    }
    const readable = !parsed.problems.some((p) => (p.severity ?? 'error') === 'error');
    if (!('lines' in parsed) && readable) {
      for (const p of [...emptyCategoryProblems(parsed.model, block.content), ...placeholderProblems(parsed.model, block.content)]) {
        out.push({ code: p.code, severity: p.severity ?? 'warning', range: lineRange(p.line), message: `${label} (diagram ${block.index + 1}): ${p.message}` });
      }
      for (const p of fishboneLineProblems(parsed.model, block.content)) {
        out.push({
          code: p.code, severity: p.severity ?? 'warning', range: lineRange(p.line), message: `${label} (diagram ${block.index + 1}): ${p.message}`,
          // Re-encoding loses nothing (--fix applies it); deleting an empty cause is offered, never applied by itself.
          ...(p.fix ? { fixes: [{ title: p.fix.title, edits: [lineEdit(block, p.fix, eol)], ...(p.fix.wholeLine ? {} : { isPreferred: true }) }] } : {}),
        });
      }
    }
    // A tree the parser could only half read would give follow-on warnings (wrong top event,
    // nodes "connected to nothing"): validate it once the lines parse.
    if ('lines' in parsed && readable) {
      const ft = parsed;
      for (const issue of validateFaultTree(ft.model)) {
        const where = ft.lines[issue.on].get(issue.nodeId) ?? ft.lines.shape.get(issue.nodeId) ?? ft.lines.data.get(issue.nodeId) ?? 0;
        out.push({ code: issue.code, severity: issue.severity, range: lineRange(where), message: `${label} (diagram ${block.index + 1}): ${issue.message}` });
      }
      for (const d of drawnPartDiagnostics(ft, block, lines, eol)) out.push({ ...d, message: `${label} (diagram ${block.index + 1}): ${d.message}` });
      for (const p of faultTreePlaceholders(ft.model)) {
        const where = ft.lines.shape.get(p.nodeId) ?? ft.lines.data.get(p.nodeId) ?? 0;
        out.push({ code: 'fault-tree/placeholder', severity: 'warning', range: lineRange(where), message: `${label} (diagram ${block.index + 1}): ${p.message}` });
      }
    }
  }
  return out;
}

/**
 * v2: a drawn part (gate kind, probability, gate class or style) that disagrees with the data lines,
 * with a fix that redraws it (preferred when nothing written is lost) and, when the drawing states
 * another valid value, one that takes that value into the data line. v1: one note at the marker with
 * the upgrade to v2 as its fix (not applied by --fix: it rewrites every declaration line).
 */
function drawnPartDiagnostics(ft: FaultTreeParse, block: MermaidBlock, lines: readonly string[], eol: string): Diagnostic[] {
  const edit = (e: ContentEdit): TextEdit => ({
    range: { start: { line: block.contentStartLine + e.line, character: e.start }, end: { line: block.contentStartLine + e.line, character: e.end } },
    newText: e.text.replace(/\n/g, eol),
  });
  const lineRange = (line: number): Range => {
    const raw = lines[line] ?? '';
    const indent = raw.length - raw.trimStart().length;
    return { start: { line: block.contentStartLine + line, character: indent }, end: { line: block.contentStartLine + line, character: raw.length } };
  };
  if (ft.version === 1) {
    if (ft.markerLine === undefined) return [];
    const marker = lines[ft.markerLine];
    const at = marker.lastIndexOf('v1');
    return [{
      code: 'fault-tree/dialect-v1', severity: 'info', range: lineRange(ft.markerLine),
      message: `Expected "${FAULT_TREE_MARKER}", found the v1 marker: other Mermaid renderers (GitHub, the Markdown preview) draw its gates without AND / OR / k of n and its events without probabilities. v2 draws them; the "%% ft:" lines stay as they are.`,
      fixes: [{
        title: 'Upgrade the fault tree to v2 (draw gate kinds and probabilities)',
        edits: [edit({ line: ft.markerLine, start: at, end: at + 2, text: 'v2' }), ...ft.drawn.map((i) => edit(i.edit))],
      }],
    }];
  }
  return ft.drawn.map((i): Diagnostic => ({
    code: 'fault-tree/drawn-mismatch', severity: 'warning', range: lineRange(i.line), message: i.message,
    fixes: [
      { title: i.fixTitle, edits: [edit(i.edit)], ...(i.safe ? { isPreferred: true } : {}) },
      ...(i.adopt ? [{ title: i.adopt.title, edits: [edit(i.adopt.edit)] }] : []),
    ],
  }));
}

/** A fishbone line fix in document coordinates: a span of the line, or the whole line with its line break. */
function lineEdit(block: MermaidBlock, fix: FishboneLineFix, eol: string): TextEdit {
  const line = block.contentStartLine + fix.line;
  if (fix.wholeLine) return { range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } }, newText: '' };
  return { range: { start: { line, character: fix.start }, end: { line, character: fix.end } }, newText: fix.text.replace(/\n/g, eol) };
}

/** The first block line its parser reports an error on, if any. */
function firstErrorLine(parsed: { readonly problems: readonly { readonly line: number; readonly severity?: string }[] }): number | undefined {
  let first: number | undefined;
  for (const p of parsed.problems) if ((p.severity ?? 'error') === 'error' && (first === undefined || p.line < first)) first = p.line;
  return first;
}
