import type { LineIndex } from '../text/lineIndex';

/**
 * Why a file that was meant to have front matter has none that reads: the block opened on line 1
 * is never closed (its end line missing, or typed `----`, ` ---`, `—`), a complete `---` block
 * starts after a blank line or an HTML comment, where no reader takes it as front matter (GitHub
 * shows it as text too), or it is TOML between `+++` lines. Trial13a F3: list, actions and metrics said nothing and exited 0, and lint
 * called a front matter at the top of the file "missing". Lines are 0-based.
 */
export type FenceSlip =
  | { readonly kind: 'unclosed'; readonly message: string; readonly mistypedLine?: number }
  | { readonly kind: 'late'; readonly message: string; readonly openLine: number; readonly onlyBlankBefore: boolean; readonly before: string }
  | { readonly kind: 'toml'; readonly message: string; readonly closeLine: number };

/** How far the readers look for a mistyped end line or a late opening: front matter is a few dozen lines. */
const LOOK_LINES = 200;

const FENCE = /^\uFEFF?---[ \t]*$/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*$/;
// A line of only dashes (or dash-like signs) that is not exactly `---` at the start of the line.
const DASHES = /^[ \t]*[-‐‑‒–—―]{2,}[ \t]*$/;
const SPACED_DASHES = /^[ \t]*-[ \t]+-[ \t]+-[ \t]*$/;
const YAML_KEY = /^[A-Za-z_][\w-]*:(?:[ \t]|$)/;

/** The slip, or undefined when the file has front matter that closes, or none was meant. */
export function frontMatterFenceSlip(lines: LineIndex): FenceSlip | undefined {
  const last = Math.min(lines.lineCount, LOOK_LINES);
  if (FENCE.test(lines.lineText(0))) {
    for (let line = 1; line < lines.lineCount; line++) if (CLOSE.test(lines.lineText(line))) return undefined;
    for (let line = 1; line < last; line++) {
      const text = lines.lineText(line);
      if (DASHES.test(text) || SPACED_DASHES.test(text)) {
        return {
          kind: 'unclosed',
          message: `front matter not closed: no \`---\` line after line 1 (line ${line + 1} is ${JSON.stringify(text.trim())}, not \`---\`)`,
          mistypedLine: line,
        };
      }
    }
    return { kind: 'unclosed', message: 'front matter not closed: no `---` line after line 1' };
  }
  // Hugo's TOML front matter (`+++` … `+++`, `key = value`): not YAML, and not read as such.
  if (/^\uFEFF?\+\+\+[ \t]*$/.test(lines.lineText(0))) {
    for (let line = 1; line < last; line++) {
      if (/^\+\+\+[ \t]*$/.test(lines.lineText(line))) return { kind: 'toml', closeLine: line, message: `front matter in TOML (\`+++\` lines 1 and ${line + 1}) is not read: write it as YAML between \`---\` lines (\`key: value\`)` };
    }
  }
  // Blank lines and HTML comments before a `---` block that holds `key:` lines and closes.
  let line = 0;
  let onlyBlankBefore = true;
  let inComment = false;
  for (; line < last; line++) {
    const text = lines.lineText(line).replace(/^\uFEFF/, '');
    if (inComment) {
      if (text.includes('-->')) inComment = false;
      continue;
    }
    if (text.trim() === '') continue;
    const trimmed = text.trim();
    if (trimmed.startsWith('<!--')) {
      onlyBlankBefore = false;
      if (!trimmed.includes('-->', 4)) inComment = true;
      continue;
    }
    break;
  }
  if (line === 0 || line >= last || inComment || !/^---[ \t]*$/.test(lines.lineText(line))) return undefined;
  if (!YAML_KEY.test(lines.lineText(line + 1))) return undefined;
  for (let close = line + 1; close < lines.lineCount && close < line + LOOK_LINES; close++) {
    if (!CLOSE.test(lines.lineText(close))) continue;
    const before = onlyBlankBefore ? (line === 1 ? 'a blank line' : `${line} blank lines`) : 'an HTML comment';
    return {
      kind: 'late',
      message: `front matter not at the top: the \`---\` block on line ${line + 1} comes after ${before}; front matter starts on line 1`,
      openLine: line,
      onlyBlankBefore,
      before,
    };
  }
  return undefined;
}
