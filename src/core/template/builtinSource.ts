import { fiveWhysTemplateLines } from './placeholders';
import { parseTemplateFile, type PostmortemTemplate } from './templateFile';

/**
 * The built-in template, written as a template file: the one copy of it. New post-mortems without a
 * repository template are rendered from it (`postmortem new`, *New Post-mortem*, the `pm-postmortem`
 * snippet, which adds its tab stops to the rendered text), and *Copy Built-in Template to the
 * Repository* writes it as it is, so a team starts customising from exactly what they already get.
 * The `template:` block and its comments are not copied into new post-mortems. Its wording must be
 * true for every zone, UTC included, and with or without each variable (an empty one drops its line).
 */
export function builtinTemplateSource(): string {
  return `${[
    '---',
    'template:',
    '  name: Default',
    '  description: "Every section, for any severity and incident type (copied from the built-in template)"',
    '  # Which incidents it suits (leave out for any): severities: [SEV3, SEV4]   types: [security, data-loss]',
    '  # Sections the sections/missing rule asks for in post-mortems made from it (default: the configured ones):',
    '  # required_sections: [summary, timeline, action-items]',
    '  # Variables: {{title}} {{id}} {{started}} (when it started, as given; UTC) {{now}} {{date}} {{time}}',
    '  #   (the creation time, UTC) {{zone}} {{author}} {{severity}} {{type}}. A front-matter line whose',
    '  #   variables are all empty is left out.',
    'type: postmortem',
    'id: {{id}}',
    'title: {{title}}',
    'status: draft',
    'severity: {{severity}}  # SEV1 (worst) … SEV4; required from in-review on',
    'incident_type: {{type}}',
    '# started_at: YYYY-MM-DDTHH:MM:SSZ  # when it began (UTC); metrics count no durations until it is set',
    '# detected_at: YYYY-MM-DDTHH:MM:SSZ  # when someone or something first noticed',
    '# mitigated_at: YYYY-MM-DDTHH:MM:SSZ',
    '# resolved_at: YYYY-MM-DDTHH:MM:SSZ',
    'timezone: {{zone}}  # where this was written: times written without a zone are read in it',
    'authors: [{{author}}]',
    '# facilitator: name  # who runs the review meeting',
    'services: []',
    '---',
    '',
    '# {{title}}',
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
    '<!-- One entry per line: `- YYYY-MM-DD HH:MMZ (source) [milestone] what happened`, in time order.',
    '  Times are UTC: write the Z. A time written without a zone is read in {{zone}} (the `timezone`',
    '  above); outside UTC it is flagged, with a fix that converts it to UTC. A time without a date',
    '  takes the previous entry\'s date (the next day\'s when it is over 12 hours earlier: lint says so).',
    '  Milestones: [detected], [mitigated], [resolved]; sources: (alert), (chat), (deploy), … -->',
    '',
    '- YYYY-MM-DD HH:MMZ (alert) [detected] Describe the first signal',
    '',
    '## Root cause analysis',
    '',
    '<!-- Ask why until you reach something the organisation can change; every answer is about the system. -->',
    '',
    '### Five whys',
    '',
    // The questions are placeholders the rules know (sections/empty, analysis/five-whys-shallow): one list.
    ...fiveWhysTemplateLines(),
    '',
    '## Response',
    '',
    '<!-- How was it detected, escalated and mitigated? What helped, what slowed the responders down? -->',
    '',
    '## Action items',
    '',
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
  ].join('\n')}`;
}

let parsed: PostmortemTemplate | undefined;

/** The built-in template, read once. */
export function builtinTemplate(): PostmortemTemplate {
  parsed ??= parseTemplateFile('default.md', builtinTemplateSource());
  return parsed;
}

/** Where templates live unless `templatesFolder` says otherwise (relative to the workspace folder / repository root). */
export const DEFAULT_TEMPLATES_FOLDER = '.postmortem/templates';
