import type { Nodes } from 'mdast';
import { walk } from '../document/mdastUtil';
import type { PostmortemDocument } from '../document/model';
import type { Range } from '../types';
import { ASSETS_SUFFIX, isEvidencePath } from './paths';

/** A link or image in the document pointing into an evidence folder (`….assets/…`). */
export interface EvidenceReference {
  /** The destination as written, decoded (`%20` → space), without `./`, query or fragment. */
  readonly path: string;
  readonly range: Range;
  readonly isImage: boolean;
}

/** `./a.assets/x%20y.png#frag` → `a.assets/x y.png`; undefined for URLs with a scheme or absolute paths. */
export function relativeTarget(url: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('/') || url.startsWith('#')) return undefined;
  let path = url;
  const cut = path.search(/[?#]/);
  if (cut >= 0) path = path.slice(0, cut);
  try {
    path = decodeURIComponent(path);
  } catch {
    // A stray `%` is part of the name.
  }
  while (path.startsWith('./')) path = path.slice(2);
  return path || undefined;
}

export { isEvidencePath };

/**
 * Whether `text` can hold an evidence reference at all: a destination in an evidence folder is
 * written with `.assets` in it. False lets a caller skip parsing the file (the CLI's disk check
 * re-read every post-mortem for this, a third of `lint`'s main-thread time on 2,000 files).
 */
export function mayReferenceEvidence(text: string): boolean {
  return text.includes(ASSETS_SUFFIX);
}

/**
 * Every link, image and link definition whose destination lies in an evidence folder. Code and
 * comments are not links. Sections are read from their own Markdown trees (parsed on first use).
 */
export function evidenceReferences(doc: PostmortemDocument): EvidenceReference[] {
  const out: EvidenceReference[] = [];
  for (const section of doc.sections) {
    if (!mayReferenceEvidence(section.text)) continue;
    const base = doc.lines.lineStart(section.startLine);
    walk(section.mdast, (node: Nodes) => {
      if ((node.type !== 'link' && node.type !== 'image' && node.type !== 'definition') || !node.position) return;
      const path = relativeTarget(node.url);
      if (!path || !isEvidencePath(path)) return;
      const { start, end } = node.position;
      if (start.offset === undefined || end.offset === undefined) return;
      out.push({ path, range: doc.lines.rangeOf(base + start.offset, base + end.offset), isImage: node.type === 'image' });
    });
  }
  return out;
}

/** Normalises `a/./b/../c` → `a/c`; undefined when it climbs above its start. */
export function normalisePath(path: string): string | undefined {
  const parts: string[] = [];
  for (const p of path.split('/')) {
    if (p === '' || p === '.') continue;
    if (p === '..') {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else parts.push(p);
  }
  return parts.join('/');
}
