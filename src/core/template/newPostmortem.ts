import { newPostmortemText } from './create';
import { singleLineTitle } from './singleLine';
import { defaultIdFor } from './slug';

export { defaultIdFor, fileNameFor, idSlug, sensitiveLeftOutOfName, slugify, writerDay } from './slug';
export { singleLineTitle } from './singleLine';

export interface TemplateOptions {
  readonly title: string;
  /** Creation time; the template's times are this instant in UTC, rounded down to the minute. */
  readonly now: Date;
  /**
   * The writer's IANA zone (`Europe/Berlin`), written as `timezone:` so that times typed without a
   * zone are read as what they are, local times, and flagged with a fix converting them to UTC.
   */
  readonly zone: string;
  /**
   * When the incident started, as the writer said (epoch ms; see startTime.ts): written as
   * `started_at`. Without it `started_at` stays a commented placeholder, never the creation time.
   */
  readonly started?: number;
  /** Front-matter id; defaults to `PM-YYYYMMDD-<slug>`. */
  readonly id?: string;
  readonly author?: string;
  /** `SEV1` … `SEV4` when chosen; otherwise the template leaves `severity` out. */
  readonly severity?: string;
  /** `incident_type` (`security`, `outage`, …) when chosen. */
  readonly incidentType?: string;
  readonly eol?: '\n' | '\r\n';
}

/**
 * A new draft post-mortem from the built-in template (src/core/template/builtinSource.ts, the one
 * copy of it): front matter that passes the schema as a draft, every canonical section with a
 * short blameless-writing prompt (HTML comments, invisible when rendered), one example timeline
 * entry in the format's order, and the action-item grammar described in words (a sample task, even
 * inside a comment, is one naive reader away from counting as an open item).
 * Shared by `postmortem new`, the editor's *New Post-mortem* and the `pm-postmortem` completion.
 */
export function renderPostmortemTemplate(options: TemplateOptions): string {
  const minute = new Date(Math.floor(options.now.getTime() / 60_000) * 60_000);
  const title = singleLineTitle(options.title) || 'Untitled incident';
  const made = newPostmortemText({
    title, now: minute, zone: options.zone, id: options.id?.trim() || defaultIdFor(title, minute, 1, options.zone),
    ...(options.started !== undefined ? { started: options.started } : {}),
    ...(options.author ? { author: options.author } : {}),
    ...(options.severity ? { severity: options.severity } : {}),
    ...(options.incidentType ? { incidentType: options.incidentType } : {}),
  });
  const text = made.text!;
  return options.eol === '\r\n' ? text.replace(/\n/g, '\r\n') : text;
}

const SNIPPET_TITLE = 'What happened to the system, in one blameless line';
const FIRST_ENTRY = 'Describe the first signal';
const TIME_PLACEHOLDER = 'YYYY-MM-DD HH:MM';

/**
 * The same template as a VS Code snippet body: the rendered built-in with tab stops added ($1 the
 * title, mirrored in the heading; $2 the id; $3 the first entry's time, a placeholder to replace;
 * $4 its text; $0 at the end), so the
 * command, the CLI and the `pm-postmortem` completion write one template.
 */
export function renderPostmortemSnippet(options: Omit<TemplateOptions, 'title' | 'id' | 'eol'>): string {
  const id = defaultIdFor('incident', options.now, 1, options.zone);
  const lines = renderPostmortemTemplate({ ...options, title: SNIPPET_TITLE, id }).split('\n').map(escapeSnippet);
  const stops: [string, (line: string) => boolean, (line: string) => string][] = [
    ['title', (l) => l.startsWith('title: '), (l) => `title: \${1:${l.slice('title: '.length)}}`],
    ['id', (l) => l.startsWith('id: '), (l) => `id: \${2:${l.slice('id: '.length)}}`],
    ['heading', (l) => l === `# ${SNIPPET_TITLE}`, () => '# ${1}'],
    ['first entry', (l) => l.startsWith(`- ${TIME_PLACEHOLDER}`) && l.endsWith(` ${FIRST_ENTRY}`),
      (l) => `- \${3:${TIME_PLACEHOLDER}}${l.slice(2 + TIME_PLACEHOLDER.length, -FIRST_ENTRY.length)}\${4:${FIRST_ENTRY}}`],
  ];
  for (const [name, where, stop] of stops) {
    const at = lines.findIndex(where);
    // The built-in template's shape is fixed; a unit test expands the stops back to the template.
    if (at < 0) throw new Error(`The built-in template has no line for the snippet's ${name} tab stop`);
    lines[at] = stop(lines[at]!);
  }
  return [...lines, '$0'].join('\n');
}

/** Snippet syntax gives `$`, `}` and `\` meaning: escape them in text. */
function escapeSnippet(s: string): string {
  return s.replace(/[$}\\]/g, '\\$&');
}
