import { formatIsoUtc, isUtcZone } from '../time/zones';
import { defaultIdFor } from './slug';
import { yamlString } from './yamlScalar';

export { defaultIdFor, fileNameFor, idSlug, slugify } from './slug';

export interface TemplateOptions {
  readonly title: string;
  /** Creation time; the template's times are this instant in UTC, rounded down to the minute. */
  readonly now: Date;
  /**
   * The writer's IANA zone (`Europe/Berlin`), written as `timezone:` so that times typed without a
   * zone are read as what they are, local times, and flagged with a fix converting them to UTC.
   */
  readonly zone: string;
  /** Front-matter id; defaults to `PM-YYYYMMDD-<slug>`. */
  readonly id?: string;
  readonly author?: string;
  /** `SEV1` … `SEV4` when chosen; otherwise the line stays a commented hint. */
  readonly severity?: string;
  /** `incident_type` (`security`, `outage`, …) when chosen. */
  readonly incidentType?: string;
  readonly eol?: '\n' | '\r\n';
}

/**
 * A new draft post-mortem: front matter that passes the schema as a draft, every canonical section
 * with a short blameless-writing prompt (HTML comments, invisible when rendered), one example
 * timeline entry in the format's order, and the action-item grammar described in words (a sample
 * task, even inside a comment, is one naive reader away from counting as an open item).
 * Shared by `postmortem new`, the editor's *New Post-mortem* and the `pm-postmortem` completion.
 */
export function renderPostmortemTemplate(options: TemplateOptions): string {
  return templateLines(options, PLAIN).join(options.eol ?? '\n');
}

/**
 * The same template as a VS Code snippet body (`$1` title, `$2` id, `$3` the first entry's text):
 * one template for the command, the CLI and the `pm-postmortem` completion.
 */
export function renderPostmortemSnippet(options: Omit<TemplateOptions, 'title' | 'id' | 'eol'>): string {
  const now = options.now;
  return templateLines({ ...options, title: 'What happened to the system, in one blameless line', id: defaultIdFor('incident', now) }, SNIPPET).join('\n');
}

/**
 * The title as one line of text: line breaks, tabs and control characters (a pasted title, a
 * shell argument with a newline) become spaces, so a title can never add a line to the document.
 */
export function singleLineTitle(title: string): string {
  return title.replace(/[\p{Cc}\p{Zl}\p{Zp}\s]+/gu, ' ').trim();
}

interface Writer {
  /** Literal text. */
  text(s: string): string;
  /** An editable field with a default (`n` numbers the snippet's tab stops). */
  field(n: number, s: string): string;
  /** A copy of field `n`, kept in step with it while typing. */
  mirror(n: number, s: string): string;
  /** Where the cursor ends. */
  readonly end: string;
}

const PLAIN: Writer = { text: (s) => s, field: (_n, s) => s, mirror: (_n, s) => s, end: '' };

const SNIPPET: Writer = {
  text: escapeSnippet,
  field: (n, s) => `\${${n}:${escapeSnippet(s)}}`,
  mirror: (n) => `\${${n}}`,
  end: '$0',
};

/** Snippet syntax gives `$`, `}` and `\` meaning: escape them in text. */
function escapeSnippet(s: string): string {
  return s.replace(/[$}\\]/g, '\\$&');
}

