import { parse as parseYaml } from 'yaml';
import { SECTION_ORDER, sectionIdOf, type SectionId } from '../document/sectionNames';
import { likelyMeant } from '../text/editDistance';

export const SEVERITIES = ['SEV1', 'SEV2', 'SEV3', 'SEV4'] as const;

/** A problem with a template, named by the template and (when known) its line (1-based). */
export interface TemplateProblem {
  readonly severity: 'error' | 'warning';
  readonly message: string;
  readonly line?: number;
}

/**
 * A post-mortem template read from `.postmortem/templates/NAME.md`: its `template:` block (what it
 * suits and requires) and the rest of the file, which becomes the new post-mortem.
 */
export interface PostmortemTemplate {
  /** The file name without `.md`: what `--template NAME` names. */
  readonly name: string;
  /** `template.name`, else the file name. */
  readonly label: string;
  readonly description?: string;
  /** Severities it suits (`SEV1`…`SEV4`); empty: any. */
  readonly severities: readonly string[];
  /** Incident types it suits, lower case; empty: any. */
  readonly types: readonly string[];
  /** Sections `sections/missing` asks of post-mortems made from it; undefined: the configured ones. */
  readonly requiredSections?: readonly SectionId[];
  /** The file without its `template:` block, LF line ends, no BOM. */
  readonly source: string;
  /** Line (0-based) in `source` of each line's original line in the file (0-based), for messages. */
  readonly sourceLines: readonly number[];
  /** Problems found reading it; one `error` makes it unusable. */
  readonly problems: readonly TemplateProblem[];
}

const BLOCK_KEYS = ['name', 'description', 'severities', 'types', 'required_sections'] as const;

