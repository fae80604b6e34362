import { parseDocument } from 'yaml';
import { likelyMeant } from '../text/editDistance';
import { frontMatterEnd, type PostmortemTemplate, type TemplateProblem } from './templateFile';
import { TEMPLATE_VARIABLES, type TemplateVariable } from './variables';
import { yamlString } from './yamlScalar';
import { markdownText } from '../text/markdownText';

export interface RenderedTemplate {
  readonly text: string;
  /** Unknown variables (left as written), variables without a value, a front matter YAML can no longer read. */
  readonly problems: readonly RenderProblem[];
}

export interface RenderProblem extends Omit<TemplateProblem, 'severity'> {
  /** `note`: worth saying, nothing is wrong with the file (a line left out because its variable is empty). */
  readonly severity: 'error' | 'warning' | 'note';
}

/** `{{ name }}`; the name is bounded so a line of braces and letters is scanned in linear time. */
const PLACEHOLDER = /\{\{[ \t]*([A-Za-z_][\w.-]{0,63})[ \t]*\}\}/g;
const WHOLE_PLACEHOLDER = /^\{\{[ \t]*([A-Za-z_][\w.-]{0,63})[ \t]*\}\}$/;
/** A list item or a table row: the lines a timeline entry can be. */
const ENTRY_LINE = /^[ \t]*(?:[-*+]|\d{1,9}[.)]|\|)/;
/** What says a UTC time's zone right after it: `Z`, ` UTC`, ` GMT`, `+00:00`, or seconds then one of them (`:00Z`). */
const ZONE_AFTER = /^(?::\d{2})?(?:[Zz]|[ \t]*(?:UTC|GMT)\b|[ \t]*[+-]00(?::?00)?\b)/;
/** The part of a front-matter line before its value: indentation, `- ` markers, `key:`. */
const LINE_PREFIX = /^[ \t]*(?:-[ \t]+)*(?:[A-Za-z_][\w.-]*[ \t]*:(?:[ \t]+|$))?/;

/**
 * Fills a template's variables. In the body a value is written as it is (every value is one line),
 * except the title, which is escaped as Markdown text (markdownText) so a code host shows it as typed.
 * In the front matter a value is written as YAML reads it back: `title: {{title}}` and
 * `title: "{{title}}"` both give a valid scalar whatever the title holds (`:`, `#`, quotes, `true`);
 * inside a longer quoted or plain scalar the value is escaped for that scalar. A front-matter line
 * whose only content is variables without a value (`authors: [{{author}}]` with no author) is left
 * out rather than written empty. Unknown variables are left as written and reported, as is a front
 * matter YAML cannot read after filling in.
 */
