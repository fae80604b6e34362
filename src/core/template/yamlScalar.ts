/**
 * A YAML scalar for a free-text value: plain when that reads back as the same string, double-quoted
 * (JSON escapes are valid YAML) otherwise. Plain is kept for the common case (`Checkout 5xx`,
 * `PM-20261127-x`, an ISO time) so generated front matter looks hand-written; anything YAML would
 * read as another type (`true`, `null`, `2026`, `1e3`) or as syntax (`a: b`, `#x`, `[x]`) is quoted.
 */
export function yamlString(value: string): string {
  if (ISO_DATE_TIME.test(value)) return value;
  const plain = /^[A-Za-z0-9][\w .,()&/'+-]*$/.test(value)
    && !/\s$/.test(value)
    && !/^(true|false|null|yes|no|on|off|y|n|~)$/i.test(value)
    && !YAML_NUMBER.test(value);
  return plain ? value : JSON.stringify(value);
}

/** A date or UTC date-time: the `yaml` core schema the project reads with keeps these strings. */
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?Z)?$/;

/** What YAML 1.1 or 1.2 would read as a number (`12`, `-3.5`, `1_000`, `0x1F`, `.5`, `1e3`, `1:30` sexagesimal). */
const YAML_NUMBER = /^[-+]?(\d[\d_]*(\.[\d_]*)?([eE][-+]?\d+)?|\.\d[\d_]*([eE][-+]?\d+)?|0[xX][\da-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|\.(inf|nan))$/i;