/** Reads a template file. Never throws: what is wrong is in `problems`. */
export function parseTemplateFile(fileName: string, text: string): PostmortemTemplate {
  const name = fileName.replace(/\.md$/i, '');
  const problems: TemplateProblem[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const fmEnd = frontMatterEnd(lines);
  let blockStart = -1;
  let blockEnd = -1;
  if (fmEnd > 0) {
    for (let i = 1; i < fmEnd; i++) {
      if (/^template[ \t]*:/.test(lines[i])) {
        blockStart = i;
        blockEnd = i + 1;
        while (blockEnd < fmEnd && (/^[ \t]/.test(lines[blockEnd]) || lines[blockEnd].trim() === '')) blockEnd++;
        break;
      }
    }
  } else {
    problems.push({ severity: 'warning', message: 'it has no front matter (--- … --- at the top): the new post-mortem will have no id, status or times' });
  }
  let block: Record<string, unknown> = {};
  if (blockStart >= 0) {
    try {
      const parsed = parseYaml(lines.slice(blockStart, blockEnd).join('\n')) as { template?: unknown } | null;
      const value = parsed?.template;
      if (value !== null && value !== undefined && (typeof value !== 'object' || Array.isArray(value))) {
        problems.push({ severity: 'error', line: blockStart + 1, message: 'expected `template:` to be a mapping (name, description, severities, types, required_sections)' });
      } else block = (value ?? {}) as Record<string, unknown>;
    } catch (e) {
      problems.push({ severity: 'error', line: blockStart + 1, message: `the \`template:\` block is not valid YAML (${firstLine((e as Error).message)})` });
    }
  }
  for (const key of Object.keys(block)) {
    if ((BLOCK_KEYS as readonly string[]).includes(key)) continue;
    const meant = likelyMeant(key, BLOCK_KEYS);
    problems.push({ severity: 'warning', line: blockStart + 1, message: `unknown key \`${key}\` in \`template:\`${meant ? ` (did you mean \`${meant}\`?)` : ''}; known: ${BLOCK_KEYS.join(', ')}` });
  }
  const text1 = (key: string): string | undefined => {
    const v = block[key];
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'string' || typeof v === 'number') return String(v).trim() || undefined;
    problems.push({ severity: 'warning', line: blockStart + 1, message: `expected \`template.${key}\` to be text` });
    return undefined;
  };
  const list = (key: string): string[] => {
    const v = block[key];
    if (v === undefined || v === null) return [];
    const items = Array.isArray(v) ? v : [v];
    const out: string[] = [];
    for (const item of items) {
      if (typeof item === 'string' || typeof item === 'number') out.push(String(item).trim());
      else problems.push({ severity: 'warning', line: blockStart + 1, message: `expected \`template.${key}\` to be a list of names, found ${JSON.stringify(item)}` });
    }
    return out.filter(Boolean);
  };
  const severities: string[] = [];
  for (const s of list('severities')) {
    const sev = normaliseSeverity(s);
    if (sev) severities.push(sev);
    else problems.push({ severity: 'error', line: blockStart + 1, message: `unknown severity "${s}" in \`template.severities\`; expected ${SEVERITIES.join(', ')}` });
  }
  let requiredSections: SectionId[] | undefined;
  if (block.required_sections !== undefined && block.required_sections !== null) {
    requiredSections = [];
    for (const s of list('required_sections')) {
      const id = sectionIdOfName(s);
      if (id) {
        if (!requiredSections.includes(id)) requiredSections.push(id);
      } else problems.push({ severity: 'error', line: blockStart + 1, message: `unknown section "${s}" in \`template.required_sections\`; expected ${SECTION_ORDER.join(', ')} (or their titles)` });
    }
  }
  const kept: string[] = [];
  const sourceLines: number[] = [];
  lines.forEach((line, i) => {
    if (i >= blockStart && i < blockEnd) return;
    kept.push(line);
    sourceLines.push(i);
  });
  return {
    name,
    label: text1('name') ?? name,
    ...(text1('description') ? { description: text1('description') } : {}),
    severities,
    types: list('types').map((t) => t.toLowerCase()),
    ...(requiredSections ? { requiredSections } : {}),
    source: kept.join('\n'),
    sourceLines,
    problems,
  };
}

/** `sev2`, `Sev 2`, `SEV2` → `SEV2`; anything else undefined. */
export function normaliseSeverity(value: string): string | undefined {
  const m = /^sev[ -]?([1-4])$/i.exec(value.trim());
  return m ? `SEV${m[1]}` : undefined;
}

/** A canonical section id (`action-items`) or a title it is known by (`Action items`, `Follow-ups`). */
export function sectionIdOfName(value: string): SectionId | undefined {
  return (SECTION_ORDER as readonly string[]).includes(value) ? (value as SectionId) : sectionIdOf(value);
}

/** Index of the closing `---`/`...` of front matter opening on line 0, else -1. */
export function frontMatterEnd(lines: readonly string[]): number {
  if (lines[0]?.trimEnd() !== '---') return -1;
  for (let i = 1; i < lines.length; i++) if (/^(---|\.\.\.)[ \t]*$/.test(lines[i])) return i;
  return -1;
}

function firstLine(message: string): string {
  return message.split('\n')[0];
}

/** At most this many templates are read from a folder (sorted by name), so a stray folder cannot stall *New Post-mortem*. */
export const MAX_TEMPLATES = 200;
/** A template larger than this is not read (a post-mortem template is a few KB). */
export const MAX_TEMPLATE_CHARS = 512 * 1024;

/** Whether a folder entry is a template file: `NAME.md`, not hidden. */
export function isTemplateFileName(fileName: string): boolean {
  return /\.md$/i.test(fileName) && !fileName.startsWith('.');
}

/** A template that could not be read, listed with its reason so `--template NAME` can say why. */
export function unreadableTemplate(fileName: string, reason: string): PostmortemTemplate {
  const name = fileName.replace(/\.md$/i, '');
  return { name, label: name, severities: [], types: [], source: '', sourceLines: [], problems: [{ severity: 'error', message: reason }] };
}
