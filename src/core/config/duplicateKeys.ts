/** A key written more than once in one JSON object, with its lines (1-based) and where the object is. */
export interface DuplicateKey {
  /** Keys (and list indexes) from the top down to the object holding the key; empty at the top. */
  readonly path: readonly (string | number)[];
  readonly key: string;
  readonly lines: readonly number[];
}

/** An open object or array; `up` and `step` lead to its parent (a chain, not a copied path: nesting may be deep). */
type Frame = { readonly up: Frame | undefined; readonly step: string | number | undefined } & (
  | { readonly kind: 'object'; readonly lines: Map<string, number[]>; expectKey: boolean; lastKey?: string }
  | { readonly kind: 'array'; index: number });

/** Keys and indexes from the top to the frame. */
function pathOf(frame: Frame): (string | number)[] {
  const path: (string | number)[] = [];
  for (let f: Frame | undefined = frame; f?.step !== undefined; f = f.up) path.push(f.step);
  return path.reverse();
}

/**
 * The keys written twice or more in one object of a JSON text that `JSON.parse` accepted (which
 * keeps the last value without a word: trial13a F12). One linear pass with an explicit stack (a
 * config file may nest as deep as the parser allows); keys are compared as `JSON.parse` decodes
 * them (`"\u0061"` is `"a"`). Document order of the second occurrence; at most `max`.
 */
export function duplicateJsonKeys(text: string, max = 20): DuplicateKey[] {
  const found: DuplicateKey[] = [];
  const reported = new Set<number[]>();
  const stack: Frame[] = [];
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10) line++;
    else if (ch === 0x22) {
      // A string: to its closing quote, a backslash taking the next character with it.
      const start = i;
      for (i++; i < text.length && text.charCodeAt(i) !== 0x22; i++) if (text.charCodeAt(i) === 0x5c) i++;
      const top = stack[stack.length - 1];
      if (top?.kind !== 'object' || !top.expectKey) continue;
      const key = JSON.parse(text.slice(start, i + 1)) as string;
      top.expectKey = false;
      top.lastKey = key;
      const lines = top.lines.get(key);
      if (!lines) {
        top.lines.set(key, [line]);
        continue;
      }
      lines.push(line);
      if (!reported.has(lines) && found.length < max) {
        reported.add(lines);
        found.push({ path: pathOf(top), key, lines });
      }
    } else if (ch === 0x7b || ch === 0x5b) {
      const up = stack[stack.length - 1];
      const step = up === undefined ? undefined : up.kind === 'object' ? up.lastKey ?? '' : up.index;
      stack.push(ch === 0x7b ? { up, step, kind: 'object', lines: new Map(), expectKey: true } : { up, step, kind: 'array', index: 0 });
    } else if (ch === 0x7d || ch === 0x5d) stack.pop();
    else if (ch === 0x2c) {
      const top = stack[stack.length - 1];
      if (top?.kind === 'object') top.expectKey = true;
      else if (top?.kind === 'array') top.index++;
    }
  }
  return found;
}

/**
 * What a config problem says of a key written twice: which key, where, and the value used (the
 * last one, as `JSON.parse` keeps it). A top-level key reads `Expected "rules" once, …` and a
 * nested one `… once in "rules", …`, so that `settingOfProblem` names the setting.
 */
export function describeDuplicateKey(dup: DuplicateKey, parsed: unknown): string {
  let holder: unknown = parsed;
  for (const step of dup.path) holder = holder !== null && typeof holder === 'object' ? (holder as Record<string | number, unknown>)[step] : undefined;
  const used = holder !== null && typeof holder === 'object' ? (holder as Record<string, unknown>)[dup.key] : undefined;
  const shown = JSON.stringify(used) ?? 'undefined';
  const where = dup.path.length === 0 ? '' : ` in "${String(dup.path[0])}"${dup.path.length > 1 ? ` (at ${dup.path.join('.')})` : ''}`;
  const times = dup.lines.length === 2 ? 'twice' : `${dup.lines.length} times`;
  const lines = dup.lines.length <= 5 ? dup.lines.join(', ') : `${dup.lines.slice(0, 5).join(', ')}, …`;
  return `Expected ${JSON.stringify(dup.key)} once${where}, found it written ${times} (lines ${lines}); the last one is used: ${shown.length > 80 ? `${shown.slice(0, 79)}…` : shown}`;
}
