import type { FrontMatter } from '../../document/frontMatter';
import type { LineIndex } from '../../text/lineIndex';
import type { ConvertLog } from './model';

const TOP_KEY = /^([A-Za-z_][\w.-]{0,60})[ \t]*:(?:[ \t]+(.{0,80}))?/;
const shown = (v: string) => (v.trim() ? `"${v.trim().replace(/^(["'])(.*)\1$/, '$2')}"` : 'nothing');

/**
 * Says what the original's front matter did not give cleanly (trial9 T6: `title: A` then
 * `title: B` converted to `title: B`, "complete", and "A" appeared nowhere): a repeated key names
 * each value and which one was used; YAML that does not parse says so. The original block itself
 * is kept under "Notes from the original" (convert.ts), so nothing of it is lost.
 */
export function reportFrontMatterProblems(fm: FrontMatter, lines: LineIndex, log: ConvertLog): void {
  if (fm.problems.length === 0) return;
  const seen = new Map<string, { line: number; value: string }[]>();
  for (let k = fm.openLine + 1; k < fm.closeLine && k < fm.openLine + 2000; k++) {
    const m = TOP_KEY.exec(lines.lineText(k));
    if (!m) continue;
    const list = seen.get(m[1]) ?? [];
    list.push({ line: k, value: m[2] ?? '' });
    seen.set(m[1], list);
  }
  for (const [key, uses] of seen) {
    if (uses.length < 2) continue;
    const last = uses[uses.length - 1];
    log.flag('front-matter', last.line, `The front matter gives "${key}" ${uses.length === 2 ? 'twice' : `${uses.length} times`} (${uses.map((u) => `line ${u.line + 1}: ${shown(u.value)}`).join('; ')}); the last, ${shown(last.value)}, was used. The original front matter is kept under "Notes from the original": check which value is right`);
  }
  const other = fm.problems.filter((p) => !/keys must be unique/i.test(p.message));
  if (other.length) {
    const p = other[0];
    log.flag('front-matter', p.range.start.line, `The front matter is not valid YAML (${p.message.split('\n')[0].slice(0, 120)}); ${fm.data === undefined ? 'none of it was read' : 'what could be read was used'}, and it is kept as written under "Notes from the original": check it`);
  }
}
