import type { ErrorObject } from 'ajv';
import { isYamlBroken, nodeAtPath, yamlNodeRange } from '../../document/frontMatter';
import type { Rule, RuleContext } from '../../lint/rule';
import { schemaNodeAt, validateFrontMatter } from '../../schema/validator';
import { likelyMeant } from '../../text/editDistance';
import { fillFrontMatterFromTable } from '../impact/impactFixes';
import { CONSTRAINT_CODES, constraintFinding, pathLabel } from './schemaMessages';
import { instantProblem, unreadInstantReason } from '../../time/instant';
import { isStrictDateTime } from '../../time/looseTimeNote';
import { timePlaceholder } from '../../time/timePlaceholder';
import { frontMatterTimeFixes } from '../time/frontMatterTimeFixes';
import { overlapReadingFixes } from '../time/overlapReadingFixes';
import { timeFromTimeline } from '../time/timeFromTimeline';
import { checkTimezoneValue } from './timezoneValue';
import type { Fix, Range } from '../../types';
import type { LineIndex } from '../../text/lineIndex';

const TIME_KEYS = new Set(['started_at', 'detected_at', 'mitigated_at', 'resolved_at', 'published_at']);

/** The value's path; list indexes as numbers, so that `nodeAtPath` finds list items. */
function pathOf(error: ErrorObject, data: unknown): (string | number)[] {
  const path: (string | number)[] = [];
  for (const raw of error.instancePath.split('/').slice(1)) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    path.push(Array.isArray(valueAt(data, path)) && /^\d+$/.test(segment) ? Number(segment) : segment);
  }
  return path;
}

function canonical(value: unknown): string {
  return String(value).toLowerCase().replace(/[\s_]+/g, '-').replace(/^sev-?/, 'sev');
}

/**
 * JSON-Schema violations, each anchored at the offending key or value: a missing key at its parent
 * key (or the opening `---`), a wrong value at the value. Enum errors list the allowed values and
 * offer the obvious one ("sev1" → "SEV1", "In Review" → "in-review").
 */
export const schemaRule: Rule = {
  code: 'schema',
  defaultSeverity: 'error',
  description: 'The front matter must follow schemas/postmortem.schema.json; more is required as status advances.',
  subCodes: ['schema/required', 'schema/enum', 'schema/format', 'schema/type', 'schema/unknown-key', 'schema/zone', ...CONSTRAINT_CODES],
  check(ctx) {
    const fm = ctx.doc.frontMatter;
    if (!fm?.data || isYamlBroken(fm)) return;
    const seen = new Set<string>();
    // `resolved_at: TBD` or empty: "not known yet", said once per key (placeholderTimes), not as a format or type error.
    const placeholders = reportPlaceholderTimes(ctx);
    for (const error of validateFrontMatter(fm.data)) {
      if (error.keyword === 'if' || error.keyword === 'allOf') continue;
      if ((error.keyword === 'format' || error.keyword === 'type') && placeholders.has(error.instancePath)) continue;
      const key = `${error.instancePath}|${error.keyword}|${JSON.stringify(error.params)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      reportError(ctx, error);
    }
    // JSON Schema's date-time allows a leap second (23:59:60Z), but no tool here can place one.
    for (const timeKey of TIME_KEYS) {
      const value = (fm.data as Record<string, unknown>)[timeKey];
      if (typeof value !== 'string' || !/:60(?:\.\d+)?(?:Z|[+-]|$)/i.test(value.trim()) || seen.has(`/${timeKey}|format|{"format":"date-time"}`)) continue;
      reportError(ctx, { keyword: 'format', instancePath: `/${timeKey}`, schemaPath: '', params: { format: 'date-time' } });
    }
    checkTimezoneValue(ctx);
  },
};

/**
 * Time keys written as "not known yet" (`TBD`, empty): an info while the status does not require
 * the key (the lists and metrics count it as not set), an error once it does. Returns their paths.
 */
function reportPlaceholderTimes(ctx: RuleContext): Set<string> {
  const fm = ctx.doc.frontMatter!;
  const paths = new Set<string>();
  for (const key of TIME_KEYS) {
    if (!(key in fm.data!)) continue;
    const placeholder = timePlaceholder(key, fm.data![key], ctx.doc.meta.status);
    if (!placeholder) continue;
    paths.add(`/${key}`);
    const { key: keyNode, value } = nodeAtPath(fm, [key]);
    const range = yamlNodeRange(fm, ctx.doc.lines, value) ?? yamlNodeRange(fm, ctx.doc.lines, keyNode) ?? ctx.doc.lines.lineRange(fm.openLine);
    const example = 'such as 2026-11-20T14:09:00Z';
    ctx.report({
      code: 'schema/format',
      range,
      ...(placeholder.required ? {} : { severity: 'info' as const }),
      message: placeholder.required
        ? `Expected \`${key}\` to be a date and time ${example} (required once status is ${String(ctx.doc.meta.status)}), found ${placeholder.shown}: write the UTC time it happened`
        : `Expected \`${key}\` to be a date and time ${example}, found ${placeholder.shown}: read as not known yet (the lists and metrics count it as not set); write the UTC time once it is known${key === 'published_at' ? '' : ' (required from in-review on)'}`,
    });
  }
  return paths;
}

