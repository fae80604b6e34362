import { stringify } from 'yaml';
import { readFrontMatter } from '../../document/frontMatter';
import { normaliseHeading, sectionIdOf, SECTION_ORDER, SECTION_TITLES, DEFAULT_SECTION_ALIASES, type SectionId } from '../../document/sectionNames';
import { findHeadings } from '../../document/sections';
import { LineIndex } from '../../text/lineIndex';
import { convertActions } from './actions';
import { deriveStartedAt, earliestTracker, type EarliestEntry } from './startedAt';
import { applyMetadata, ianaOrUtc, labelOf, type FoundMeta } from './metadata';
import { ConvertLog, type ConvertOptions, type ConvertResult, type SourceLine } from './model';
import { findDate, readLeadingStamp, statedZone } from './stamps';
import { convertTimeline } from './timeline';
import { isDelimiterRow, splitRow } from './tables';

interface Block {
  title: string;
  /** Where the heading (or label line) was, for messages. */
  line: number;
  id?: SectionId;
  lines: SourceLine[];
}

export const NOTES_TITLE = 'Notes from the original';

/** Heading → canonical section, also for "Timeline (all times PST)" or "Root cause: the cache". */
export function sectionForHeading(title: string): SectionId | undefined {
  const plain = title.replace(/\([^)]*\)/g, ' ').replace(/<[^>]+>/g, ' ');
  const direct = sectionIdOf(plain) ?? sectionIdOf(title);
  if (direct) return direct;
  const norm = normaliseHeading(plain);
  for (const id of SECTION_ORDER) {
    if (DEFAULT_SECTION_ALIASES[id].some((a) => a.length > 3 && (norm.startsWith(`${a} `) || norm.startsWith(`${a}:`) || norm.startsWith(`${a},`)))) return id;
  }
  return undefined;
}

