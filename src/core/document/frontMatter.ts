import { isMap, isScalar, isCollection, Scalar, YAMLParseError, type Document, type Node as YamlNode, type YAMLError } from 'yaml';
import { addDuplicateKeyErrors } from '../frontMatter/yamlChecks';
import { parseYamlBounded } from '../frontMatter/yamlParse';
import { InnermostFinder, walkYaml, type YamlTree } from '../frontMatter/yamlTree';
import { mergeKeyProblem } from '../frontMatter/mergeKeys';
import { readSimpleFrontMatter } from '../frontMatter/simpleYaml';
import { simpleScalarRanges } from '../frontMatter/simpleNodes';
import type { LineIndex } from '../text/lineIndex';
import type { Range } from '../types';

export interface YamlProblem {
  readonly message: string;
  readonly range: Range;
  /** Valid YAML that is not read: a `<<` merge key (yaml/merge-key reports it, not yaml/syntax). */
  readonly kind?: 'merge-key';
  /** For a merge key, the keys it names. */
  readonly keys?: readonly string[];
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
  if (content.length > MAX_FRONT_MATTER_CHARS) return tooLarge(lines, closeLine, contentOffset, content);
  const range = { start: { line: 0, character: 0 }, end: lines.lineRange(closeLine).end };
  const body: string[] = [];
  for (let line = 1; line < closeLine; line++) body.push(lines.lineText(line));
  const simple = readSimpleFrontMatter(body);
  if (simple) return simpleFrontMatter(closeLine, contentOffset, content, simple, range);
  const { doc: yaml, tree } = parseYaml(content);
  const located = locateYamlProblems(content, yaml, tree);
  const converted = toData(yaml, tree);
  const problems: YamlProblem[] = [...located, ...converted.problems]
    .sort((a, b) => a.start - b.start)
    .map((p) => ({ message: p.message, range: lines.rangeOf(contentOffset + p.start, contentOffset + p.end), ...(p.kind ? { kind: p.kind, keys: p.keys } : {}) }));
  if (converted.failure) problems.push({ message: converted.failure, range: lines.lineRange(0) });
  const data = converted.data;
  return {
    openLine: 0,
    closeLine,
    contentOffset,
    content,
    yaml,
    data,
    problems,
    range,
  };
}

/** Front matter read by the simple reader (frontMatter/simpleYaml.ts): its YAML document is built on first use. */
const simpleOnes = new WeakSet<FrontMatter>();

/**
 * Nearly every post-mortem's front matter is plain `key: value` lines, lists and one level of
 * mapping. The simple reader gives the same values as the YAML parser there, and such YAML has no
 * problems (test/unit/frontMatter/agreesWithYaml.test.ts); the parsed document, with the node
 * ranges that rules report at, is built only when something asks for it (a rule reporting on the
 * front matter, a fix). Parsing it for every file was an eighth of a lint.
 */
function simpleFrontMatter(closeLine: number, contentOffset: number, content: string, data: Record<string, unknown>, range: Range): FrontMatter {
  let yaml: Document.Parsed | undefined;
  const fm: FrontMatter = {
    openLine: 0, closeLine, contentOffset, content, data, problems: [], range,
    get yaml() {
      return (yaml ??= parseYaml(content).doc);
    },
  };
  simpleOnes.add(fm);
  return fm;
}

/** Whether the front matter is plain enough that its keys and values are exactly `data` (no YAML document needed to know them). */
export function isSimpleFrontMatter(fm: FrontMatter): boolean {
  return simpleOnes.has(fm);
}

/**
 * The most front matter read, in characters. Real ones hold a few hundred to a few thousand; the
 * YAML parser spends about 10 µs a character on broken input (1 MB of unclosed quotes took a minute
 * on a loaded machine), so a bigger block is reported instead of read, as a too-large file is.
 */
export const MAX_FRONT_MATTER_CHARS = 32_000;

function tooLarge(lines: LineIndex, closeLine: number, contentOffset: number, content: string): FrontMatter {
  const yaml = parseYamlBounded('');
  const message = `The front matter is too large to read (${Math.ceil(content.length / 1000)} KB; the limit is ${MAX_FRONT_MATTER_CHARS / 1000} KB)`;
  yaml.errors.push(new YAMLParseError([0, 1], 'BAD_INDENT', message));
  return {
    openLine: 0, closeLine, contentOffset, content, yaml, data: undefined,
    problems: [{ message, range: lines.lineRange(0) }],
    range: { start: { line: 0, character: 0 }, end: lines.lineRange(closeLine).end },
  };
}

/** Whether the YAML has errors: rules that read its values stay silent until the syntax is fixed. */
export function isYamlBroken(fm: FrontMatter | undefined): boolean {
  return fm !== undefined && !simpleOnes.has(fm) && fm.yaml.errors.length > 0;
}

