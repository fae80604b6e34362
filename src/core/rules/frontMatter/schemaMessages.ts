import type { ErrorObject } from 'ajv';

/**
 * Plain-language messages for the JSON-Schema keywords that constrain a value (ajv's own wording,
 * "must NOT have duplicate items (items ## 1 and 0 are identical)", is not for people). Each message
 * says what was expected and what was found, remark-lint style.
 */
export interface ConstraintFinding {
  readonly code: string;
  readonly message: string;
  /** Where to point instead of the value itself (the duplicate item of a list). */
  readonly at?: readonly (string | number)[];
}

/** Codes of the findings below, for the docs and for checking rule names in the config. */
export const CONSTRAINT_CODES = [
  'schema/unique-items', 'schema/minimum', 'schema/maximum', 'schema/min-length', 'schema/max-length',
  'schema/min-items', 'schema/max-items', 'schema/pattern', 'schema/other',
] as const;

/** Patterns of schemas/postmortem.schema.json in words. */
const PATTERN_WORDS: Readonly<Record<string, string>> = {
  '^[A-Za-z0-9][A-Za-z0-9._-]*$': 'to start with a letter or digit and use only letters, digits, ".", "_" and "-" (like PM-2026-014)',
};

/** `tags` item 2, `impact.users_affected`: how a path reads in a message (items counted from 1). */
export function pathLabel(path: readonly (string | number)[]): string {
  if (path.length === 0) return 'the front matter';
  let label = '';
  let keys: string[] = [];
  const flush = () => {
    if (keys.length) label += `${label ? ' ' : ''}\`${keys.join('.')}\``;
    keys = [];
  };
  for (const segment of path) {
    if (typeof segment === 'number') {
      flush();
      label += ` item ${segment + 1}`;
    } else keys.push(segment);
  }
  flush();
  return label.trim();
}

export function constraintFinding(error: ErrorObject, path: readonly (string | number)[], found: unknown): ConstraintFinding {
  const label = pathLabel(path);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'uniqueItems': {
      // ajv scans from the end: `j` is the later duplicate (the one to remove), `i` the earlier.
      const list = Array.isArray(found) ? found : [];
      const duplicate = list[Number(params.j)];
      const count = list.filter((v) => JSON.stringify(v) === JSON.stringify(duplicate)).length;
      return {
        code: 'schema/unique-items',
        message: `Expected unique ${label}, found ${JSON.stringify(duplicate)} ${count === 2 ? 'twice' : `${count} times`}`,
        at: [...path, Number(params.j)],
      };
    }
    case 'minimum':
    case 'exclusiveMinimum':
    case 'maximum':
    case 'exclusiveMaximum': {
      const limit = String(params.limit);
      const bound = { '>=': `${limit} or more`, '>': `more than ${limit}`, '<=': `${limit} or less`, '<': `less than ${limit}` }[String(params.comparison)] ?? `within ${limit}`;
      return { code: error.keyword.endsWith('inimum') ? 'schema/minimum' : 'schema/maximum', message: `Expected ${label} to be ${bound}, found ${JSON.stringify(found)}` };
    }
    case 'minLength': {
      const limit = Number(params.limit);
      const length = typeof found === 'string' ? [...found].length : 0;
      const message = limit === 1
        ? `Expected ${label} not to be empty`
        : `Expected ${label} to have at least ${limit} characters, found ${length}`;
      return { code: 'schema/min-length', message };
    }
    case 'maxLength':
      return { code: 'schema/max-length', message: `Expected ${label} to have at most ${String(params.limit)} characters, found ${typeof found === 'string' ? [...found].length : 0}` };
    case 'minItems':
    case 'maxItems': {
      const n = Array.isArray(found) ? found.length : 0;
      const most = error.keyword === 'maxItems' ? 'most' : 'least';
      return { code: error.keyword === 'minItems' ? 'schema/min-items' : 'schema/max-items', message: `Expected ${label} to have at ${most} ${String(params.limit)} item${Number(params.limit) === 1 ? '' : 's'}, found ${n}` };
    }
    case 'pattern': {
      const pattern = String(params.pattern);
      return { code: 'schema/pattern', message: `Expected ${label} ${PATTERN_WORDS[pattern] ?? `to match the pattern ${pattern}`}, found ${JSON.stringify(found)}` };
    }
    default:
      // A keyword the schema does not use today: still say what was found, in ajv's words.
      return { code: 'schema/other', message: `Expected ${label} to satisfy "${error.keyword}" (${error.message ?? 'see the schema'}), found ${JSON.stringify(found) ?? 'nothing'}` };
  }
}
