import { isUtcZone } from '../time/zones';
import { builtinTemplate } from './builtinSource';
import { renderTemplate, type RenderProblem } from './render';
import type { PostmortemTemplate } from './templateFile';
import { frontMatterEnd } from './templateFile';
import { templateValues, type NewPostmortemInput } from './variables';
import { yamlString } from './yamlScalar';

/** The built-in template's example timeline entry (builtinSource.ts). */
const EXAMPLE_ENTRY = '- YYYY-MM-DD HH:MMZ (alert) [detected] Describe the first signal';

export interface NewPostmortemText {
  /** Undefined when an error keeps the template from being used (see `problems`). */
  readonly text?: string;
  /** The template's own problems and what filling it in found; `error` means nothing was made. */
  readonly problems: readonly RenderProblem[];
}

/**
 * The text of a new post-mortem: from a repository template when one is given, else the built-in
 * one (rendered by the same code from its template file). Both hosts (the CLI's `postmortem new`, the editor's *New Post-mortem*) call this, so a
 * template gives the same file wherever it is used. A template's front matter without `timezone:`
 * gets the writer's zone, as the built-in writes it, so times typed later without a zone are read
 * where they were typed; without `severity:` / `incident_type:` it gets the chosen ones; its
 * `required_sections` are written as `required_sections:`, which the `sections/missing` rule reads.
 */
export function newPostmortemText(input: NewPostmortemInput, template?: PostmortemTemplate): NewPostmortemText {
  if (!template) {
    const made = newPostmortemText(input, builtinTemplate());
    // The built-in leaves out the lines of values not chosen (severity, type, author) by design:
    // that is nothing to tell the person. Anything else would be a fault of the built-in itself.
    const problems = made.problems.filter((p) => p.severity !== 'note');
    if (made.text === undefined || problems.length) throw new Error(`The built-in template failed: ${problems.map((p) => p.message).join('; ')}`);
    return { text: made.text, problems: [] };
  }
  const own: RenderProblem[] = [...template.problems];
  if (own.some((p) => p.severity === 'error')) return { problems: own };
  const values = templateValues(input);
  const rendered = renderTemplate(template, values);
  const problems = [...own, ...rendered.problems, ...creationTimeAsMilestone(template)];
  if (rendered.problems.some((p) => p.severity === 'error')) return { problems };
  const lines = rendered.text.split('\n');
  const close = frontMatterEnd(lines);
  if (close > 0) {
    const has = (key: string) => lines.slice(1, close).some((l) => l.startsWith(key) && /^[ \t]*:/.test(l.slice(key.length)));
    const added: string[] = [];
    // What the person chose is never lost to a template that has no place for it.
    if (values.severity && !has('severity')) added.push(`severity: ${yamlString(values.severity)}`);
    if (values.started && !has('started_at')) {
      // The built-in (and a template copied from it) holds a `# started_at: YYYY-…` placeholder: the start takes its place.
      const placeholder = lines.findIndex((l, k) => k > 0 && k < close && /^#[ \t]*started_at[ \t]*:/.test(l));
      if (placeholder > 0) lines[placeholder] = `started_at: ${values.started}`;
      else added.push(`started_at: ${values.started}`);
    }
    if (values.type && !has('incident_type')) added.push(`incident_type: ${yamlString(values.type)}`);
    if (!has('timezone')) {
      added.push(`timezone: ${yamlString(values.zone)}  # ${isUtcZone(values.zone) ? 'times written without a zone are UTC' : 'where this was written: times written without a zone are read in it'}`);
    }
    if (template.requiredSections && !has('required_sections')) {
      added.push(`required_sections: [${template.requiredSections.join(', ')}]  # from the template "${template.name.replace(/[\p{Cc}\s]+/gu, ' ')}": what sections/missing asks for`);
    }
    if (values.started) {
      // The built-in's example entry (also in templates copied from it) is a placeholder lint reports
      // as unreadable: with a known start it becomes the start's entry (trial T10). Marked [started],
      // not [detected]: detection at the start time would make the time to detect 0 without a word.
      const example = lines.findIndex((l, k) => k > close && l === EXAMPLE_ENTRY);
      if (example > close) lines[example] = `- ${values.started.slice(0, 10)} ${values.started.slice(11, 16)}Z [started] Describe what started the incident`;
    }
    const withAdded = [...lines.slice(0, close), ...added, ...lines.slice(close)];
    return { text: withAdded.join('\n'), problems };
  } else if (template.requiredSections) {
    problems.push({ severity: 'warning', message: 'its `required_sections` cannot be recorded: the template has no front matter' });
  }
  return { text: lines.join('\n'), problems };
}

const MILESTONE_FROM_NOW = /^(started_at|detected_at|mitigated_at|resolved_at)[ \t]*:.*\{\{[ \t]*(?:now|date|time)[ \t]*\}\}/;

/**
 * A repository template that writes the creation time as an incident time (`started_at: {{now}}`,
 * the old built-in's way) makes every new post-mortem start when its file was made: a made-up time
 * the metrics count (U7). Said on every use, with the variable to use instead.
 */
function creationTimeAsMilestone(template: PostmortemTemplate): RenderProblem[] {
  const lines = template.source.split('\n');
  const close = frontMatterEnd(lines);
  const out: RenderProblem[] = [];
  for (let i = 1; i < close; i++) {
    const m = MILESTONE_FROM_NOW.exec(lines[i]!);
    if (!m) continue;
    const hint = m[1] === 'started_at' ? 'use {{started}} (when the writer says it started; the line is left out when not given)' : 'leave it for the writer to fill in (`# ' + m[1] + ': YYYY-MM-DDTHH:MM:SSZ`)';
    out.push({ severity: 'warning', line: (template.sourceLines[i] ?? i) + 1, message: `\`${m[1]}\` is filled with the creation time, not a time of the incident, and the metrics will count it: ${hint}` });
  }
  return out;
}