function reportError(ctx: RuleContext, error: ErrorObject): void {
  const fm = ctx.doc.frontMatter!;
  const lines = ctx.doc.lines;
  const path = pathOf(error, fm.data);
  const name = path.join('.') || 'front matter';
  const label = pathLabel(path);
  const { key, value } = nodeAtPath(fm, path);
  const valueRange = yamlNodeRange(fm, lines, value) ?? yamlNodeRange(fm, lines, key);
  const openingLine: Range = lines.lineRange(fm.openLine);
  switch (error.keyword) {
    case 'required': {
      const missing = (error.params as { missingProperty: string }).missingProperty;
      const where = path.length ? (yamlNodeRange(fm, lines, key) ?? openingLine) : openingLine;
      const why = ctx.status !== 'draft' ? ` (required once status is ${ctx.status})` : '';
      const isImpact = (path.length === 0 && missing === 'impact') || (path.length === 1 && path[0] === 'impact');
      // The numbers may be in the Impact table, a milestone time on a marked timeline entry: offer to copy them.
      const fromTimeline = !isImpact && path.length === 0 ? timeFromTimeline(ctx.doc, missing) : undefined;
      const fill = isImpact ? fillFrontMatterFromTable(ctx.doc) : fromTimeline?.fix;
      ctx.report({ code: 'schema/required', range: where, message: `Expected \`${path.length ? `${name}.` : ''}${missing}\` in the front matter${why}${fromTimeline?.refused ?? fromTimeline?.doubt ?? ''}`, ...(fill ? { fixes: [fill] } : {}) });
      return;
    }
    case 'enum':
    case 'const': {
      const allowed: unknown[] = error.keyword === 'enum' ? (error.params as { allowedValues: unknown[] }).allowedValues : [(error.params as { allowedValue: unknown }).allowedValue];
      const found = valueAt(fm.data, path);
      const match = allowed.filter((a) => canonical(a) === canonical(found));
      // Beyond spelling variants ("sev1", "In Review"), a typing slip ("drafty") has one likely value.
      const slip = match.length === 0 && typeof found === 'string' && found.length >= 4
        ? likelyMeant(found, allowed.filter((a): a is string => typeof a === 'string'), 1) : undefined;
      const suggested = match.length === 1 ? String(match[0]) : slip;
      const fixes: Fix[] = suggested !== undefined && valueRange
        ? [{ title: `Change to "${suggested}"`, edits: [{ range: valueRange, newText: suggested }], isPreferred: match.length === 1 }]
        : [];
      ctx.report({
        code: 'schema/enum',
        range: valueRange ?? openingLine,
        message: `Expected \`${name}\` to be one of ${allowed.map((a) => `"${String(a)}"`).join(', ')}, found ${found === null || found === undefined ? 'nothing' : JSON.stringify(found)}`,
        fixes,
      });
      return;
    }
    case 'format': {
      const found = valueAt(fm.data, path);
      const fixes: Fix[] = [];
      const isTime = TIME_KEYS.has(String(path[path.length - 1] ?? ''));
      // A date that does not exist, or a local time a DST change skips or repeats: say why, and do not guess a fix.
      const problem = isTime ? instantProblem(found, ctx.doc.timezone) : undefined;
      // RFC 3339's shape, but not a time the readers take (`+14:01`: no clock uses it): the reason they give (trial19b F1).
      const unreadable = !problem && typeof found === 'string' && isStrictDateTime(found.trim()) ? unreadInstantReason(found, ctx.doc.timezone) : undefined;
      // Each fix names the zone it read the value in (time/frontMatterTimeFixes).
      const readings = isTime && !problem && !unreadable && valueRange ? frontMatterTimeFixes(ctx, found, valueRange, String(path[path.length - 1])) : undefined;
      for (const fix of readings?.fixes ?? []) fixes.push(fix);
      // A repeated local time: both readings offered, neither preferred (the writer picks).
      if (isTime && problem && valueRange) for (const fix of overlapReadingFixes(ctx.doc, String(path[path.length - 1]), found, valueRange)) fixes.push(fix);
      ctx.report({
        code: 'schema/format',
        range: valueRange ?? openingLine,
        // A well-formed value naming a moment that does not exist (2026-02-30) is not a format slip.
        message: problem
          ? `Expected ${label} to be a date and time that exist, found ${JSON.stringify(found)}: ${problem}`
          : unreadable ? `Expected ${label} to be a date and time the readers take, found ${JSON.stringify(found)}: ${unreadable}; the lists and metrics leave it out`
          : `Expected ${label} to be an ISO 8601 ${(error.params as { format: string }).format} in UTC, like 2026-11-20T14:09:00Z, found ${JSON.stringify(found)}${spacedOnly(found) ? ' (a line break or spaces around the time: a block scalar `|` keeps its line break; write the time on the key\'s line)' : ''}${readings?.said ?? ''}`,
        fixes,
      });
      return;
    }
    case 'type': {
      const found = valueAt(fm.data, path);
      const untag = found instanceof Date && valueRange ? removeTimestampTagFix(lines, valueRange) : undefined;
      // What was written, not what YAML made of it (`.inf` is Infinity, JSON's null; `0042` is 42: trial17a F7).
      const written = valueRange && valueRange.start.line === valueRange.end.line && (typeof found === 'number' || typeof found === 'boolean')
        ? lines.lineText(valueRange.start.line).slice(valueRange.start.character, valueRange.end.character).trim() : undefined;
      const shown = written && written !== String(found) ? `${written}, which YAML reads as ${typeof found === 'number' ? `the number ${String(found)}` : `the boolean ${String(found)}`}${(error.params as { type: string }).type === 'string' ? ` (quote it to keep it as written: "${written}")` : ''}` : describe(found);
      ctx.report({ code: 'schema/type', range: valueRange ?? openingLine, message: `Expected ${label} to be ${article((error.params as { type: string }).type)}, found ${shown}`, fixes: untag ? [untag] : [] });
      return;
    }
    case 'additionalProperties': {
      const extra = (error.params as { additionalProperty: string }).additionalProperty;
      const extraKey = nodeAtPath(fm, [...path, extra]).key;
      const keyRange = yamlNodeRange(fm, lines, extraKey);
      const siblings = Object.keys(schemaNodeAt(path.filter((s): s is string => typeof s === 'string'))?.properties ?? {});
      const present = valueAt(fm.data, path);
      const meant = likelyMeant(extra, siblings.filter((k) => !(present && typeof present === 'object' && k in present)));
      ctx.report({
        code: 'schema/unknown-key',
        severity: 'warning',
        range: keyRange ?? valueRange ?? openingLine,
        message: meant
          ? `Expected \`${meant}\` in \`${name}\`, found \`${extra}\`: an unknown key is not allowed here`
          : `Unexpected key \`${extra}\` in \`${name}\`; expected one of ${siblings.map((k) => `\`${k}\``).join(', ')}`,
        ...(meant && keyRange ? { fixes: [{ title: `Rename to \`${meant}\``, edits: [{ range: keyRange, newText: meant }], isPreferred: true }] } : {}),
      });
      return;
    }
    default: {
      const finding = constraintFinding(error, path, valueAt(fm.data, path));
      const at = finding.at && yamlNodeRange(fm, lines, nodeAtPath(fm, finding.at).value);
      ctx.report({ code: finding.code, range: at ?? valueRange ?? openingLine, message: finding.message });
    }
  }
}