function parseYaml(content: string): { doc: Document.Parsed; tree: YamlTree } {
  const doc = parseYamlBounded(content);
  const tree = walkYaml(doc);
  addDuplicateKeyErrors(doc, tree);
  return { doc, tree };
}

/** The same bound the `yaml` package applies by default ("billion laughs"). */
const MAX_ALIAS_COUNT = 100;
/**
 * Aliases read at all: the package looks each one up by scanning every earlier alias and anchor
 * (12,000 aliases of one anchor took 0.4 s). A post-mortem has little use for more than a few.
 */
const MAX_ALIASES = 100;

/**
 * The front matter as plain data; undefined when it is not a mapping. A pair whose key is a list,
 * a mapping or an alias is left out and reported: the package would write such a key as YAML text,
 * and for keys nested in keys (`{{{{…`, `? ? ? …`) that writing grew faster than cubically
 * (250 characters took seconds, 5,000 never finished).
 */
function toData(yaml: Document.Parsed, tree: YamlTree): { data?: Record<string, unknown>; problems: LocatedProblem[]; failure?: string } {
  const problems: LocatedProblem[] = tree.complexKeys.map(({ key }) => {
    const start = key.range?.[0] ?? 0;
    return { message: 'A list, mapping or alias cannot be a key here; this entry is left out', start, end: Math.max(start + 1, key.range?.[1] ?? 0) };
  });
  if (yaml.errors.length > 0 && !isMap(yaml.contents)) return { problems };
  if (tree.aliases.length > MAX_ALIASES) {
    const start = tree.aliases[MAX_ALIASES].range?.[0] ?? 0;
    problems.push({ message: `More than ${MAX_ALIASES} aliases (*name); the front matter's values are not read`, start, end: start + 1 });
    return { problems };
  }
  // A `<<` merge key is valid YAML these readers do not apply: said, with the keys it names (trial13a F17).
  for (const { collection, pair } of tree.mergeKeys) problems.push(mergeKeyProblem(yaml, collection, pair));
  let source: Document = yaml;
  if (tree.complexKeys.length > 0) {
    source = yaml.clone();
    const dropped = new Set<unknown>();
    const collections = new Set<{ items: unknown[] }>();
    for (const { collection, pair } of walkYaml(source).complexKeys) {
      dropped.add(pair);
      collections.add(collection as { items: unknown[] });
    }
    // One filter per collection (a splice per pair would be quadratic in a mapping of such keys).
    for (const collection of collections) collection.items = collection.items.filter((item) => !dropped.has(item));
  }
  try {
    const js: unknown = source.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    const data = js && typeof js === 'object' && !Array.isArray(js) ? (js as Record<string, unknown>) : undefined;
    return { data, problems };
  } catch (e) {
    return { problems, failure: firstLine(String((e as Error).message)) };
  }
}

