import { nodeAtPath, yamlNodeRange } from '../../document/frontMatter';
import type { PostmortemDocument } from '../../document/model';
import type { Range } from '../../types';

/** The range of a front-matter key's value (else its key), falling back to the opening `---`. */
export function frontMatterRange(doc: PostmortemDocument, path: readonly (string | number)[]): Range {
  const fm = doc.frontMatter;
  if (!fm) return doc.lines.lineRange(0);
  const { key, value } = nodeAtPath(fm, path);
  return yamlNodeRange(fm, doc.lines, value) ?? yamlNodeRange(fm, doc.lines, key) ?? doc.lines.lineRange(fm.openLine);
}
