import { continuationAfter, joinDescription } from '../actions/continuation';
import { TASK_LINE, extractActionItems } from '../actions/extract';
import { parseActionText } from '../actions/itemGrammar';
import { findMermaidBlocks } from '../diagrams/blocks';
import { parseFishbone } from '../diagrams/fishbone/parse';
import { parseSectionMarkdown } from '../document/markdown';
import type { PostmortemDocument } from '../document/model';
import { DEFAULT_SECTION_ALIASES, type SectionId } from '../document/sectionNames';
import { findHeadings, scanOutsideFences, splitSections } from '../document/sections';
import { readFrontMatterData } from '../frontMatter/frontMatterData';
import { LineIndex } from '../text/lineIndex';
import { parseInstant } from '../time/instant';
import { frontMatterZone } from '../frontMatter/values';

/**
 * A post-mortem given to the metrics: its text, or a document the host already parsed. `label` is
 * how a person names the file (its workspace-relative path); it names an incident without an `id`
 * in reports, where a `file:///…` uri would be noise. Without it the uri is used.
 */
export type MetricsSource = ({ readonly uri: string; readonly text: string } | { readonly uri: string; readonly doc: PostmortemDocument }) & { readonly label?: string };

export interface IncidentAction {
  readonly line: number;
  readonly description: string;
  readonly owner?: string;
  readonly due?: string;
  readonly doneDate?: string;
  readonly isDone: boolean;
  readonly impact?: string;
  readonly effort?: string;
}

/** What the metrics need from one post-mortem; times in epoch ms (UTC). */
export interface IncidentRecord {
  readonly uri: string;
  readonly id?: string;
  readonly title?: string;
  readonly status?: string;
  readonly severity?: string;
  readonly incidentType?: string;
  readonly services: readonly string[];
  readonly tags: readonly string[];
  readonly related: readonly string[];
  readonly started?: number;
  readonly detected?: number;
  readonly mitigated?: number;
  readonly resolved?: number;
  readonly published?: number;
  readonly actions: readonly IncidentAction[];
  readonly fishboneCategories: readonly string[];
  readonly problems: readonly string[];
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : undefined);
const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(str).filter((s): s is string => s !== undefined) : str(v) ? [str(v)!] : []);

/**
 * Reads a post-mortem for the metrics without a full Markdown parse: the front matter, the task
 * lines of the Action items section, and fishbone blocks. Thousands of files must take seconds;
 * only an action-item *table* needs the Markdown parser, and only for that section.
 */
export function readIncident(source: MetricsSource, aliases: Readonly<Record<SectionId, readonly string[]>> = DEFAULT_SECTION_ALIASES): IncidentRecord {
  if ('doc' in source) {
    const doc = source.doc;
    const actions = doc.actionItems.map((a) => ({
      line: a.line, description: a.description, owner: a.owner?.value, due: a.due?.value, doneDate: a.done?.value,
      isDone: a.isDone, impact: a.impact?.value, effort: a.effort?.value,
    }));
    return fromMeta(source.uri, doc.meta, actions, fishboneCategories(doc.text), doc.frontMatter ? doc.frontMatter.problems.map((p) => p.message) : ['no front matter']);
  }
  const lines = new LineIndex(source.text);
  const { data, bodyStart, problems } = frontMatterOf(lines);
  const sections = splitSections(lines, bodyStart, findHeadings(lines, bodyStart, lines.lineCount), aliases);
  const actions: IncidentAction[] = [];
  for (const section of sections.filter((s) => s.id === 'action-items')) actions.push(...sectionActions(lines, section.startLine, section.endLine));
  return fromMeta(source.uri, data, actions, fishboneCategories(source.text), problems);
}

/** The front matter's data (the shared fast reader, YAML for anything else), where the body starts, its problems. */
function frontMatterOf(lines: LineIndex): { data: Record<string, unknown>; bodyStart: number; problems: string[] } {
  const fm = readFrontMatterData(lines);
  return { data: fm?.data ?? {}, bodyStart: fm ? fm.closeLine + 1 : 0, problems: fm ? fm.problems.map((p) => p.message) : ['no front matter'] };
}

function sectionActions(lines: LineIndex, startLine: number, endLine: number): IncidentAction[] {
  const found: IncidentAction[] = [];
  let hasTable = false;
  scanOutsideFences(lines, startLine, endLine, (line, text) => {
    if (/^\s*\|/.test(text)) hasTable = true;
    const m = TASK_LINE.exec(text);
    if (!m) return;
    const p = parseActionText(text.slice(m[0].length));
    found.push({
      // The item's wrapped lines belong to its description, as in the full parse and the index.
      line, description: joinDescription(p.description, continuationAfter(lines, line, endLine)), owner: p.owner?.value, due: p.due?.value, doneDate: p.done?.value,
      isDone: m[2] !== ' ', impact: p.impact?.value, effort: p.effort?.value,
    });
  });
  if (!hasTable) return found;
  // Tables are rare: parse this section alone and take the core's reading of it (rows and tasks).
  const text = lines.text.slice(lines.lineStart(startLine), endLine >= lines.lineCount ? lines.text.length : lines.lineStart(endLine));
  return extractActionItems(parseSectionMarkdown(text), new LineIndex(text)).map((a) => ({
    line: a.line + startLine, description: a.description, owner: a.owner?.value, due: a.due?.value, doneDate: a.done?.value,
    isDone: a.isDone, impact: a.impact?.value, effort: a.effort?.value,
  }));
}

/** Categories of every fishbone diagram that hold at least one cause. */
function fishboneCategories(text: string): string[] {
  if (!text.includes('ishikawa')) return [];
  const out = new Set<string>();
  for (const block of findMermaidBlocks(text)) {
    if (block.kind !== 'fishbone') continue;
    for (const c of parseFishbone(block.content).model.categories) if (c.causes.length > 0) out.add(c.label);
  }
  return [...out];
}

function fromMeta(uri: string, meta: Readonly<Record<string, unknown>>, actions: IncidentAction[], fishbone: string[], problems: string[]): IncidentRecord {
  const zone = frontMatterZone(meta);
  const time = (key: string) => parseInstant(meta[key], zone)?.ms;
  return {
    uri,
    id: str(meta.id),
    title: str(meta.title),
    status: str(meta.status),
    severity: str(meta.severity)?.toUpperCase(),
    incidentType: str(meta.incident_type)?.toLowerCase(),
    services: list(meta.services),
    tags: list(meta.tags),
    related: list(meta.related),
    started: time('started_at'),
    detected: time('detected_at'),
    mitigated: time('mitigated_at'),
    resolved: time('resolved_at'),
    published: time('published_at'),
    actions,
    fishboneCategories: fishbone,
    problems,
  };
}