function templateLines(options: TemplateOptions, w: Writer): string[] {
  const minute = new Date(Math.floor(options.now.getTime() / 60_000) * 60_000);
  const iso = formatIsoUtc(minute.getTime());
  const day = iso.slice(0, 10);
  const time = iso.slice(11, 16);
  const title = singleLineTitle(options.title) || 'Untitled incident';
  const id = options.id?.trim() || defaultIdFor(title, minute);
  const author = options.author === undefined ? '' : singleLineTitle(options.author);
  const zone = options.zone.trim() || 'UTC';
  const utc = isUtcZone(zone);
  const t = w.text;
  return [
    '---',
    'type: postmortem',
    `id: ${w.field(2, yamlString(id))}`,
    `title: ${w.field(1, yamlString(title))}`,
    'status: draft',
    options.severity
      ? t(`severity: ${yamlString(options.severity)}  # SEV1 (worst) … SEV4`)
      : t('# severity: SEV3  # SEV1 (worst) … SEV4; required from in-review on'),
    ...(options.incidentType ? [t(`incident_type: ${yamlString(singleLineTitle(options.incidentType))}`)] : []),
    `started_at: ${iso}`,
    `detected_at: ${iso}`,
    '# mitigated_at: YYYY-MM-DDTHH:MM:SSZ',
    '# resolved_at: YYYY-MM-DDTHH:MM:SSZ',
    t(`timezone: ${yamlString(zone)}  # ${utc ? 'times written without a zone are UTC' : 'where this was written: times written without a zone are read in it'}`),
    ...(author ? [t(`authors: [${flowItem(author)}]`)] : []),
    '# facilitator: name  # who runs the review meeting',
    'services: []',
    '---',
    '',
    `# ${w.mirror(1, headingText(title))}`,
    '',
    '## Summary',
    '',
    '<!-- Two or three sentences: what happened, who was affected, how it ended.',
    '  Describe systems and decisions, not people: this review is blameless. -->',
    '',
    '## Impact',
    '',
    '<!-- Numbers where you have them: users affected, minutes of downtime, failed requests, cost',
    '  (type pm-impact for a table). -->',
    '',
    '## Timeline',
    '',
    t('<!-- One entry per line: `- YYYY-MM-DD HH:MMZ (source) [milestone] what happened`, in time order.'),
    ...(utc
      ? [t('  Times are UTC: write the Z. A time without a date takes the previous entry\'s date.')]
      : [
        t(`  Times are UTC: write the Z. A time written without a zone is read in ${zone} (the \`timezone\``),
        t('  above) and flagged, with a fix that converts it to UTC. A time without a date takes the previous'),
        t('  entry\'s date.'),
      ]),
    t('  Milestones: [detected], [mitigated], [resolved]; sources: (alert), (chat), (deploy), … -->'),
    '',
    `- ${day} ${time}Z (alert) [detected] ${w.field(3, 'Describe the first signal')}`,
    '',
    '## Root cause analysis',
    '',
    '<!-- Ask why until you reach something the organisation can change; every answer is about the system. -->',
    '',
    '### Five whys',
    '',
    '1. Why did the incident happen? …',
    '2. Why did that happen? …',
    '3. Why did that happen? …',
    '4. Why did that happen? …',
    '5. Why did that happen? …',
    '',
    '## Response',
    '',
    '<!-- How was it detected, escalated and mitigated? What helped, what slowed the responders down? -->',
    '',
    '## Action items',
    '',
    // The grammar in words, not a sample task: a sample would count as a real open item of its
    // owner, overdue two weeks later, in any reader that does not skip comments.
    '<!-- One task per line, as a task-list item (type pm-action for one): what will change,',
    '  then @owner, due:YYYY-MM-DD, a priority P1–P4, impact:/effort: low|medium|high and a ticket',
    '  such as OPS-123. Until the review starts an empty list is fine; from in-review on, at least one',
    '  item is expected. -->',
    '',
    '## Lessons learned',
    '',
    '### What went well',
    '',
    '### What went wrong',
    '',
    '### Where we got lucky',
    '',
    ...(w.end ? [w.end] : []),
  ];
}

/** A title as heading text: a trailing ` #` would be read as the heading's closing sequence and vanish. */
function headingText(title: string): string {
  return title.replace(/(\s)(#+)$/, '$1\\$2');
}

/** A flow-sequence item: `,` `[` `]` `{` `}` in a plain item would split or end the list (`[Ana, Bo]` is two authors). */
function flowItem(value: string): string {
  const yaml = yamlString(value);
  return !yaml.startsWith('"') && /[,[\]{}]/.test(yaml) ? JSON.stringify(value) : yaml;
}
