import { nodeAtPath, yamlNodeRange } from '../../document/frontMatter';
import type { RuleContext } from '../../lint/rule';
import { readTimezoneValue } from '../../time/timezoneValue';
import { regionOfAbbreviation } from '../../time/abbreviationSeasons';
import { readZoneName } from '../../time/zoneName';
import { AMBIGUOUS_ABBREVIATIONS } from '../../time/zoneMarker';
import { ZONE_ABBREVIATIONS } from '../../time/zones';

function utcOffset(minutes: number): string {
  const h = Math.abs(minutes) / 60;
  return `UTC${minutes < 0 ? '\u2212' : '+'}${Number.isInteger(h) ? h : h.toFixed(1)}`;
}

/**
 * `schema/zone`: the front matter's `timezone` must name a zone the tools know. An unknown name
 * (`Europe/Berln`) is an error with the nearest IANA name as a fix: until it is fixed, times without
 * their own zone are unreadable (timeline/unparseable says so), never silently UTC. An abbreviation
 * (`CEST`) is read as its fixed offset all year, which is said, with the region's IANA zone offered;
 * one with several meanings (`IST`: India, Ireland, Israel) is a warning naming them, a fix for each.
 */
export function checkTimezoneValue(ctx: RuleContext): void {
  const fm = ctx.doc.frontMatter;
  const written = fm?.data && typeof fm.data === 'object' ? (fm.data as Record<string, unknown>).timezone : undefined;
  if (!fm || typeof written !== 'string' || !written.trim()) return;
  const name = readZoneName(written);
  // Most zones are fine: only a report needs the value's range (and with it the YAML document).
  if (name.kind !== 'unknown' && (name.kind !== 'abbreviation' || ZONE_ABBREVIATIONS[name.zone.toUpperCase()] === 0)) return;
  const { key, value } = nodeAtPath(fm, ['timezone']);
  const range = yamlNodeRange(fm, ctx.doc.lines, value) ?? yamlNodeRange(fm, ctx.doc.lines, key);
  if (!range) return;
  if (name.kind === 'unknown') {
    // SST, WST, ECT: abbreviations with several meanings and none usual (zoneMarker.ts), so no
    // zone of their own here; "unknown time zone" alone left the writer guessing what to write.
    const readings = AMBIGUOUS_ABBREVIATIONS[written.trim().toUpperCase()];
    if (readings?.every((r) => !r.isDefault)) {
      ctx.report({
        code: 'schema/zone',
        range,
        message: `Expected \`timezone\` to be one zone, found ${JSON.stringify(written)}: an abbreviation with several meanings (${readings.map((r) => r.label).join('; ')}), so times written without a zone are not read; write the IANA zone meant, like ${readings.map((r) => r.regions[0]).join(' or ')}`,
        fixes: readings.map((r) => ({ title: `Change to ${r.regions[0]} (${r.label})`, edits: [{ range, newText: r.regions[0]! }] })),
      });
      return;
    }
    const meant = name.suggestion ? `; did you mean ${name.suggestion}?` : '';
    ctx.report({
      code: 'schema/zone',
      range,
      message: `Expected \`timezone\` to be an IANA time zone (like Europe/Berlin), an offset (+05:30) or a known abbreviation, found ${JSON.stringify(written)}: unknown time zone, so times written without a zone are not read${meant}`,
      ...(name.suggestion ? { fixes: [{ title: `Change to ${name.suggestion}`, edits: [{ range, newText: name.suggestion }] }] } : {}),
    });
    return;
  }
  if (name.kind !== 'abbreviation') return;
  const offset = ZONE_ABBREVIATIONS[name.zone.toUpperCase()];
  if (offset === 0) return;
  const reading = readTimezoneValue(written);
  if (reading.kind === 'ambiguous') {
    // Read here as its usual meaning (as timeline entries read it), but no reader that must not
    // guess takes it: Import Timeline asks which zone is meant. Said as a warning, with a fix per meaning.
    ctx.report({
      code: 'schema/zone',
      severity: 'warning',
      range,
      message: `\`timezone: ${name.zone}\` has several meanings (${reading.meanings}): it is read as the first on every date, and Import Timeline asks which is meant; write the IANA zone meant, like ${reading.regions.slice(0, -1).join(', ')} or ${reading.regions[reading.regions.length - 1]}`,
      fixes: reading.regions.map((region) => ({ title: `Change to ${region}`, edits: [{ range, newText: region }] })),
    });
    return;
  }
  const region = regionOfAbbreviation(name.zone);
  ctx.report({
    code: 'schema/zone',
    severity: 'info',
    range,
    message: `\`timezone: ${name.zone}\` is read as ${utcOffset(offset)} on every date (an abbreviation knows no daylight saving)${region ? `; if the times are the local clock, write the IANA zone ${region}` : ''}`,
    ...(region ? { fixes: [{ title: `Change to ${region} (daylight saving by date)`, edits: [{ range, newText: region }] }] } : {}),
  });
}