interface LocatedProblem {
  readonly message: string;
  readonly kind?: 'merge-key';
  readonly keys?: readonly string[];
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
function locateYamlProblems(content: string, yaml: Document.Parsed, tree: YamlTree): LocatedProblem[] {
  const found: LocatedProblem[] = [];
  const seen = new Set<string>();
  const add = (p: LocatedProblem) => {
    const key = `${p.start}\u0000${p.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      found.push(p);
    }
  };
  let doc = yaml;
  let finders = new Finders(tree);
  let text = content;
  let after = -1;
  for (let round = 0; round < MAX_RECOVERY_ROUNDS; round++) {
    let unclosedQuote: number | undefined;
    for (const e of [...doc.errors, ...doc.warnings]) {
      const located = locateError(text, finders, e);
      if (located.start <= after) continue;
      if (located.quoteAt !== undefined) unclosedQuote ??= located.quoteAt;
      add(located);
    }
    if (unclosedQuote === undefined) break;
    text = `${text.slice(0, unclosedQuote)} ${text.slice(unclosedQuote + 1)}`;
    after = lineEnd(text, unclosedQuote);
    const again = parseYaml(text);
    doc = again.doc;
    finders = new Finders(again.tree);
  }
  return found;
}

/** The node searches error locating needs, each built once per parse and only when asked. */
class Finders {
  private quoted?: InnermostFinder;
  private readonly flows = new Map<string, InnermostFinder>();
  constructor(private readonly tree: YamlTree) {}

  quotedScalar(offset: number): YamlNode | undefined {
    this.quoted ??= new InnermostFinder(this.tree, (n) => isScalar(n) && (n.type === 'QUOTE_DOUBLE' || n.type === 'QUOTE_SINGLE'));
    return this.quoted.find(offset);
  }

  /** The flow collection opened by `open` (`[` or `{`) that the parser was inside at `offset`. */
  flow(text: string, open: string, offset: number): YamlNode | undefined {
    let finder = this.flows.get(open);
    if (!finder) {
      finder = new InnermostFinder(this.tree, (n) => isCollection(n) && n.flow === true && text[n.range?.[0] ?? -1] === open);
      this.flows.set(open, finder);
    }
    return finder.find(offset);
  }
}

function locateError(text: string, finders: Finders, e: YAMLError): LocatedProblem & { quoteAt?: number } {
  const [s, t] = e.pos;
  const message = firstLine(e.message);
  if (e.code === 'MISSING_CHAR' && /quote/.test(message)) {
    const quoted = finders.quotedScalar(s);
    if (quoted?.range) {
      const at = quoted.range[0];
      const mark = text[at] === "'" ? "'" : '"';
      return { message: `Missing closing ${mark} for the quoted value that starts here`, start: at, end: lineEnd(text, at), quoteAt: at };
    }
  }
  const flow = /^Flow (sequence|map)\b.*end with an? ([\]}])/.exec(message);
  if (flow) {
    const open = finders.flow(text, flow[2] === ']' ? '[' : '{', s);
    if (open?.range) {
      const at = open.range[0];
      return { message: `Missing closing ${flow[2]} for the ${flow[1] === 'sequence' ? 'list' : 'mapping'} that starts here`, start: at, end: lineEnd(text, at) };
    }
  }
  return { message, start: s, end: Math.max(t, s + 1) };
}

function lineEnd(text: string, offset: number): number {
  const eol = text.indexOf('\n', offset);
  const end = eol === -1 ? text.length : eol;
  return Math.max(offset + 1, text[end - 1] === '\r' ? end - 1 : end);
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

/**
 * The node at a JSON-pointer-like path (`['impact', 'users_affected']`), if present. A one-line
 * scalar of simple front matter is read from its lines (frontMatter/simpleNodes.ts), as a Scalar with
 * the range the YAML document would give it, without building that document.
 */
export function nodeAtPath(fm: FrontMatter, path: readonly (string | number)[]): { key?: YamlNode; value?: YamlNode } {
  if (simpleOnes.has(fm)) {
    // A top-level key simple front matter does not have is not in its document either: no YAML parse
    // to find nothing (impact/not-quantified asks for `impact:` in most post-mortems without an
    // Impact section). `true`/`false`/`null` keys are the document's: `True:` is the key `true` to YAML.
    const first = path[0];
    if (typeof first === 'string' && fm.data && !Object.hasOwn(fm.data, first) && !/^(?:true|false|null)$/i.test(first)) return { key: undefined, value: undefined };
    const data = dataAtPath(fm.data, path);
    const last = path[path.length - 1];
    // `true:` is a boolean key to YAML: its key node's value is no string, and the document finds no such key.
    if ((typeof data === 'string' || typeof data === 'number' || typeof data === 'boolean') && !path.some((p) => typeof p === 'string' && /^(?:true|false)$/i.test(p))) {
      const ranges = simpleScalarRanges(fm.content, path);
      if (ranges) {
        const value = new Scalar(data);
        value.range = [ranges.value[0], ranges.value[1], ranges.value[1]];
        if (!ranges.key) return { value };
        const key = new Scalar(last);
        key.range = [ranges.key[0], ranges.key[1], ranges.key[1]];
        return { key, value };
      }
    }
  }
  return nodeAtPathInDocument(fm, path);
}

function dataAtPath(data: unknown, path: readonly (string | number)[]): unknown {
  let at = data;
  for (const segment of path) {
    if (!at || typeof at !== 'object' || (typeof segment === 'number') !== Array.isArray(at) || !Object.hasOwn(at, segment)) return undefined;
    at = (at as Record<string | number, unknown>)[segment];
  }
  return at;
}

/** nodeAtPath, always from the YAML document. */
export function nodeAtPathInDocument(fm: FrontMatter, path: readonly (string | number)[]): { key?: YamlNode; value?: YamlNode } {
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

/**
 * Whole-text range of a YAML node, without the line break a block scalar's value ends with
 * (`resolved_at: |` + an indented line: the package's range runs to the next key's line). A fix
 * replacing the value with one line (`2026-12-01T11:00:00Z`) would otherwise join that line,
 * the next key or the closing `---`, onto it and break the front matter.
 */
export function yamlNodeRange(fm: FrontMatter, lines: LineIndex, node: YamlNode | undefined): Range | undefined {
  const r = node?.range;
  if (!r) return undefined;
  const start = fm.contentOffset + r[0];
  let end = fm.contentOffset + Math.max(r[1], r[0]);
  while (end > start && (lines.text.charCodeAt(end - 1) === 10 || lines.text.charCodeAt(end - 1) === 13)) end--;
  return lines.rangeOf(start, end);
}
