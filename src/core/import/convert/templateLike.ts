import { ConvertLog, INCIDENT_TIMES, type SourceLine } from './model';
import { convertTimeline, type TimelineContext } from './timeline';

/** Why an original reads as a blank template rather than the review of an incident: the first sign, with its line. */
export interface TemplateSign {
  readonly line: number;
  readonly why: string;
}

/** `{Incident Title}`, `{draft|final}`, `{{ incident name }}`: a blank to fill in, words between braces (not JSON: no quotes). */
const PLACEHOLDER = /\{\{?\s{0,2}([A-Za-z][A-Za-z0-9 ,.'|:/#()?-]{1,100}?)\s{0,2}\}\}?/;
/** "Title", "Title (incident)", "Title of the incident: Date", "Incident title - DD/MM/YYYY". */
const TITLE_WORD = /^(?:incident\s)?title(?:$|\s?\(|\sof\s(?:the\s)?incident\b|\s?[-:–])/i;
/** "Postmortem Template", "post_mortem_template", "Template for reports": a title that names a template (not "Template rendering broke deploys"). */
const TEMPLATE_TITLE = /(?:^|[^a-z])templates?(?:$|[^a-z\s]|\s(?:for|from|of)\b)/i;
/** A date to fill in: `YYYY-MM-DD`, `DD/MM/YYYY`, `MM/DD/YYYY`, `yyyy-mm-dd hh:mm`. */
const DATE_BLANK = /(?<![A-Za-z])(?:YYYY[-/.]MM[-/.]DD|DD[-/.]MM[-/.]YYYY|MM[-/.]DD[-/.]YYYY)(?![A-Za-z])/i;
/** A heading or a `Date:` field: where `YYYY-MM-DD` is a blank, not prose about a date format. */
const DATE_LABEL = /^\s{0,3}(?:[-*+]\s{1,4})?(?:\*\*|__)?(?:incident\s)?date(?:\s?\/\s?time)?(?:\*\*|__)?\s{0,2}:/i;
/** A date no incident has: the first day of 1900, year 0000 or 0001 (a template's example timeline). */
const DATE_DUMMY = /(?<!\d)(?:1900-01-01|000[01]-\d\d-\d\d)(?!\d)/;
/** Lines with a placeholder in the body before the document reads as a template. */
const BODY_PLACEHOLDERS = 3;

/**
 * Trial 11 T6: Flutter's `postmortem-template.md` ("# Flutter postmortem: {Incident Title}",
 * `### 1900-01-01`) converted "complete" into an incident of 1900 that the metrics counted. A blank
 * template is told by its title (a placeholder such as `{Incident Title}` or `DD/MM/YYYY`, the word
 * "Title", or a title naming a template), a placeholder date in a heading or line (`1900-01-01`,
 * `YYYY-MM-DD`), or placeholders on several lines of its body. Code blocks and inline code are not
 * read (a JSON body is no placeholder). Undefined when none is found.
 */
export function templateSign(title: string, titleLine: number, lines: readonly SourceLine[]): TemplateSign | undefined {
  // Underscores as spaces: "post_mortem_template" names a template too.
  const t = title.replace(/[*`]/g, '').replace(/_/g, ' ').trim();
  const shown = title.trim();
  const inTitle = PLACEHOLDER.exec(t)?.[0] ?? DATE_BLANK.exec(t)?.[0];
  if (inTitle) return { line: titleLine, why: `its title "${shown}" has the placeholder "${inTitle}"` };
  if (TITLE_WORD.test(t)) return { line: titleLine, why: `its title is "${shown}", a placeholder` };
  if (TEMPLATE_TITLE.test(t)) return { line: titleLine, why: `its title "${shown}" names a template` };
  let fence = false;
  let first: { line: number; text: string } | undefined;
  let count = 0;
  for (const src of lines) {
    if (/^\s{0,3}(?:`{3,}|~{3,})/.test(src.text)) {
      fence = !fence;
      continue;
    }
    if (fence || src.text.length > 2000) continue;
    const text = src.text.replace(/`[^`]*`/g, ' ');
    const date = DATE_DUMMY.exec(text)?.[0] ?? (/^\s{0,3}#/.test(text) || DATE_LABEL.test(text) ? DATE_BLANK.exec(text)?.[0] : undefined);
    if (date) return { line: src.line, why: `line ${src.line + 1} has the placeholder date "${date}"` };
    const blank = PLACEHOLDER.exec(text)?.[0];
    if (!blank) continue;
    if (/^\s{0,3}#/.test(text)) return { line: src.line, why: `the heading on line ${src.line + 1} has the placeholder "${blank}"` };
    first ??= { line: src.line, text: blank };
    count++;
  }
  return first && count >= BODY_PLACEHOLDERS ? { line: first.line, why: `${count} lines have placeholders to fill in, such as "${first.text}" (line ${first.line + 1})` } : undefined;
}

/**
 * The converted front matter of a template: a `template:` block first (so lint, `list`, the sidebar
 * and the metrics take it for a template of this format, never for an incident), status draft, and
 * no incident times — the times of a template's example timeline (1900-01-01) are no incident's.
 * The notes that set those times are dropped; a warning says what was seen and what was done.
 */
export function asTemplate(frontMatter: Record<string, unknown>, sign: TemplateSign, fileName: string | undefined, log: ConvertLog, exampleEntries = 0): Record<string, unknown> {
  const dropped = INCIDENT_TIMES.filter((k) => frontMatter[k] !== undefined);
  const rest = Object.fromEntries(Object.entries(frontMatter).filter(([k]) => !(INCIDENT_TIMES as readonly string[]).includes(k)));
  for (let k = log.notes.length - 1; k >= 0; k--) if (log.notes[k].sets !== undefined) log.notes.splice(k, 1);
  const name = String(frontMatter.title ?? fileName ?? 'Converted template').slice(0, 120);
  const examples = exampleEntries
    ? `; its example timeline (${exampleEntries} entr${exampleEntries === 1 ? 'y' : 'ies'}) was kept as a comment under the Timeline heading, not as timeline entries, so no post-mortem made from it starts with them and nothing counts them`
    : '';
  const kept = `${examples}${dropped.length ? `; the times of its example timeline were not written as incident times (${dropped.join(', ')})` : ''}`;
  log.flag('template', sign.line, `This looks like a template, not a post-mortem: ${sign.why}. Written as a post-mortem template (a \`template:\` block, status draft), which lint, list and the metrics do not count as an incident${kept}; to use it with \`postmortem new --template\`, move it to .postmortem/templates/. If it is a post-mortem, fill in its title and dates and convert it again`);
  return { template: { name, description: `Converted by postmortem convert${fileName ? ` from ${fileName}` : ''}` }, ...rest, status: 'draft' };
}

/**
 * A template's example timeline ("### 1900-01-01", "14:44 - something happened"), kept as it is
 * written inside an HTML comment: shown to whoever fills the template in, never read as entries by
 * lint, the metrics, `list` or a post-mortem made from it. The entries are counted by reading them as
 * the converter would (on a scratch log and context: nothing reported, nothing derived) so the report
 * can say how many were kept aside. A `-->` in the example would end the comment early: written `--&gt;`.
 */
export function exampleTimeline(input: readonly SourceLine[], heading: string, ctx: TimelineContext): { lines: string[]; entries: number } {
  let entries = 0;
  convertTimeline(input, heading, { zone: ctx.zone, date: ctx.date, year: ctx.year, dayFirst: ctx.dayFirst, onEntry: () => { entries++; } }, new ConvertLog());
  const text = input.map((l) => l.text.replace(/-->/g, '--&gt;').replace(/<!--/g, '&lt;!--'));
  while (text.length && !text[0].trim()) text.shift();
  while (text.length && !text[text.length - 1].trim()) text.pop();
  if (!text.length) return { lines: [], entries };
  return { lines: ['<!-- The template\'s example timeline, kept as written (postmortem convert): not timeline entries. Write the incident\'s own entries above this comment.', '', ...text, '-->'], entries };
}
