/**
 * A reader for the simple front matter nearly every post-mortem has (plain `key: value`, lists of
 * plain items, one level of nested mapping such as `impact:`, lists of flat mappings such as the
 * review record's `approvals:`), about ten times faster than a full
 * YAML parse. Anything outside that subset (quotes with escapes, anchors, block scalars, flow
 * mappings, deeper nesting, tabs or unusual spaces, uneven indentation) returns undefined and the
 * caller uses the YAML parser, so results are the same either way, only faster for the common case.
 * test/unit/frontMatter/agreesWithYaml.test.ts holds it to that against the `yaml` package.
 */
import { isJsSpace } from '../text/trimChars';

type Scalar = string | number | boolean | null;
type FlatMap = Record<string, Scalar | Scalar[]>;
type Value = Scalar | (Scalar | FlatMap)[] | FlatMap;

// Lines reach these only after the UNUSUAL_SPACE guard, so the plain space is the only white space.
// The value is captured from the first space on (callers trim it): `\s+(.*)$` backtracked over runs.
const KEY = /^([A-Za-z_][\w-]*) *:(?: (.*))?$/;
const SUB_KEY = /^( +)([A-Za-z_][\w-]*) *:(?: (.*))?$/;
const LIST_ITEM = /^( *)-(?: (.*))?$/;
// After this guard the only white space left is the plain space, the one YAML and `\s` agree on.
const UNUSUAL_SPACE = /[\t\v\f\r\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/;
// A key the YAML core schema reads as null (its JS key would be ''), or too long to be an implicit key.
const AWKWARD_KEY = /^(?:null|Null|NULL)$|^.{1001}/;

/** The value with a trailing `# comment` removed (YAML needs a space before `#`, or the `#` first). */
function withoutComment(raw: string): string {
  // By hand: `/(?:^|\s+)#.*$/` restarts at every space of a long run (quadratic).
  for (let i = 0; i < raw.length; i++) {
    if (raw.charCodeAt(i) === 35 /* # */ && (i === 0 || isJsSpace(raw[i - 1]))) return raw.slice(0, i).trim();
  }
  return raw.trim();
}

/** n/N (null), t/T and f/F (booleans) start words the full checks below must see. */
const PLAIN_FIRST_EXCLUDED = new Set([...'nNtTfF'].map((c) => c.charCodeAt(0)));

function scalar(raw: string): Scalar | undefined {
  const v = withoutComment(raw);
  // The common value starts with a letter other than n/t/f (a title, a status, a name): none of the
  // null, quote, indicator, boolean or number forms below can match it, only the `: ` / ` #` test.
  const first = v.charCodeAt(0);
  if (((first >= 65 && first <= 90) || (first >= 97 && first <= 122)) && !PLAIN_FIRST_EXCLUDED.has(first)) return /:(?:\s|$)|\s#/.test(v) ? undefined : v;
  if (v === '' || /^(?:~|null|Null|NULL)$/.test(v)) return null;
  if (/^"[^"\\]*"$/.test(v) || /^'[^']*'$/.test(v)) return v.slice(1, -1);
  // Characters that start YAML syntax we do not handle here, and `: ` or a final `:` (a nested key).
  if (/^[[\]{}&*!|>'"%@`,#?:-](?:\s|$)|^[[\]{}&*!|>'"%@`,#]/.test(v) || /:(?:\s|$)|\s#/.test(v)) return undefined;
  // YAML 1.2 core schema scalars, as the yaml package reads them; rarer forms go to the full parser.
  if (/^(?:true|True|TRUE|false|False|FALSE)$/.test(v)) return /^t/i.test(v);
  if (/^[-+]?[0-9]+$/.test(v) || /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/.test(v)) return Number(v);
  if (/^0o[0-7]+$|^0x[0-9a-fA-F]+$|^[-+]?\.(?:inf|Inf|INF|nan|NaN|NAN)$/.test(v)) return undefined;
  return v;
}

/** `[a, b]` of plain items; a value that is not one, or has an empty item, gives undefined. */
function flowList(raw: string): Scalar[] | undefined {
  const m = /^\[(.*)\]$/.exec(withoutComment(raw));
  if (!m) return undefined;
  if (!m[1].trim()) return [];
  const items = m[1].split(',').map((s) => (/[[\]{}"']/.test(s) || !s.trim() ? undefined : scalar(s)));
  return items.every((i) => i !== undefined) ? (items as Scalar[]) : undefined;
}

function value(raw: string): Scalar | Scalar[] | undefined {
  return raw.trimStart().startsWith('[') ? flowList(raw) : scalar(raw);
}

const isSkipped = (line: string) => !line.trim() || /^\s*#/.test(line);

/** The front matter's lines (between the fences) as data, or undefined outside the simple subset. */
export function readSimpleFrontMatter(lines: readonly string[]): Record<string, Value> | undefined {
  if (lines.some((line) => UNUSUAL_SPACE.test(line))) return undefined;
  const data: Record<string, Value> = {};
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (isSkipped(line)) {
      i++;
      continue;
    }
    const m = KEY.exec(line);
    // `in`, not an own-key test: `constructor` or `__proto__` as keys go to the full parser.
    if (!m || m[1] in data || AWKWARD_KEY.test(m[1])) return undefined;
    const key = m[1];
    const rest = withoutComment(m[2] ?? '');
    i++;
    if (rest) {
      const v = value(rest);
      if (v === undefined) return undefined;
      data[key] = v;
      continue;
    }
    const block = readBlock(lines, i);
    if (!block) return undefined;
    data[key] = block.value;
    i = block.next;
  }
  // No keys (blank, or comments only) is null to YAML, not a mapping: the full reader words that.
  return Object.keys(data).length > 0 ? data : undefined;
}

/**
 * The block under a key with no value on its line: a list (`- x`, indented or not) or a one-level
 * mapping, every entry at the same indentation (uneven indents mean something else to YAML).
 */
function readBlock(lines: readonly string[], from: number): { value: Value; next: number } | undefined {
  const list: (Scalar | FlatMap)[] = [];
  const map: FlatMap = {};
  let kind: 'list' | 'map' | undefined;
  let indent = -1;
  let i = from;
  for (; i < lines.length; i++) {
    const l = lines[i];
    if (isSkipped(l)) continue;
    const item = kind !== 'map' ? LIST_ITEM.exec(l) : null;
    const sub = !item && kind !== 'list' ? SUB_KEY.exec(l) : null;
    const entry = item ?? sub;
    if (!entry) {
      if (/^\s/.test(l)) return undefined;
      break;
    }
    if (indent !== -1 && entry[1].length !== indent) return undefined;
    indent = entry[1].length;
    if (item) {
      const first = KEY.exec(item[2] ?? '');
      if (first) {
        // `- by: lena` and its sibling keys below, aligned with `by`: one flat mapping.
        const entry = readItemMap(lines, i, l.length - (item[2] ?? '').length, first);
        if (!entry) return undefined;
        list.push(entry.value);
        i = entry.last;
        kind = 'list';
        continue;
      }
      const v = scalar(item[2] ?? '');
      if (v === undefined) return undefined;
      list.push(v);
      kind = 'list';
    } else if (sub) {
      const raw = sub[3] ?? '';
      const v = value(raw);
      if (v === undefined || !withoutComment(raw) || sub[2] in map || AWKWARD_KEY.test(sub[2])) return undefined;
      map[sub[2]] = v;
      kind = 'map';
    }
  }
  return { value: kind === 'list' ? list : kind === 'map' ? map : null, next: i };
}

/**
 * A list item that is a flat mapping: its first pair on the `- ` line (`first`), the others on the
 * following lines at exactly the first key's column. Values are plain scalars or flow lists; a
 * nested block, a repeated key or a line indented otherwise gives undefined (the YAML parser reads it).
 */
function readItemMap(lines: readonly string[], at: number, column: number, first: RegExpExecArray): { value: FlatMap; last: number } | undefined {
  const entry: FlatMap = {};
  const put = (key: string, raw: string): boolean => {
    const v = value(raw);
    if (v === undefined || !withoutComment(raw) || key in entry || AWKWARD_KEY.test(key)) return false;
    entry[key] = v;
    return true;
  };
  if (!put(first[1], first[2] ?? '')) return undefined;
  let last = at;
  for (let i = at + 1; i < lines.length; i++) {
    const l = lines[i];
    if (isSkipped(l)) continue;
    const indent = l.length - l.trimStart().length;
    if (indent < column) break;
    const sub = SUB_KEY.exec(l);
    if (!sub || sub[1].length !== column || !put(sub[2], sub[3] ?? '')) return undefined;
    last = i;
  }
  return { value: entry, last };
}