export function renderTemplate(template: PostmortemTemplate, values: Readonly<Record<TemplateVariable, string>>): RenderedTemplate {
  const problems: RenderProblem[] = [];
  const unknown = new Map<string, number>();
  const emptyLeftOut = new Map<string, number>();
  const lines = template.source.split('\n');
  const fmEnd = frontMatterEnd(lines);
  const fileLine = (i: number) => (template.sourceLines[i] ?? i) + 1;
  const lookup = (name: string, i: number): string | undefined => {
    if (Object.prototype.hasOwnProperty.call(TEMPLATE_VARIABLES, name)) return values[name as TemplateVariable];
    if (!unknown.has(name)) unknown.set(name, fileLine(i));
    return undefined;
  };
  const raw = (text: string, i: number) => text.replace(PLACEHOLDER, (whole, name: string) => lookup(name, i) ?? whole);
  // On a list item or table row (where timeline entries are), `{{time}}` (UTC) with no zone after it would be read in the document's `timezone:`:
  // `- {{date}} {{time}} [started]` in a Chatham post-mortem put the time 13 hours off. Written with `Z`.
  // In prose (`Written {{date}} {{time}} ({{zone}})`) a reader takes a bare clock time for the zone beside it (trial14a F15): written `05:40 UTC`.
  const zonedEntryLines: number[] = [];
  const zonedProseLines: number[] = [];
  const body = (text: string, i: number) => text.replace(PLACEHOLDER, (whole, name: string, at: number) => {
    const value = lookup(name, i);
    if (value === undefined) return whole;
    // The title is the writer's free text: in the body it is Markdown text (`<b>` stays text on a code host, trial13b F9).
    if (name === 'title') return markdownText(value);
    if (name !== 'time' || ZONE_AFTER.test(text.slice(at + whole.length))) return value;
    const entry = ENTRY_LINE.test(text);
    const lines = entry ? zonedEntryLines : zonedProseLines;
    if (lines[lines.length - 1] !== fileLine(i)) lines.push(fileLine(i));
    return entry ? `${value}Z` : `${value} UTC`;
  });
  const out: string[] = [];
  let blockParentIndent = -1;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const inFrontMatter = fmEnd > 0 && i > 0 && i < fmEnd;
    if (!inFrontMatter) {
      out.push(headingSafe(line, body(line, i)));
      continue;
    }
    if (blockParentIndent >= 0) {
      if (line.trim() === '' || indentOf(line) > blockParentIndent) {
        out.push(raw(line, i));
        continue;
      }
      blockParentIndent = -1;
    }
    if (opensBlockScalar(line)) blockParentIndent = indentOf(line);
    if (!line.includes('{{')) {
      out.push(line);
      continue;
    }
    const filled = fillYamlLine(line, (name) => lookup(name, i));
    for (const name of filled.emptyNames) if (!emptyLeftOut.has(name)) emptyLeftOut.set(name, fileLine(i));
    if (!filled.leftOut) out.push(filled.text);
  }
  for (const [name, line] of unknown) {
    const meant = meantVariable(name);
    problems.push({
      severity: 'warning',
      line,
      message: `unknown variable {{${name}}}${meant ? ` (did you mean {{${meant}}}?)` : ''}, left as written; known: ${Object.keys(TEMPLATE_VARIABLES).join(', ')}`,
    });
  }
  // Once for each kind of line, with the time as written and the other lines: the same note on every line said it twice (trial14a F15).
  if (zonedEntryLines.length) {
    problems.push({ severity: 'note', line: zonedEntryLines[0], message: `{{time}} is the creation time in UTC, not when the incident started: written ${values.time}Z${alsoOn(zonedEntryLines)} so the timeline reads it as UTC, not in the \`timezone:\` zone (${values.zone})` });
  }
  if (zonedProseLines.length) {
    problems.push({ severity: 'note', line: zonedProseLines[0], message: `{{time}} is the creation time in UTC: written "${values.time} UTC"${alsoOn(zonedProseLines)} so no reader takes it for ${values.zone} time` });
  }
  for (const [name, line] of emptyLeftOut) {
    problems.push({ severity: 'note', line, message: `{{${name}}} has no value, so the front matter leaves it out (its line, or its item in a list)` });
  }
  if (fmEnd > 0) {
    const closing = out.findIndex((l, k) => k > 0 && /^(---|\.\.\.)[ \t]*$/.test(l));
    const doc = parseDocument(out.slice(1, closing).join('\n'));
    if (doc.errors.length) {
      problems.push({ severity: 'error', message: `after filling in the variables its front matter is not valid YAML: ${doc.errors[0].message.split('\n')[0]}` });
    }
  }
  return { text: out.join('\n'), problems };
}

/** ` (also on lines 14, 16)` after a note's first line, for the template lines after it. */
function alsoOn(lines: readonly number[]): string {
  if (lines.length < 2) return '';
  const rest = lines.slice(1, 6).join(', ');
  return ` (also on ${lines.length === 2 ? 'line' : 'lines'} ${rest}${lines.length > 6 ? ', …' : ''})`;
}

/**
 * A filled ATX heading whose value ends in ` #` (`# Pager storm #`) would lose that text: Markdown
 * reads it as the heading's closing sequence. Escape it, unless the template wrote the closing itself.
 */
