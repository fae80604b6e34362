import { formatDuration } from '../../time/duration';
import { AMBIGUOUS_ABBREVIATIONS, type ZoneReading } from '../../time/zoneMarker';
import { sameZone } from '../../time/zoneNames';
import { offsetAtInstant, ZONE_ABBREVIATIONS } from '../../time/zones';
import type { DocumentZone } from './documentZone';
import type { ConvertLog } from './model';

/** A zone that may settle what an abbreviation means, and how to name it in a message. */
export interface SettlingZone {
  readonly zone: string;
  /** "your zone (TZ)", "the original's timezone:". */
  readonly from: string;
  /**
   * The writer's own zone (TZ, the editor's setting): it tells where the person converting is, not
   * where the original was written. Its reading is a guess, said as a warning, unless the document
   * itself gives the abbreviation as its zone ("All times IST": the writer's region tells which IST).
   */
  readonly guess?: boolean;
}

/**
 * The zones that settle an abbreviation, first to last (trial17c F3: "All times are Europe/Dublin"
 * then "00:50 IST" was read as India's under TZ=Asia/Kolkata, 4 h 30 m off, with only a note): the
 * zone the document states (a sentence, the zone its times carry), the original's `timezone:`, a
 * zone given for this conversion (`--zone`, the editor's pick), then the writer's zone, a guess.
 */
export function settlingZones(doc: DocumentZone, options: { readonly defaultZone?: string; readonly defaultZoneFrom?: string; readonly writerZone?: string; readonly writerZoneFrom?: string }): SettlingZone[] {
  const zones: SettlingZone[] = [];
  if ((doc.source === 'text' || doc.source === 'times') && doc.zone) zones.push({ zone: doc.zone, from: 'the zone the document states' });
  if (doc.keep) zones.push({ zone: doc.keep, from: "the original's timezone:" });
  const writer = options.writerZone ?? options.defaultZone;
  if (options.defaultZone) zones.push({ zone: options.defaultZone, from: writer === options.defaultZone ? options.writerZoneFrom ?? 'your zone' : options.defaultZoneFrom ?? 'the zone given for this conversion' });
  if (writer && writer !== options.defaultZone) zones.push({ zone: writer, from: options.writerZoneFrom ?? 'your zone', guess: true });
  return zones;
}

/**
 * What `CST`, `BST`, `IST` mean in one conversion. The zone table reads them in their usual meaning
 * (US Central, British summer time, India); an Indian, Irish or Chinese writer means another, and
 * warning on every such original (exit 1) made every Indian post-mortem "to review" (trial13a F24).
 * A zone the conversion knows — the original's own `timezone:`, else the writer's (the CLI's `--zone`
 * or process zone, the editor's setting) — settles it when it is one of the meanings' regions
 * (Asia/Kolkata → India, Asia/Shanghai → China, Europe/Dublin → Irish): read so, and said as a note.
 * When nothing settles it, the usual meaning is taken and said as a warning (exit 1), as lint's
 * timeline/ambiguous-zone says it on an entry.
 */
export class AbbreviationReadings {
  private readonly said = new Set<string>();

  /**
   * `documentZones`: the zones the document gives its times (stated, carried by its times, its
   * `timezone:`), as written: when one is the abbreviation itself ("All times IST"), the writer's
   * region settling which IST is no guess (trial13a F24); otherwise it is.
   */
  constructor(private readonly settlers: readonly SettlingZone[], private readonly log: ConvertLog, private readonly documentZones: readonly (string | undefined)[] = []) {}

  /**
   * The zone to read times written with `zone` in: the settled meaning's offset when it is not the
   * table's usual one (`IST` → `+01:00` for a Dublin writer), else `zone` as written — so a usual
   * meaning keeps its name for the checks that know it (BST in December).
   */
  zoneFor(zone: string): string {
    const settled = this.settled(zone);
    return settled && settled.reading.zone !== usualZone(zone) ? settled.reading.zone : zone;
  }

  /**
   * The first settling zone that is an IANA region (the original's `timezone:`, else the writer's):
   * whether an abbreviation was in season is judged in it (Darwin keeps ACST all year, Adelaide does not).
   */
  get region(): string | undefined {
    return this.settlers.find((s) => s.zone.includes('/'))?.zone;
  }

  /** The meaning taken for `zone` when a settling zone chose it ("Irish Standard Time (UTC+1)"), for the report. */
  meaningOf(zone: string): string | undefined {
    const settled = this.settled(zone);
    return settled ? `${settled.reading.label}, by ${settled.by.from}, ${settled.by.zone}` : undefined;
  }

