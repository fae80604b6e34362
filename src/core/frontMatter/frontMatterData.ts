import { MAX_FRONT_MATTER_CHARS, readFrontMatter, type FrontMatter } from '../document/frontMatter';
import type { LineIndex } from '../text/lineIndex';
import { readSimpleFrontMatter } from './simpleYaml';

/** What readers that want only the values need of the front matter (no YAML document, no node ranges). */
export type FrontMatterData = Pick<FrontMatter, 'closeLine' | 'content' | 'data' | 'problems'>;

/**
 * The front matter as data, for the workspace index and the metrics: the simple-subset reader
 * when it can (no problems are possible there), else the full YAML reader with its problems and
 * ranges. Either way the same data and problems as `readFrontMatter`; undefined when it is undefined.
 */
export function readFrontMatterData(lines: LineIndex): FrontMatterData | undefined {
  // The same fences as readFrontMatter: `---` first (after a BOM), closed by `---` or `...`.
  if (/^\uFEFF?---[ \t]*$/.test(lines.lineText(0))) {
    const body: string[] = [];
    for (let line = 1; line < lines.lineCount; line++) {
      const text = lines.lineText(line);
      if (/^(?:---|\.\.\.)[ \t]*$/.test(text)) {
        const content = lines.text.slice(lines.lineStart(1), lines.lineStart(line));
        // Too large: readFrontMatter says so, the same for both readers.
        if (content.length > MAX_FRONT_MATTER_CHARS) break;
        const data = readSimpleFrontMatter(body);
        if (data) return { closeLine: line, content, data, problems: [] };
        break;
      }
      body.push(text);
    }
  }
  return readFrontMatter(lines);
}
