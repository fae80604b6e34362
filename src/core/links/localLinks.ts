import type { Nodes, Root } from 'mdast';
import { walk } from '../document/mdastUtil';
import type { PostmortemDocument } from '../document/model';
import { plainLinksOf } from '../document/plainLinks';
import { isEvidencePath } from '../evidence/references';
import type { Range } from '../types';
import { mayLinkToFiles } from './mayLinkToFiles';
import { linkTarget, type LinkTarget } from './resolve';

/** A link, image or link definition whose destination is a path (not a URL), as written in the document. */
export interface LocalLink {
  readonly target: LinkTarget;
  /** The whole link (`[runbook](../runbooks/db.md)`), where the diagnostic goes. */
  readonly range: Range;
  /** The destination's path part (without `<…>`, query or anchor), for a fix; absent when it could not be found in the text. */
  readonly pathRange?: Range;
  /** Written inside `<…>`: spaces may stay as they are. */
  readonly pointy: boolean;
}

/**
 * Every link, image and reference definition in the body whose destination is a relative or
 * root-relative path. Reference links (`[text][ref]`) count once, at their definition, where the path
 * is written. Links into evidence folders (`….assets/`) are `evidence/missing-file`'s. Code and
 * comments are not links. A section whose every `](`/`]:` leads to a URL or an anchor is not walked:
 * walking needs the section's Markdown tree, and building it was 12 % of a lint of real-shaped files.
 * A plain section's links are read from its lines (plainLinks.ts), so only the rest need the tree.
 */
export function localLinks(doc: PostmortemDocument): LocalLink[] {
  const out: LocalLink[] = [];
  for (const section of doc.sections) {
    if (!mayLinkToFiles(section.text)) continue;
    const base = doc.lines.lineStart(section.startLine);
    // Read from the lines when they can tell (plainLinks.ts), else from the section's tree.
    for (const node of plainLinksOf(section) ?? treeLinks(section.mdast)) {
      const target = linkTarget(node.url);
      if (!target || isEvidencePath(target.path.replace(/^\.?\//, ''))) continue;
      const source = section.text.slice(node.start, node.end);
      const dest = destinationIn(source, node.url, node.type === 'definition' ? ']:' : '](');
      const pathLength = dest ? pathPartLength(source.slice(dest.start, dest.end)) : 0;
      out.push({
        target,
        range: doc.lines.rangeOf(base + node.start, base + node.end),
        ...(dest && pathLength > 0 ? { pathRange: doc.lines.rangeOf(base + node.start + dest.start, base + node.start + dest.start + pathLength) } : {}),
        pointy: dest?.pointy ?? false,
      });
    }
  }
  return out;
}

/** Links, images and definitions of a section's tree, in document order, with their offsets in the section. */
function treeLinks(mdast: Root): { type: 'link' | 'image' | 'definition'; url: string; start: number; end: number }[] {
  const found: { type: 'link' | 'image' | 'definition'; url: string; start: number; end: number }[] = [];
  walk(mdast, (node: Nodes) => {
    if ((node.type !== 'link' && node.type !== 'image' && node.type !== 'definition') || !node.position) return;
    const { start, end } = node.position;
    if (start.offset === undefined || end.offset === undefined) return;
    found.push({ type: node.type, url: node.url, start: start.offset, end: end.offset });
  });
  return found;
}

/**
 * Where the destination is in a link's source: after the last `](` (inline: the text before it may
 * hold brackets, the destination after it holds none unescaped) or the first `]:` (a definition),
 * provided it reads back as `url`; otherwise undefined (then no fix is offered). One linear scan.
 */
function destinationIn(source: string, url: string, opener: string): { start: number; end: number; pointy: boolean } | undefined {
  const at = opener === '](' ? source.lastIndexOf(opener) : source.indexOf(opener);
  if (at < 0) return undefined;
  let i = at + 2;
  while (i < source.length && (source[i] === ' ' || source[i] === '\t' || source[i] === '\n' || source[i] === '\r')) i++;
  const pointy = source[i] === '<';
  if (pointy) i++;
  let j = i;
  while (j < source.length && (pointy ? source[j] !== '>' && source[j] !== '\n' : !/\s/.test(source[j]) && !(opener === '](' && source[j] === ')'))) {
    if (source[j] === '\\') j++;
    j++;
  }
  j = Math.min(j, source.length);
  return unescape(source.slice(i, j)) === url ? { start: i, end: j, pointy } : undefined;
}

/** Backslash escapes as CommonMark reads them (`a\_b` → `a_b`). */
function unescape(raw: string): string {
  return raw.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

/** How much of a written destination is the path (up to `?` or `#`). */
function pathPartLength(written: string): number {
  const cut = written.search(/[?#]/);
  return cut >= 0 ? cut : written.length;
}
