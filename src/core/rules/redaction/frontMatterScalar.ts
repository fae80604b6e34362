import { isScalar, type Scalar } from 'yaml';
import type { PostmortemDocument } from '../../document/model';
import type { FrontMatter } from '../../document/frontMatter';
import { walkYaml } from '../../frontMatter/yamlTree';

/** A scalar of the front matter: where its text is in the whole document, and how it is written. */
export interface FrontMatterScalar {
  /** Offsets in the document's text: the scalar's own characters (quotes included, comment and line break not). */
  readonly start: number;
  readonly end: number;
  readonly type: Scalar.Type;
}

/** Each front matter's scalars, in document order (YAML scalars never overlap), built once on first use. */
const scalarsOf = new WeakMap<FrontMatter, FrontMatterScalar[]>();

function scalars(fm: FrontMatter): FrontMatterScalar[] {
  let found = scalarsOf.get(fm);
  if (found) return found;
  found = [];
  for (const node of walkYaml(fm.yaml).nodes) {
    if (!isScalar(node) || !node.range || node.type === undefined) continue;
    found.push({ start: fm.contentOffset + node.range[0], end: fm.contentOffset + node.range[1], type: node.type });
  }
  found.sort((a, b) => a.start - b.start);
  scalarsOf.set(fm, found);
  return found;
}

/**
 * The front-matter scalar holding the whole of [start, end) (document offsets), or undefined: not in
 * the front matter, in a comment, or across two scalars. A binary search: a file can hold thousands of findings.
 */
export function frontMatterScalarAt(doc: PostmortemDocument, start: number, end: number): FrontMatterScalar | undefined {
  const fm = doc.frontMatter;
  if (!fm || start < fm.contentOffset || end > fm.contentOffset + fm.content.length) return undefined;
  const list = scalars(fm);
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].start <= start) lo = mid + 1;
    else hi = mid;
  }
  const candidate = list[lo - 1];
  return candidate && candidate.end >= end ? candidate : undefined;
}
