/**
 * A reader for the simple front matter nearly every post-mortem has (plain `key: value`, lists of
 * plain items, one level of nested mapping such as `impact:`), about ten times faster than a full
 * YAML parse. Anything outside that subset (quotes with escapes, anchors, block scalars, flow
 * mappings, deeper nesting) returns undefined and the caller uses the YAML parser, so results
 * are the same either way, only faster for the common case.
 */
type Scalar = string | number | boolean | null;
type Value = Scalar | Scalar[] | Record<string, Scalar | Scalar[]>;

const KEY = /^([A-Za-z_][\w-]*)\s*:(?:\s+(.*))?$/;

function scalar(raw: string): Scalar | undefined {
  let v = raw.replace(/\s+#.*$/, '').trim();
  if (v === '' || /^(?:~|null|Null|NULL)$/.test(v)) return null;
  if (/^"[^"\\]*"$/.test(v) || /^'[^']*'$/.test(v)) return v.slice(1, -1);
  // Characters that start YAML syntax we do not handle here.
  if (/^[[\]{}&*!|>'"%@`,?:-](?:\s|$)|^[[{&*!|>'"%@`]/.test(v) || /:\s|\s#/.test(v)) return undefined;
  // YAML 1.2 core schema scalars, as the yaml package reads them; rarer forms go to the full parser.
  if (/^(?:true|True|TRUE|false|False|FALSE)$/.test(v)) return /^t/i.test(v);
  if (/^[-+]?[0-9]+$/.test(v) || /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/.test(v)) return Number(v);
  if (/^0o[0-7]+$|^0x[0-9a-fA-F]+$|^[-+]?\.(?:inf|Inf|INF|nan|NaN|NAN)$/.test(v)) return undefined;
  v = v.trim();
  return v;
}

function flowList(raw: string): Scalar[] | undefined {
  const m = /^\[(.*)\]\s*(?:#.*)?$/.exec(raw.trim());
  if (!m) return undefined;
  if (!m[1].trim()) return [];
  const items = m[1].split(',').map((s) => (/[[\]{}"']/.test(s) ? undefined : scalar(s)));
  return items.every((i) => i !== undefined) ? (items as Scalar[]) : undefined;
}

export function readSimpleFrontMatter(lines: readonly string[]): Record<string, Value> | undefined {
  const data: Record<string, Value> = {};
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (!line.trim() || /^\s*#/.test(line)) {
      i++;
      continue;
    }
    const m = KEY.exec(line);
    if (!m || m[1] in data) return undefined;
    const key = m[1];
    const rest = m[2]?.replace(/\s+#.*$/, '').trim() ?? '';
    i++;
    if (rest) {
      const value = rest.startsWith('[') ? flowList(rest) : scalar(rest);
      if (value === undefined) return undefined;
      data[key] = value;
      continue;
    }
    // A block under the key: a list (`- x`, indented or not) or a one-level mapping.
    const list: Scalar[] = [];
    const map: Record<string, Scalar | Scalar[]> = {};
    let kind: 'list' | 'map' | undefined;
    while (i < lines.length) {
      const l = lines[i];
      if (!l.trim() || /^\s*#/.test(l)) {
        i++;
        continue;
      }
      const item = /^(\s*)-\s+(.*)$/.exec(l);
      if (item && kind !== 'map') {
        const v = scalar(item[2]);
        if (v === undefined) return undefined;
        list.push(v);
        kind = 'list';
        i++;
        continue;
      }
      const sub = /^\s+([A-Za-z_][\w-]*)\s*:(?:\s+(.*))?$/.exec(l);
      if (sub && kind !== 'list') {
        const raw = sub[2]?.trim() ?? '';
        const v = raw.startsWith('[') ? flowList(raw) : scalar(raw);
        if (v === undefined || !raw || sub[1] in map) return undefined;
        map[sub[1]] = v;
        kind = 'map';
        i++;
        continue;
      }
      if (/^\s/.test(l)) return undefined;
      break;
    }
    data[key] = kind === 'list' ? list : kind === 'map' ? map : null;
  }
  return data;
}