function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
  let v = data;
  for (const p of path) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[p] : undefined;
  return v;
}

function article(type: string): string {
  return type === 'array' ? 'a list' : type === 'object' ? 'a mapping' : type === 'integer' ? 'a whole number' : `a ${type}`;
}

/** A string that would be a valid date-time but for whitespace around it (`resolved_at: |` + the time on the next line). */
function spacedOnly(v: unknown): boolean {
  return typeof v === 'string' && v !== v.trim() && isStrictDateTime(v.trim());
}

function describe(v: unknown): string {
  if (v === null) return 'nothing (null)';
  // `!!timestamp 2026-12-01T10:00:00Z`: YAML's tag makes a date, not a mapping (trial13a F17).
  if (v instanceof Date) return `a YAML timestamp (the \`!!timestamp\` tag makes ${Number.isNaN(v.getTime()) ? 'it' : v.toISOString().replace('.000Z', 'Z')} a date, not text): remove the tag`;
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  return `${typeof v} ${typeof v === 'number' ? String(v) : JSON.stringify(v)}`;
}

/**
 * Deletes the `!!timestamp ` before a value. Preferred only when the value writes its zone (`Z`,
 * `+05:30`): YAML reads a zone-less timestamp as UTC, the text alone is read in `timezone:`.
 */
function removeTimestampTagFix(lines: LineIndex, valueRange: Range): Fix | undefined {
  const text = lines.lineText(valueRange.start.line);
  const tag = text.lastIndexOf('!!timestamp', valueRange.start.character);
  if (tag < 0 || text.slice(tag + '!!timestamp'.length, valueRange.start.character).trim() !== '') return undefined;
  const value = text.slice(valueRange.start.character, valueRange.start.line === valueRange.end.line ? valueRange.end.character : undefined);
  const zoned = /(?:[Zz]|[+-]\d{2}:?\d{2})\s*$/.test(value);
  return {
    title: zoned ? 'Remove the !!timestamp tag' : 'Remove the !!timestamp tag (the time is then read in the front matter\'s timezone, not as UTC)',
    edits: [{ range: { start: { line: valueRange.start.line, character: tag }, end: valueRange.start }, newText: '' }],
    isPreferred: zoned,
  };
}