/** Headings at or above `max` move down so a block's inner headings stay inside it. */
function demote(lines: readonly SourceLine[], minLevel: number): string[] {
  let fence = false;
  return lines.map(({ text }) => {
    if (/^\s{0,3}(`{3,}|~{3,})/.test(text)) fence = !fence;
    const m = /^ {0,3}(#{1,6})(\s.*|$)/.exec(text);
    if (fence || !m || m[1].length >= minLevel) return text;
    return `${'#'.repeat(minLevel)}${m[2]}`;
  });
}

function trimBlank(lines: string[]): string[] {
  let a = 0;
  let b = lines.length;
  while (a < b && !lines[a].trim()) a++;
  while (b > a && !lines[b - 1].trim()) b--;
  return lines.slice(a, b);
}

/**
 * Converts a post-mortem written in another shape into the standard format: front matter from
 * metadata lines and tables, canonical sections from heading aliases, a UTC timeline, a task list
 * of action items. Every line of the original is kept: what has no place goes under
 * "Notes from the original". Never throws.
 */
export function convertPostmortem(text: string, options: ConvertOptions = {}): ConvertResult {
  const log = new ConvertLog();
  const lines = new LineIndex(text);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const fm = readFrontMatter(lines);
  const original = fm?.data ?? {};
  const bodyStart = fm ? fm.closeLine + 1 : 0;
  const headings = findHeadings(lines, bodyStart, lines.lineCount);
  const level = headings.some((h) => h.level === 2) ? 2 : headings.filter((h) => h.level === 1).length >= 2 ? 1 : headings.some((h) => h.level === 3) ? 3 : 0;
  const titleHeading = headings.find((h) => h.level === 1 && (level !== 1 || h === headings.find((x) => x.level === 1)));
  const splitters = headings.filter((h) => h.level === level && h !== titleHeading);

  // Cut the body into the preamble and one block per section heading.
  const preamble: SourceLine[] = [];
  const blocks: Block[] = [];
  let current: Block | undefined;
  for (let line = bodyStart; line < lines.lineCount; line++) {
    const heading = splitters.find((h) => h.line === line);
    if (heading) {
      current = { title: heading.title, line, id: sectionForHeading(heading.title), lines: [] };
      blocks.push(current);
      continue;
    }
    if (titleHeading?.line === line) continue;
    (current ? current.lines : preamble).push({ line, text: lines.lineText(line) });
  }

  const meta: FoundMeta = { times: {} };
  const title = titleHeading?.title.replace(/[*_`]/g, '').trim() || (typeof original.title === 'string' ? original.title : undefined) || options.fileName?.replace(/\.[^.]+$/, '') || 'Converted post-mortem';
  let zone = [title, ...preamble.map((l) => l.text)].map(statedZone).find(Boolean) ?? options.defaultZone;
  const metadataLines: string[] = [];
  const renames: string[] = [];
  const keptPreamble = readPreamble(preamble, blocks, meta, { zone }, log, metadataLines);
  const dateContext = meta.date ?? dateFrom(original.date) ?? dateFrom(original.started_at) ?? findDate(title) ?? (options.fileName ? findDate(options.fileName) : undefined);
  zone = zone ?? blocks.filter((b) => b.id === 'timeline').map((b) => statedZone(b.title)).find(Boolean);

  // Canonical sections in the template's order; several originals for one section are merged.
  const out: string[] = [];
  const byId = new Map<SectionId, Block[]>();
  const unplaced: Block[] = [];
  for (const b of blocks) {
    if (b.id) byId.set(b.id, [...(byId.get(b.id) ?? []), b]);
    else unplaced.push(b);
  }
  const entries = earliestTracker();
  const body = (b: Block, minLevel: number): string[] => {
    const content = b.id === 'timeline' ? convertTimeline(b.lines, b.title, { zone, date: dateContext, onEntry: entries.onEntry }, log)
      : b.id === 'action-items' ? convertActions(b.lines, log) : b.lines.map((l) => l.text);
    return demote(content.map((text, k) => ({ line: b.lines[k]?.line ?? b.line, text })), minLevel);
  };
  const summaryFromPreamble = !byId.has('summary') && keptPreamble.some((l) => l.text.trim());
  if (!summaryFromPreamble) out.push(...trimBlank(demote(keptPreamble, 3)), '');
  for (const id of SECTION_ORDER) {
    const group = byId.get(id) ?? [];
    if (id === 'summary' && summaryFromPreamble) {
      out.push(`## ${SECTION_TITLES.summary}`, '', ...trimBlank(demote(keptPreamble, 3)), '');
      continue;
    }
    if (group.length === 0) {
      if (id === 'timeline') out.push(`## ${SECTION_TITLES.timeline}`, '', '_The original has no timeline._', '');
      continue;
    }
    out.push(`## ${SECTION_TITLES[id]}`, '');
    group.forEach((b, k) => {
      // Compared as written (not normalised): any word the new heading drops is recorded.
      const canonical = b.title.replace(/[*_`]/g, '').trim().toLowerCase() === SECTION_TITLES[id].toLowerCase();
      if (k === 0) {
        if (!canonical) renames.push(`"${b.title}" → ${SECTION_TITLES[id]}`);
        out.push(...trimBlank(body(b, 3)), '');
      } else {
        out.push(`### ${b.title}`, '', ...trimBlank(body(b, 4)), '');
      }
    });
  }
  // Front matter that cannot be carried over key by key (comments, broken YAML) is kept verbatim.
  const fmKept = fm && (fm.data === undefined || fm.problems.length > 0 || /(?:^|\s)#/m.test(fm.content)) ? fm.content.replace(/\r?\n$/, '') : undefined;
  if (unplaced.length || metadataLines.length || renames.length || fmKept !== undefined) {
    out.push(`## ${NOTES_TITLE}`, '');
    for (const b of unplaced) {
      log.flag('unplaced', b.line, `Section "${b.title}" matches no standard section; kept under "${NOTES_TITLE}"`, 'info');
      out.push(`### ${b.title}`, '', ...trimBlank(demote(b.lines, 4)), '');
    }
    if (metadataLines.length) out.push('### Original metadata', '', ...metadataLines, '');
    if (fmKept !== undefined) {
      const fence = '`'.repeat(Math.max(3, ...(fmKept.match(/`+/g) ?? []).map((r) => r.length + 1)));
      out.push('### Original front matter', '', `${fence}yaml`, ...fmKept.split(/\r?\n/), fence, '');
    }
    if (renames.length) out.push(`Headings renamed: ${renames.join('; ')}.`, '');
  }

  const frontMatter = buildFrontMatter(title, meta, original, zone, log, entries.earliest());
  const heading = titleHeading ? lines.lineText(titleHeading.line).replace(/^ {0,3}#\s*/, '# ') : `# ${title}`;
  const doc = ['---', stringify(frontMatter, { lineWidth: 0 }).trimEnd(), '---', '', heading, '', ...trimBlank(out), ''];
  return { text: doc.join('\n').replace(/\n{3,}/g, '\n\n').replace(/\n/g, eol), diagnostics: log.diagnostics, replaced: log.replaced, notes: log.notes };
}

function dateFrom(value: unknown) {
  if (value instanceof Date) return { year: value.getUTCFullYear(), month: value.getUTCMonth() + 1, day: value.getUTCDate() };
  return typeof value === 'string' ? readLeadingStamp(value)?.date : undefined;
}

/**
 * Takes metadata out of the preamble (label lines, two-column tables, key-event lists) and turns
 * `**Impact**: …` style labels into sections. Returns the lines that stay in the preamble.
 */
function readPreamble(preamble: SourceLine[], blocks: Block[], meta: FoundMeta, ctx: { zone?: string }, log: ConvertLog, metadataLines: string[]): SourceLine[] {
  const kept: SourceLine[] = [];
  const pseudo: Block[] = [];
  let open: Block | undefined;
  for (let i = 0; i < preamble.length; i++) {
    const src = preamble[i];
    const text = src.text;
    // A two-column table whose first column holds labels we know: metadata.
    if (/^\s*\|/.test(text) && i + 1 < preamble.length && isDelimiterRow(preamble[i + 1].text)) {
      let j = i + 2;
      while (j < preamble.length && /^\s*\|/.test(preamble[j].text)) j++;
      const rows = [preamble[i], ...preamble.slice(i + 2, j)].map((r) => ({ src: r, cells: splitRow(r.text) }));
      const used = rows.filter((r) => r.cells.length === 2 && applyMetadata(meta, r.cells[0], r.cells[1], r.src, ctx, log));
      if (used.length >= Math.max(1, rows.length / 2)) {
        metadataLines.push(...preamble.slice(i, j).map((l) => l.text), '');
        i = j - 1;
        open = undefined;
        continue;
      }
    }
    const label = /^\s{0,4}\S/.test(text) ? labelOf(text) : undefined;
    const topLevel = /^\S/.test(text) || /^\s?[-*+]\s/.test(text);
    if (label) {
      const sectionId = topLevel ? sectionForHeading(label.label) : undefined;
      if (sectionId) {
        open = { title: label.label, line: src.line, id: sectionId, lines: label.value ? [{ line: src.line, text: label.value }] : [] };
        pseudo.push(open);
        continue;
      }
      if (applyMetadata(meta, label.label, label.value, src, ctx, log)) {
        metadataLines.push(text);
        continue;
      }
    }
    if (open && (text.trim() === '' || /^\s/.test(text))) {
      open.lines.push({ line: src.line, text: text.replace(/^ {2,4}/, '') });
      continue;
    }
    open = undefined;
    kept.push(src);
  }
  // Label sections go first: they come from the top of the document.
  blocks.unshift(...pseudo);
  return kept;
}

function buildFrontMatter(title: string, meta: FoundMeta, original: Record<string, unknown>, zone: string | undefined, log: ConvertLog, earliest?: EarliestEntry): Record<string, unknown> {
  const fm: Record<string, unknown> = { type: 'postmortem' };
  if (typeof original.id === 'string') fm.id = original.id;
  fm.title = meta.title ?? (typeof original.title === 'string' ? original.title : title);
  fm.status = meta.status ?? (typeof original.status === 'string' && ['draft', 'in-review', 'published'].includes(original.status) ? original.status : 'draft');
  if (meta.severity) fm.severity = meta.severity;
  if (meta.services) fm.services = meta.services;
  const derivedStart = meta.times.started_at === undefined && original.started_at === undefined
    ? deriveStartedAt(earliest, [...Object.values(meta.times), original.detected_at, original.mitigated_at, original.resolved_at], log)
    : undefined;
  const times = derivedStart ? { ...meta.times, started_at: derivedStart } : meta.times;
  for (const k of ['started_at', 'detected_at', 'mitigated_at', 'resolved_at'] as const) if (times[k]) fm[k] = times[k];
  // Times are written in UTC; the original zone is recorded for readers when it is an IANA name.
  fm.timezone = ianaOrUtc(zone);
  if (meta.facilitator) fm.facilitator = meta.facilitator;
  if (meta.authors) fm.authors = meta.authors;
  for (const [k, v] of Object.entries(original)) if (!(k in fm) && v !== undefined) fm[k] = v instanceof Date ? v.toISOString() : v;
  // A review status needs the fields the schema asks for at that status; without them the
  // converted file starts as a draft, and the original status stays in the notes.
  const needed = ['id', 'severity', 'started_at', 'detected_at', 'mitigated_at', 'resolved_at', 'facilitator', ...(fm.status === 'published' ? ['published_at'] : [])];
  // A derived start is a guess to review: it does not make the original's review status hold.
  const missing = needed.filter((k) => fm[k] === undefined || (k === 'started_at' && derivedStart)).map((k) => (k === 'started_at' && derivedStart ? 'started_at (only derived from the timeline)' : k));
  if (fm.status !== 'draft' && missing.length) {
    log.flagOnce('status', 0, `The original status is "${fm.status}", but ${missing.join(', ')} could not be read; the converted file starts as a draft`, 'info');
    fm.status = 'draft';
  }
  return fm;
}
