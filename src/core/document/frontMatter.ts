import { isMap, isScalar, LineCounter, parseDocument, visit, isCollection, type Document, type Node as YamlNode, type YAMLError } from 'yaml';
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
  const yaml = parseYaml(content);
  const problems: YamlProblem[] = locateYamlProblems(content, yaml).map((p) => ({
    message: p.message, range: lines.rangeOf(contentOffset + p.start, contentOffset + p.end),
  }));
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

/** Whether the YAML has errors: rules that read its values stay silent until the syntax is fixed. */
export function isYamlBroken(fm: FrontMatter | undefined): boolean {
  return fm !== undefined && fm.yaml.errors.length > 0;
}

function parseYaml(content: string): Document.Parsed {
  // logLevel 'silent': problems are reported as diagnostics, never printed to the host's console.
  return parseDocument(content, { prettyErrors: false, lineCounter: new LineCounter(), uniqueKeys: true, strict: true, logLevel: 'silent' });
}

interface LocatedProblem {
  readonly message: string;
  /** Offsets in the YAML content. */
  readonly start: number;
  readonly end: number;
}

/** Enough rounds for a handful of unclosed quotes; each round re-parses the front matter only. */
const MAX_RECOVERY_ROUNDS = 5;

/**
 * The YAML problems, each where the user must act. The `yaml` package reports an unclosed quote or
 * flow collection where it gave up looking for the closing character (often the closing `---`);
 * those are moved to the opening quote or bracket. An unclosed quote swallows the rest of the
 * block and hides any later problem, so the block is parsed again with that quote blanked out
 * (same length, same offsets) and the problems found after its line are added.
 */
function locateYamlProblems(content: string, yaml: Document.Parsed): LocatedProblem[] {
  const found: LocatedProblem[] = [];
  const add = (p: LocatedProblem) => {
    if (!found.some((f) => f.start === p.start && f.message === p.message)) found.push(p);
  };
  let doc = yaml;
  let text = content;
  let after = -1;
  for (let round = 0; round < MAX_RECOVERY_ROUNDS; round++) {
    let unclosedQuote: number | undefined;
    for (const e of [...doc.errors, ...doc.warnings]) {
      const located = locateError(text, doc, e);
      if (located.start <= after) continue;
      if (located.quoteAt !== undefined) unclosedQuote ??= located.quoteAt;
      add(located);
    }
    if (unclosedQuote === undefined) break;
    text = `${text.slice(0, unclosedQuote)} ${text.slice(unclosedQuote + 1)}`;
    after = lineEnd(text, unclosedQuote);
    doc = parseYaml(text);
  }
  return found.sort((a, b) => a.start - b.start);
}

function locateError(text: string, doc: Document.Parsed, e: YAMLError): LocatedProblem & { quoteAt?: number } {
  const [s, t] = e.pos;
  const message = firstLine(e.message);
  if (e.code === 'MISSING_CHAR' && /quote/.test(message)) {
    const quoted = innermostNode(doc, s, (n) => isScalar(n) && (n.type === 'QUOTE_DOUBLE' || n.type === 'QUOTE_SINGLE'));
    if (quoted?.range) {
      const at = quoted.range[0];
      const mark = text[at] === "'" ? "'" : '"';
      return { message: `Missing closing ${mark} for the quoted value that starts here`, start: at, end: lineEnd(text, at), quoteAt: at };
    }
  }
  const flow = /^Flow (sequence|map)\b.*end with an? ([\]}])/.exec(message);
  if (flow) {
    const open = innermostNode(doc, s, (n) => isCollection(n) && n.flow === true && text[n.range?.[0] ?? -1] === (flow[2] === ']' ? '[' : '{'));
    if (open?.range) {
      const at = open.range[0];
      return { message: `Missing closing ${flow[2]} for the ${flow[1] === 'sequence' ? 'list' : 'mapping'} that starts here`, start: at, end: lineEnd(text, at) };
    }
  }
  return { message, start: s, end: Math.max(t, s + 1) };
}

/** The node meeting `test` that ends where the parser stopped (`offset`) and starts latest before it. */
function innermostNode(doc: Document.Parsed, offset: number, test: (node: YamlNode) => boolean): YamlNode | undefined {
  let best: YamlNode | undefined;
  visit(doc, {
    Node(_key, node) {
      const r = node.range;
      if (!r || !test(node) || r[0] >= offset || r[1] < offset) return;
      if (!best || r[0] > best.range![0]) best = node;
    },
  });
  return best;
}

function lineEnd(text: string, offset: number): number {
  const eol = text.indexOf('\n', offset);
  const end = eol === -1 ? text.length : eol;
  return Math.max(offset + 1, text[end - 1] === '\r' ? end - 1 : end);
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
