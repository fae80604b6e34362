import { Composer, LineCounter, parseDocument, Parser, YAMLParseError, type CST, type Document } from 'yaml';

/**
 * How deep lists and mappings may nest in a front matter. Real ones nest two or three levels. The
 * `yaml` package builds its document recursively: near the end of the stack it catches the
 * overflow, but when V8 is compiling a regular expression at that moment the process dies
 * ("RegExpCompiler Allocation failed"), which in the editor is the extension host. Found with
 * 50,000 `{`: the first read survived, a second one in the same process did not.
 */
export const MAX_YAML_DEPTH = 64;

const OPTIONS = { prettyErrors: false, uniqueKeys: false, strict: true, logLevel: 'silent' } as const;

/**
 * `parseDocument` with the nesting checked first on the package's syntax tree, which its parser
 * builds without recursion. Too deep: an empty document carrying one error where the limit is
 * passed, so the front matter counts as broken and nothing recursive ever sees it.
 * (logLevel 'silent': problems are reported as diagnostics, never printed to the host's console.
 * uniqueKeys is off: the caller checks keys in one pass, the package's check is quadratic. The
 * problems' Errors are made without stack traces.)
 */
export function parseYamlBounded(content: string): Document.Parsed {
  // The package makes an Error per YAML problem; their stack traces were most of the time spent
  // on 50 KB of broken YAML (thousands of problems), and nobody reads them.
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return parseWithDepthCheck(content);
  } finally {
    Error.stackTraceLimit = limit;
  }
}

function parseWithDepthCheck(content: string): Document.Parsed {
  const lineCounter = new LineCounter();
  // The quick scan first: the package's own parser spends ~10 µs a character on deep input.
  const roughly = quickTooDeep(content);
  const tokens = roughly === undefined ? [...new Parser(lineCounter.addNewLine).parse(content)] : [];
  const tooDeep = roughly ?? firstTooDeep(tokens);
  if (tooDeep !== undefined) {
    const empty = parseDocument('', OPTIONS);
    empty.errors.push(new YAMLParseError([tooDeep, tooDeep + 1], 'BAD_INDENT', `Lists and mappings nest more than ${MAX_YAML_DEPTH} levels deep here; the front matter is not read`));
    return empty;
  }
  let doc: Document.Parsed | undefined;
  // As parseDocument does: the first document; a front matter cannot hold a second (`---` closes it).
  for (const d of new Composer({ ...OPTIONS, lineCounter }).compose(tokens, true, content.length)) doc ??= d;
  return doc ?? parseDocument('', OPTIONS);
}

interface Pending {
  readonly token: CST.Token | undefined;
  readonly depth: number;
}

/** The offset of the first collection nested deeper than MAX_YAML_DEPTH, walking with a stack. */
function firstTooDeep(tokens: readonly CST.Token[]): number | undefined {
  const stack: Pending[] = tokens.map((token) => ({ token, depth: 0 }));
  while (stack.length > 0) {
    const { token, depth } = stack.pop()!;
    if (!token) continue;
    if (token.type === 'document') {
      stack.push({ token: token.value, depth });
      continue;
    }
    if (token.type !== 'block-map' && token.type !== 'block-seq' && token.type !== 'flow-collection') continue;
    if (depth >= MAX_YAML_DEPTH) return token.offset;
    for (const item of token.items) {
      if ('key' in item) stack.push({ token: item.key ?? undefined, depth: depth + 1 });
      stack.push({ token: item.value, depth: depth + 1 });
    }
  }
  return undefined;
}

const SPACE = 32;

/**
 * A quick, linear estimate of the nesting in YAML text, line by line: block levels from the
 * indentation and the `- `, `? `, `: ` indicators a line starts with, flow levels from `[`, `{`
 * outside quotes and comments. It may see deeper nesting than the parser would only in text no
 * real front matter holds (65 unclosed brackets in plain text, 64 ever deeper indents); when it
 * sees less (say, an unclosed quote hides the rest), the exact check on the syntax tree still runs.
 * Returns the offset where the estimate passes MAX_YAML_DEPTH.
 */
export function quickTooDeep(text: string): number | undefined {
  const indents: number[] = [];
  let flow = 0;
  let quote = 0;
  let blockScalarIndent = -1;
  for (let start = 0; start < text.length; ) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    let i = start;
    if (quote === 0) {
      while (i < end && text.charCodeAt(i) === SPACE) i++;
      const indent = i - start;
      const blank = i === end || text[i] === '#' || text[i] === '\r';
      if (blockScalarIndent >= 0 && (blank || indent > blockScalarIndent)) {
        start = end + 1;
        continue;
      }
      blockScalarIndent = -1;
      if (blank) {
        start = end + 1;
        continue;
      }
      if (flow > 0 && indent === 0 && /[\w]/.test(text[i])) flow = 0;
      if (flow === 0) {
        while (indents.length > 0 && indents[indents.length - 1] >= indent) indents.pop();
        indents.push(indent);
        if (indents.length > MAX_YAML_DEPTH) return i;
      }
    }
    let depth = indents.length + flow;
    let atValue = quote === 0;
    for (; i < end; i++) {
      const c = text[i];
      if (quote !== 0) {
        if (quote === 34 && c === '\\') i++;
        else if (text.charCodeAt(i) === quote) quote = 0;
        continue;
      }
      if (c === ' ' || c === '\t' || c === '\r') continue;
      if (atValue && (c === '-' || c === '?' || c === ':') && (i + 1 === end || text[i + 1] === ' ')) {
        if (++depth > MAX_YAML_DEPTH) return i;
        continue;
      }
      const before = text[i - 1];
      const startsScalar = atValue || before === ' ' || before === '[' || before === '{' || before === ',';
      if ((c === '"' || c === "'") && startsScalar) {
        quote = text.charCodeAt(i);
        continue;
      }
      if (c === '#' && (before === ' ' || before === '\t')) break;
      // In block context a `:` and a space start a value; a bracket counts only where a value starts
      // (`title: a [b` is plain text), inside brackets every bracket counts.
      if (flow === 0 && c === ':' && (i + 1 === end || text[i + 1] === ' ' || text[i + 1] === '\r')) {
        atValue = true;
        continue;
      }
      if ((c === '[' || c === '{') && (flow > 0 || atValue)) {
        flow++;
        if (++depth > MAX_YAML_DEPTH) return i;
      } else if ((c === ']' || c === '}') && flow > 0) {
        flow--;
        depth--;
      } else if (flow === 0 && (c === '|' || c === '>') && before === ' ' && endsBlockScalarHeader(text, i + 1, end)) {
        blockScalarIndent = indents[indents.length - 1] ?? 0;
        break;
      }
      atValue = false;
    }
    start = end + 1;
  }
  return undefined;
}

/** Whether `|` or `>` just before `from` starts a block scalar: up to two of `-+0-9`, then only a comment. */
function endsBlockScalarHeader(text: string, from: number, end: number): boolean {
  let i = from;
  while (i < end && i < from + 2 && /[-+0-9]/.test(text[i])) i++;
  while (i < end && (text[i] === ' ' || text[i] === '\t' || text[i] === '\r')) {
    i++;
    if (text[i] === '#') return true;
  }
  return i === end;
}
