import { defaultIdFor } from './slug';

export { defaultIdFor, fileNameFor, idSlug, slugify } from './slug';

export interface TemplateOptions {
  readonly title: string;
  /** Creation time; the template's times are this instant in UTC, rounded down to the minute. */
  readonly now: Date;
  /** Front-matter id; defaults to `PM-YYYYMMDD-<slug>`. */
  readonly id?: string;
  readonly author?: string;
  readonly eol?: '\n' | '\r\n';
}

/**
 * A new draft post-mortem: front matter that passes the schema as a draft, every canonical section
 * with a short blameless-writing prompt (HTML comments, invisible when rendered), an example timeline
 * entry, and an action-item example inside a comment (a sample task would count as a real item).
 * Shared by `postmortem new` and the editor's "New post-mortem".
 */
export function renderPostmortemTemplate(options: TemplateOptions): string {
  const minute = new Date(Math.floor(options.now.getTime() / 60_000) * 60_000);
  const iso = minute.toISOString().replace('.000Z', 'Z');
  const day = iso.slice(0, 10);
  const time = iso.slice(11, 16);
  const due = new Date(minute.getTime() + 14 * 86_400_000).toISOString().slice(0, 10);
  const title = options.title.trim() || 'Untitled incident';
  const lines = [
    '---',
    'type: postmortem',
    `id: ${yamlString(options.id?.trim() || defaultIdFor(title, minute))}`,
    `title: ${yamlString(title)}`,
    'status: draft',
    '# severity: SEV3            # SEV1 (worst) … SEV4; required from in-review on',
    `started_at: ${iso}`,
    `detected_at: ${iso}`,
    '# mitigated_at: YYYY-MM-DDTHH:MM:SSZ',
    '# resolved_at: YYYY-MM-DDTHH:MM:SSZ',
    'timezone: UTC',
    ...(options.author?.trim() ? [`authors: [${yamlString(options.author.trim())}]`] : []),
    '# facilitator: name         # who runs the review meeting',
    'services: []',
    '---',
    '',
    `# ${title}`,
    '',
    '## Summary',
    '',
    '<!-- Two or three sentences: what happened, who was affected, how it ended. Describe systems and',
    '     decisions, not people: this review is blameless. -->',
    '',
    '## Impact',
    '',
    '<!-- Numbers where you have them: users affected, minutes of downtime, failed requests, cost. -->',
    '',
    '## Timeline',
    '',
    '<!-- One entry per line, times in UTC: `- YYYY-MM-DD HH:MMZ [detected|mitigated|resolved] what happened (source)`.',
    '     A time without a date takes the previous entry\'s date. -->',
    '',
    `- ${day} ${time}Z [detected] Describe the first signal (alert)`,
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
    // The example stays inside the comment: a sample task would count as a real open item of
    // "@owner" in the sidebar, `postmortem actions` and the metrics until someone deleted it.
    '<!-- One task per line: description, @owner, due:YYYY-MM-DD, P1–P4, impact:/effort: low|medium|high, ticket. E.g.',
    `     - [ ] Add an alert on connection-pool saturation @alex due:${due} P2 OPS-123`,
    '     Until the review starts an empty list is fine; from in-review on, at least one item is expected. -->',
    '',
    '## Lessons learned',
    '',
    '<!-- What went well, what went wrong, where we got lucky. -->',
    '',
  ];
  return lines.join(options.eol ?? '\n');
}

/** A YAML scalar for a free-text value: plain when safe, double-quoted (JSON escapes are valid YAML) otherwise. */
function yamlString(value: string): string {
  return /^[A-Za-z0-9][\w .,()&/'-]*$/.test(value) && !/[\s]$/.test(value) && !/^(true|false|null|yes|no|on|off|~)$/i.test(value)
    ? value
    : JSON.stringify(value);
}
