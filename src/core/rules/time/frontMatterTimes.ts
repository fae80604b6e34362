import { isSimpleFrontMatter, isYamlBroken, nodeAtPath, yamlNodeRange } from '../../document/frontMatter';
import type { PostmortemDocument } from '../../document/model';
import { parseOneInstant, type ParsedInstant } from '../../time/instant';
import type { Range } from '../../types';

/** The incident's milestones in the order they must happen. */
export const MILESTONE_KEYS = ['started_at', 'detected_at', 'mitigated_at', 'resolved_at'] as const;
export const TIME_KEYS = [...MILESTONE_KEYS, 'published_at'] as const;
export type TimeKey = (typeof TIME_KEYS)[number];

export interface FrontMatterTime {
  readonly key: TimeKey;
  /** The value as written (a string; YAML 1.2 has no timestamp type). */
  readonly value: string;
  readonly parsed: ParsedInstant;
  /** Range of the YAML value node, quotes included. */
  readonly range: Range;
}

/**
 * The front-matter times that can be read (with `timezone` for values written without a zone),
 * with their value ranges. Values that cannot be read, or name no single instant, are left to the
 * schema rule.
 */
export function frontMatterTimes(doc: PostmortemDocument): ReadonlyMap<TimeKey, FrontMatterTime> {
  let times = memo.get(doc);
  if (!times) memo.set(doc, (times = readTimes(doc)));
  return times;
}

/** Once per document: six rules ask, and each reading parses every time. */
const memo = new WeakMap<PostmortemDocument, ReadonlyMap<TimeKey, FrontMatterTime>>();

function readTimes(doc: PostmortemDocument): Map<TimeKey, FrontMatterTime> {
  const out = new Map<TimeKey, FrontMatterTime>();
  const fm = doc.frontMatter;
  // Broken YAML gives unreliable values: yaml/syntax speaks first.
  if (!fm?.data || isYamlBroken(fm)) return out;
  for (const key of TIME_KEYS) {
    const value = fm.data[key];
    if (typeof value !== 'string') continue;
    // A local time a DST change skips or repeats is schema/format's error: no rule compares with a reading of it.
    const parsed = parseOneInstant(value, doc.timezone);
    if (!parsed) continue;
    if (isSimpleFrontMatter(fm)) {
      // Its value node exists (a string in the data is a scalar node there): the range, and with it
      // the YAML document, only when a rule reports at it.
      let range: Range | undefined;
      const rangeOf = () => (range ??= yamlNodeRange(fm, doc.lines, nodeAtPath(fm, [key]).value) ?? doc.lines.lineRange(fm.openLine));
      out.set(key, { key, value, parsed, get range() { return rangeOf(); } });
      continue;
    }
    const range = yamlNodeRange(fm, doc.lines, nodeAtPath(fm, [key]).value);
    if (range) out.set(key, { key, value, parsed, range });
  }
  return out;
}