  /**
   * The settling zone itself when it is an IANA region whose clock showed the meaning's offset at
   * `atMs` (Asia/Kolkata for IST read as India): the `timezone:` to write, so later entries added
   * without a zone read as the converted ones were. Undefined otherwise (Dublin in winter is GMT).
   */
  regionZone(zone: string, atMs: number | undefined): string | undefined {
    const settled = this.settled(zone);
    const offset = settled && fixedOffset(settled.reading);
    if (!settled || atMs === undefined || offset === undefined || !settled.by.zone.includes('/')) return undefined;
    return offsetAtInstant(settled.by.zone, atMs) === offset ? settled.by.zone : undefined;
  }

  /** Says, once per abbreviation, which meaning its times were read in: a note when settled, else a warning. */
  say(zone: string, line: number): void {
    const upper = zone.trim().toUpperCase();
    const readings = AMBIGUOUS_ABBREVIATIONS[upper];
    const usual = ZONE_ABBREVIATIONS[upper];
    if (!readings || usual === undefined || this.said.has(upper)) return;
    this.said.add(upper);
    const settled = this.settled(upper);
    if (settled) {
      const taken = fixedOffset(settled.reading) ?? usual;
      const otherReadings = readings.filter((r) => r !== settled.reading);
      const others = otherReadings.map((r, i) => `as ${r.label} ${i === 0 ? 'they would be ' : ''}${apart(taken, r)}`);
      if (settled.by.guess && !this.documentZones.some((z) => z?.trim().toUpperCase() === upper)) {
        // Only the writer's zone settles it: where the person converting is, not what the document says.
        const region = otherReadings[0]?.regions[0];
        this.log.flagOnce('ambiguous-zone',
          line,
          `"${upper}" has several meanings: its times were read as ${settled.reading.label}, since ${settled.by.from}, ${settled.by.zone}, is its region — a guess, as the document states no zone that settles it; ${others.join(', ')} — if another is meant, write its offset on the original's times (such as "14:05 UTC${fixedText(otherReadings[0])}")${region ? ` or its zone in the text ("All times are ${region}")` : ''} and convert again`,
          'warning',
          upper);
        return;
      }
      this.log.notes.push({ line, message: `"${upper}" has several meanings: its times were read as ${settled.reading.label}, since ${settled.by.from}, ${settled.by.zone}, is its region; ${others.join(', ')}` });
      return;
    }
    const taken = readings.find((r) => fixedOffset(r) === usual);
    if (!taken) return;
    const others = readings.filter((r) => r !== taken);
    const named = others.map((r, i) => `as ${r.label} ${i === 0 ? 'they would be ' : ''}${apart(usual, r)}`);
    const region = others[0]?.regions[0];
    this.log.flagOnce('ambiguous-zone',
      line,
      `"${upper}" has several meanings: its times were read as ${taken.label}, its usual meaning; ${named.join(', ')} — if another is meant, write its offset on the original's times (such as "14:05 UTC${fixedText(others[0])}") and convert again, or convert with your zone set to its region${region ? ` (such as ${region})` : ''}`,
      'warning',
      upper);
  }

  /** The first settling zone that is one of the abbreviation's meanings' regions. */
  private settled(zone: string): { reading: ZoneReading; by: SettlingZone } | undefined {
    const readings = AMBIGUOUS_ABBREVIATIONS[zone.trim().toUpperCase()];
    if (!readings) return undefined;
    for (const by of this.settlers) {
      const reading = readings.find((r) => inRegion(by.zone, r));
      if (reading) return { reading, by };
    }
    return undefined;
  }
}

/**
 * A settling zone names a meaning when it is an IANA zone of its regions, or a fixed offset equal to
 * its own (`--zone +05:30` for India). Never by letters: ICU takes `BST` for Asia/Dhaka.
 */
function inRegion(zone: string, r: ZoneReading): boolean {
  if (/^[+-]\d\d:\d\d$/.test(zone)) return fixedOffset(r) !== undefined && fixedOffset(r) === offsetAtInstant(zone, 0);
  return zone.includes('/') && r.regions.some((region) => sameZone(zone, region));
}

/** The table's usual meaning as an offset zone (`CST` → `-06:00`). */
function usualZone(zone: string): string | undefined {
  const usual = ZONE_ABBREVIATIONS[zone.trim().toUpperCase()];
  return AMBIGUOUS_ABBREVIATIONS[zone.trim().toUpperCase()]?.find((r) => fixedOffset(r) === usual)?.zone;
}

/** "14 hours earlier": where the other meaning puts the same clock. */
function apart(taken: number, other: ZoneReading): string {
  const o = fixedOffset(other);
  if (o === undefined || o === taken) return 'elsewhere';
  return `${formatDuration(Math.abs(o - taken))} ${o > taken ? 'earlier' : 'later'}`;
}

function fixedOffset(r: ZoneReading): number | undefined {
  return /^[+-]\d\d:\d\d$/.test(r.zone) ? offsetAtInstant(r.zone, 0) : undefined;
}

function fixedText(r: ZoneReading | undefined): string {
  return r && /^[+-]\d\d:\d\d$/.test(r.zone) ? r.zone : '+00:00';
}
