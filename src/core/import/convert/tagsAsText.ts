import { unknownTagAtLineStart } from '../../document/htmlTags';
import { eachOutsideFences } from './fences';
import type { ConvertLog, SourceLine } from './model';

/**
 * Lines of the converted text that start with a tag HTML does not have (`<START OF OUTAGE>`) are
 * written with a backslash, so they show as typed: Markdown would read each as the start of an HTML
 * block, which hides the tag on code hosts and makes the lines below it, up to a blank line, raw HTML:
 * a timeline entry there is no entry (htmlTags.ts). Fenced code is left alone. Said once per line.
 */
export function unknownTagsAsText(lines: readonly SourceLine[], log: ConvertLog): SourceLine[] {
  const out = lines.slice();
  eachOutsideFences(lines, (src, k) => {
    const tag = unknownTagAtLineStart(src.text);
    if (!tag) return;
    const shown = src.text.trim().length > 40 ? `${src.text.trim().slice(0, 40)}…` : src.text.trim();
    log.notes.push({ line: src.line, message: `"${shown}" is written with a backslash (\\<${tag.name} …) so it shows as typed: Markdown reads a line starting with a tag HTML does not have as raw HTML, which code hosts hide, with the lines below it up to a blank line` });
    out[k] = { line: src.line, text: `${src.text.slice(0, tag.column)}\\${src.text.slice(tag.column)}` };
  });
  return out;
}
