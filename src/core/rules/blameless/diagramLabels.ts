import { findMermaidBlocks } from '../../diagrams/blocks';
import type { LineIndex } from '../../text/lineIndex';
import type { BlameMatcher } from './phrases';
import { anchorText, mayMatch } from './anchors';
import { BEFORE } from './context';

/**
 * Diagram labels as prose for the blameless check. The fishbone's People bone and a fault tree's
 * basic events are where blame gets written ("human error", "Bob forgot to run the migration"), and
 * they sit in fenced mermaid blocks, which the prose scan (mdast text nodes) never reads.
 *
 * Fishbone: every line after the keyword (effect, categories, causes) is a label, from its
 * indentation to its end. Flowcharts (fault trees and plain flowcharts): the text of each quoted
 * label `"…"`, else of each bracketed one (`[…]`, `(…)`, `{…}`), and each edge label `|…|`. `%%`
 * comment and style lines are not labels. Spans are document offsets of the source text, so a
 * finding lands on the label as written.
 */
export function diagramLabelSpans(text: string, lines: LineIndex): [number, number][] {
  if (!/mermaid/i.test(text)) return [];
  const spans: [number, number][] = [];
  for (const block of findMermaidBlocks(text)) {
    const body = block.content.split('\n');
    const head = body.findIndex((l) => l.trim() !== '' && !/^\s*%%/.test(l));
    if (head === -1) continue;
    const flowchart = block.kind === 'fault-tree' || (block.kind === 'other' && /^\s*(?:flowchart|graph)\b/i.test(body[head]));
    if (block.kind !== 'fishbone' && !flowchart) continue;
    for (let i = head + 1; i < body.length; i++) {
      const line = block.contentStartLine + i;
      if (line >= lines.lineCount) break;
      const raw = lines.lineText(line);
      const trimmed = raw.trim();
      if (!trimmed || trimmed.startsWith('%%')) continue;
      const base = lines.lineStart(line);
      if (block.kind === 'fishbone') {
        const indent = raw.length - raw.trimStart().length;
        spans.push([base + indent, base + indent + trimmed.length]);
        continue;
      }
      if (/^(?:classDef|class|style|linkStyle|click|subgraph|end)\b/.test(trimmed)) continue;
      for (const [s, e] of flowchartLabels(raw)) spans.push([base + s, base + e]);
    }
  }
  return spans;
}

/** Label spans on one flowchart line: quoted texts, else bracketed ones, and edge labels. One pass each, linear. */
function flowchartLabels(line: string): [number, number][] {
  const out: [number, number][] = [];
  for (const m of line.matchAll(/"([^"]{1,2000})"/g)) out.push([m.index + 1, m.index + 1 + m[1].length]);
  if (out.length === 0) {
    for (const m of line.matchAll(/[[({]([^[\](){}"|]{1,2000})[\])}]/g)) out.push([m.index + 1, m.index + 1 + m[1].length]);
  }
  for (const m of line.matchAll(/\|([^|"]{1,2000})\|/g)) out.push([m.index + 1, m.index + 1 + m[1].length]);
  return out;
}

export interface LabelFinding {
  readonly start: number;
  readonly end: number;
  readonly phrase: string;
  readonly suggestion: string;
}

/** The blame matchers run over each label, as over prose: the first matcher to claim characters keeps them. */
export function scanLabels(text: string, spans: readonly [number, number][], matchers: readonly BlameMatcher[]): LabelFinding[] {
  const findings: LabelFinding[] = [];
  for (const [from, to] of spans) {
    const source = text.slice(from, to);
    const lower = anchorText(source);
    // Which characters a kept finding covers (as the prose scan does): each check costs the match's length.
    const taken = new Uint8Array(source.length);
    for (const matcher of matchers) {
      if (!mayMatch(matcher, lower)) continue;
      matcher.re.lastIndex = 0;
      for (const m of source.matchAll(matcher.re)) {
        const s = m.index;
        const e = s + m[0].length;
        if (taken.subarray(s, e).includes(1)) continue;
        if (matcher.keep && !matcher.keep(source.slice(Math.max(0, s - BEFORE), s))) continue;
        taken.fill(1, s, e);
        findings.push({ start: from + s, end: from + e, phrase: m[0].replace(/\s+/g, ' '), suggestion: matcher.suggestion });
      }
    }
  }
  return findings;
}
