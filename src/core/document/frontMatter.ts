import { isMap, isScalar, LineCounter, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import type { LineIndex } from '../text/lineIndex';
import type { Range } from '../types';

export interface YamlProblem {
  readonly message: string;
  readonly range: Range;
}

export interface FrontMatter {
  /** Lines of the opening and closing `---` (closing is -1 when the block never closes). */
  readonly openLine: number;
  readonly closeLine: number;
  /** Offset in the whole text where the YAML content starts. */
  readonly contentOffset: number;
  readonly content: string;
  readonly yaml: Document.Parsed;
  /** The YAML as plain data; `undefined` when it is not a mapping. */
  readonly data: Record<string, unknown> | undefined;
  readonly problems: readonly YamlProblem[];
  /** Range of the whole block, fences included. */
  readonly range: Range;
}

const BOM = 0xfeff;

/**
 * Reads the YAML front matter at the top of the document: `---` on the first line (after an
 * optional BOM), closed by `---` or `...`. YAML errors become problems with exact ranges.
 */
export function readFrontMatter(lines: LineIndex): FrontMatter | undefined {
  const first = lines.lineText(0);
  const firstTrimmed = first.charCodeAt(0) === BOM ? first.slice(1) : first;
  if (!/^---[ \t]*$/.test(firstTrimmed)) return undefined;
  let closeLine = -1;
  for (let line = 1; line < lines.lineCount; line++) {
    if (/^(?:---|\.\.\.)[ \t]*$/.test(lines.lineText(line))) {
      closeLine = line;
      break;
    }
  }
  // An unclosed block is not front matter to Markdown renderers either (GitHub shows a rule).
  if (closeLine === -1) return undefined;
  const contentOffset = lines.lineStart(1);
  const contentEnd = lines.lineStart(closeLine);
  const content = lines.text.slice(contentOffset, contentEnd);
  // logLevel 'silent': problems are reported as diagnostics, never printed to the host's console.
  const yaml = parseDocument(content, { prettyErrors: false, lineCounter: new LineCounter(), uniqueKeys: true, strict: true, logLevel: 'silent' });
  const problems: YamlProblem[] = [];
  for (const e of [...yaml.errors, ...yaml.warnings]) {
    const [s, t] = e.pos;
    problems.push({ message: firstLine(e.message), range: lines.rangeOf(contentOffset + s, contentOffset + Math.max(t, s + 1)) });
  }
  let data: Record<string, unknown> | undefined;
  if (yaml.errors.length === 0 || isMap(yaml.contents)) {
    try {
      const js: unknown = yaml.toJS({ maxAliasCount: 100 });
      if (js && typeof js === 'object' && !Array.isArray(js)) data = js as Record<string, unknown>;
    } catch (e) {
      problems.push({ message: firstLine(String((e as Error).message)), range: lines.lineRange(0) });
    }
  }
  return {
    openLine: 0,
    closeLine,
    contentOffset,
    content,
    yaml,
    data,
    problems,
    range: { start: { line: 0, character: 0 }, end: lines.lineRange(closeLine).end },
  };
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

/** The node at a JSON-pointer-like path (`['impact', 'users_affected']`), if present. */
export function nodeAtPath(fm: FrontMatter, path: readonly (string | number)[]): { key?: YamlNode; value?: YamlNode } {
  let node: unknown = fm.yaml.contents;
  let key: YamlNode | undefined;
  for (const segment of path) {
    if (!node || typeof node !== 'object' || !('items' in node)) return { key };
    const items = (node as { items: unknown[] }).items;
    if (typeof segment === 'number') {
      const item = items[segment];
      key = undefined;
      node = item && typeof item === 'object' && 'value' in item && !isScalar(item) ? (item as { value: unknown }).value : item;
      continue;
    }
    const pair = items.find((p) => {
      const k = (p as { key?: unknown }).key;
      return isScalar(k) && String(k.value) === segment;
    }) as { key: YamlNode; value: YamlNode } | undefined;
    if (!pair) return { key: undefined, value: undefined };
    key = pair.key;
    node = pair.value;
  }
  return { key, value: (node ?? undefined) as YamlNode | undefined };
}

/** Whole-text range of a YAML node. */
export function yamlNodeRange(fm: FrontMatter, lines: LineIndex, node: YamlNode | undefined): Range | undefined {
  const r = node?.range;
  if (!r) return undefined;
  return lines.rangeOf(fm.contentOffset + r[0], fm.contentOffset + Math.max(r[1], r[0]));
}
