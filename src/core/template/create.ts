import { isUtcZone } from '../time/zones';
import { builtinTemplate } from './builtinSource';
import { renderTemplate, type RenderProblem } from './render';
import type { PostmortemTemplate } from './templateFile';
import { frontMatterEnd } from './templateFile';
import { templateValues, type NewPostmortemInput } from './variables';
import { yamlString } from './yamlScalar';

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
  const problems = [...own, ...rendered.problems];
  if (rendered.problems.some((p) => p.severity === 'error')) return { problems };
  const lines = rendered.text.split('\n');
  const close = frontMatterEnd(lines);
  if (close > 0) {
    const has = (key: string) => lines.slice(1, close).some((l) => l.startsWith(key) && /^[ \t]*:/.test(l.slice(key.length)));
    const added: string[] = [];
    // What the person chose is never lost to a template that has no place for it.
    if (values.severity && !has('severity')) added.push(`severity: ${yamlString(values.severity)}`);
    if (values.type && !has('incident_type')) added.push(`incident_type: ${yamlString(values.type)}`);
    if (!has('timezone')) {
      added.push(`timezone: ${yamlString(values.zone)}  # ${isUtcZone(values.zone) ? 'times written without a zone are UTC' : 'where this was written: times written without a zone are read in it'}`);
    }
    if (template.requiredSections && !has('required_sections')) {
      added.push(`required_sections: [${template.requiredSections.join(', ')}]  # from the template "${template.name.replace(/[\p{Cc}\s]+/gu, ' ')}": what sections/missing asks for`);
    }
    const withAdded = [...lines.slice(0, close), ...added, ...lines.slice(close)];
    return { text: withAdded.join('\n'), problems };
  } else if (template.requiredSections) {
    problems.push({ severity: 'warning', message: 'its `required_sections` cannot be recorded: the template has no front matter' });
  }
  return { text: lines.join('\n'), problems };
}