function headingSafe(template: string, filled: string): string {
  if (!/^ {0,3}#{1,6}[ \t]/.test(template) || /[ \t]#+[ \t]*$/.test(template)) return filled;
  return filled.replace(/([ \t])(#+)([ \t]*)$/, '$1\\$2$3');
}

/** The variable a slip most likely meant: the same letters swapped (`titel`), else one or two edits away. */
function meantVariable(name: string): string | undefined {
  const letters = (s: string) => [...s.toLowerCase()].sort().join('');
  return Object.keys(TEMPLATE_VARIABLES).find((v) => letters(v) === letters(name)) ?? likelyMeant(name, Object.keys(TEMPLATE_VARIABLES));
}

interface FilledLine {
  readonly text: string;
  /** True when every variable on the line had no value and nothing else was on it. */
  readonly leftOut: boolean;
  /** Variables without a value whose scalar was left out (the line, or an item of a `[…]` list). */
  readonly emptyNames: readonly string[];
}

/** One front-matter line with variables: `key: value  # comment`, `- value`, `key: [a, b]`. */
function fillYamlLine(line: string, lookup: (name: string) => string | undefined): FilledLine {
  const prefix = LINE_PREFIX.exec(line)?.[0] ?? '';
  const rest = line.slice(prefix.length);
  const emptyNames: string[] = [];
  const rawFill = (text: string) => text.replace(PLACEHOLDER, (whole, name: string) => lookup(name) ?? whole);
  const scalar = (text: string, inFlow: boolean): { text: string; empty: boolean } => {
    const s = renderScalar(text, inFlow, lookup);
    if (s.empty) for (const name of s.names) emptyNames.push(name);
    return s;
  };
  let value: string;
  let comment: string;
  let empty: boolean;
  if (rest.startsWith('[')) {
    const close = scanFlowEnd(rest);
    if (close < 0) return { text: rawFill(line), leftOut: false, emptyNames };
    const items = splitFlowItems(rest.slice(1, close));
    const kept: string[] = [];
    let dropped = 0;
    for (const item of items) {
      if (item.trim() === '') continue;
      const s = scalar(item.trim(), true);
      if (s.empty) dropped++;
      else kept.push(s.text);
    }
    value = `[${kept.join(', ')}]`;
    empty = dropped > 0 && kept.length === 0;
    comment = rest.slice(close + 1);
  } else if (rest.startsWith('"') || rest.startsWith("'")) {
    const close = scanQuotedEnd(rest);
    if (close < 0) return { text: rawFill(line), leftOut: false, emptyNames };
    const s = scalar(rest.slice(0, close + 1), false);
    value = s.text;
    empty = s.empty;
    comment = rest.slice(close + 1);
  } else if (rest.startsWith('{') && !rest.startsWith('{{')) {
    // A flow mapping: rare in front matter; filled as text, and the YAML check after rendering speaks if it broke.
    return { text: rawFill(line), leftOut: false, emptyNames };
  } else {
    const hash = commentStart(rest);
    const plain = rest.slice(0, hash).trimEnd();
    const s = scalar(plain, false);
    value = s.text;
    empty = s.empty;
    comment = rest.slice(plain.length);
  }
  if (empty) return { text: '', leftOut: true, emptyNames };
  return { text: `${prefix}${value}${rawFill(comment)}`, leftOut: false, emptyNames };
}

/**
 * One scalar (plain, `"…"` or `'…'`) as YAML will read it. A scalar that is only a variable becomes
 * the value in its canonical form; a longer one is escaped for its quoting (plain text that would no
 * longer be plain is quoted). `empty` when it held variables, all without a value, and nothing else.
 */
function renderScalar(text: string, inFlow: boolean, lookup: (name: string) => string | undefined): { text: string; empty: boolean; names: string[] } {
  const quote = text[0] === '"' || text[0] === "'" ? text[0] : '';
  const inner = quote ? text.slice(1, -1) : text;
  const names: string[] = [];
  let allEmpty = true;
  const valueOf = (whole: string, name: string): string => {
    const v = lookup(name);
    names.push(name);
    if (v === undefined) {
      allEmpty = false;
      return whole;
    }
    if (v !== '') allEmpty = false;
    return v;
  };
  if (!inner.includes('{{')) return { text, empty: false, names };
  const whole = WHOLE_PLACEHOLDER.exec(inner);
  const filled = inner.replace(PLACEHOLDER, (w, name: string) => valueOf(w, name));
  const rest = inner.replace(PLACEHOLDER, '').trim();
  const empty = names.length > 0 && allEmpty && rest === '';
  if (empty) return { text: '', empty, names };
  if (whole || !quote) return { text: flowSafe(yamlString(filled), filled, inFlow), empty, names };
  if (quote === '"') return { text: `"${inner.replace(PLACEHOLDER, (w, name: string) => { const v = lookup(name); return v === undefined ? w : JSON.stringify(v).slice(1, -1); })}"`, empty, names };
  return { text: `'${inner.replace(PLACEHOLDER, (w, name: string) => (lookup(name) ?? w).replace(/'/g, "''"))}'`, empty, names };
}

/** Inside `[…]` a plain `,`, `[`, `]`, `{`, `}` would end or open a flow item: quote instead. */
function flowSafe(yaml: string, value: string, inFlow: boolean): string {
  return inFlow && !yaml.startsWith('"') && /[,[\]{}]/.test(yaml) ? JSON.stringify(value) : yaml;
}

/** Where a plain value's comment starts (` #` outside a variable), else its length. */
function commentStart(text: string): number {
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '#' && (i === 0 || text[i - 1] === ' ' || text[i - 1] === '\t')) return i;
  }
  return text.length;
}

/** Index of the quote closing the quoted scalar opening at `from` (default 0), else -1. */
function scanQuotedEnd(text: string, from = 0): number {
  const q = text[from];
  for (let i = from + 1; i < text.length; i++) {
    if (q === '"' && text[i] === '\\') i++;
    else if (text[i] === q) {
      if (q === "'" && text[i + 1] === "'") i++;
      else return i;
    }
  }
  return -1;
}

/** Index of the `]` closing the flow sequence that opens `text` (quotes and `{{…}}` skipped), else -1. */
function scanFlowEnd(text: string): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if ((ch === '"' || ch === "'") && /^[\s[,]?$/.test(lastNonSpace(text, i))) {
      const end = scanQuotedEnd(text, i);
      if (end < 0) return -1;
      i = end;
    } else if (ch === '{' && text[i + 1] === '{') {
      const end = text.indexOf('}}', i + 2);
      if (end < 0) return -1;
      i = end + 1;
    } else if (ch === '[' || ch === '{') depth++;
    else if (ch === ']' || ch === '}') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/** The items of a flow sequence's inside, split at top-level commas. */
function splitFlowItems(inside: string): string[] {
  const items: string[] = [];
  let start = 0;
  let depth = 0;
  for (let i = 0; i < inside.length; i++) {
    const ch = inside[i];
    if ((ch === '"' || ch === "'") && /^[\s[,]?$/.test(lastNonSpace(inside, i))) {
      const end = scanQuotedEnd(inside, i);
      if (end < 0) break;
      i = end;
    } else if (ch === '{' && inside[i + 1] === '{') {
      const end = inside.indexOf('}}', i + 2);
      if (end < 0) break;
      i = end + 1;
    } else if (ch === '[' || ch === '{') depth++;
    else if (ch === ']' || ch === '}') depth--;
    else if (ch === ',' && depth === 0) {
      items.push(inside.slice(start, i));
      start = i + 1;
    }
  }
  items.push(inside.slice(start));
  return items;
}

/** The last character before `i` that is not a space or tab ('' at the start). */
function lastNonSpace(text: string, i: number): string {
  for (let k = i - 1; k >= 0; k--) if (text[k] !== ' ' && text[k] !== '\t') return text[k];
  return '';
}

/** A line opening a block scalar (`key: |`, `- >-`, `key: |2  # text`): the more-indented lines after it are text. */
function opensBlockScalar(line: string): boolean {
  if (/^[ \t]*#/.test(line)) return false;
  const value = line.slice(0, commentStart(line)).trimEnd();
  const cut = Math.max(value.lastIndexOf(' '), value.lastIndexOf('\t')) + 1;
  if (!/^[|>][-+0-9]{0,3}$/.test(value.slice(cut))) return false;
  const before = value.slice(0, cut).trimEnd();
  return before === '' || before.endsWith(':') || before.endsWith('-');
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}
