/**
 * The parts of one line of Markdown that are not shown as its text, blanked to spaces: code spans
 * (any number of backticks), HTML comments, HTML tags with their attributes (`<span title="…">`),
 * the content of `<code>`, `<kbd>` and `<samp>`, link titles (`[x](url "title")`), image alt text
 * (`![alt](img.png)`) and, when asked, autolinks (`<https://…>`). A milestone tag, an owner or a due
 * date written there is code, markup or a tooltip, never a token (trial17a F1, F5). Same length, so
 * token spans and columns stay those of the written text; the description is still taken from the
 * written text. One pass; every search from a position stops at the next sign of its kind, and a
 * search for a closer that found none is not repeated, so the work is linear in the line's length.
 */
export function blankHiddenInline(text: string, options: { readonly autolinks?: boolean } = {}): string {
  if (!/[`<\]!]/.test(text)) return text;
  const code = codeSpanStarts(text);
  const lower = text.toLowerCase();
  const blanks: { start: number; end: number }[] = [];
  let noCommentClose = false;
  const noCloser = new Set<string>();
  for (let i = 0; i < text.length;) {
    const c = text.charCodeAt(i);
    if (c === 96 /* ` */) {
      const end = code.get(i);
      if (end !== undefined) {
        blanks.push({ start: i, end });
        i = end;
      } else {
        while (text.charCodeAt(i) === 96) i++;
      }
      continue;
    }
    if (c === 60 /* < */) {
      if (text.startsWith('<!--', i)) {
        const close = noCommentClose ? -1 : text.indexOf('-->', i + 2);
        if (close !== -1) {
          blanks.push({ start: i, end: close + 3 });
          i = close + 3;
          continue;
        }
        noCommentClose = true;
      }
      HTML_TAG.lastIndex = i;
      const tag = HTML_TAG.exec(text);
      if (tag) {
        let end = i + tag[0].length;
        const name = tag[2].toLowerCase();
        if (!tag[1] && CODE_TAGS.has(name) && !noCloser.has(name)) {
          const close = lower.indexOf(`</${name}`, end);
          const closeEnd = close === -1 ? -1 : text.indexOf('>', close);
          if (closeEnd === -1) noCloser.add(name);
          else end = closeEnd + 1;
        }
        blanks.push({ start: i, end });
        i = end;
        continue;
      }
      if (options.autolinks) {
        AUTOLINK.lastIndex = i;
        const link = AUTOLINK.exec(text);
        if (link) {
          blanks.push({ start: i, end: i + link[0].length });
          i += link[0].length;
          continue;
        }
      }
      i++;
      continue;
    }
    if (c === 33 /* ! */ && text.charCodeAt(i + 1) === 91 /* [ */) {
      IMAGE_ALT.lastIndex = i;
      const image = IMAGE_ALT.exec(text);
      if (image) blanks.push({ start: i + 2, end: i + 2 + image[1].length });
      i += 2 + (image ? image[1].length : 0);
      continue;
    }
    if (c === 93 /* ] */ && text.charCodeAt(i + 1) === 40 /* ( */) {
      LINK_TITLE.lastIndex = i;
      const link = LINK_TITLE.exec(text);
      if (link) {
        const end = i + link[0].length;
        const titleEnd = end - link[2].length - 1;
        blanks.push({ start: titleEnd - link[1].length, end: titleEnd });
      }
      i += 2;
      continue;
    }
    i++;
  }
  if (blanks.length === 0) return text;
  let out = '';
  let copied = 0;
  for (const b of blanks) {
    if (b.start < copied) continue;
    out += text.slice(copied, b.start) + ' '.repeat(b.end - b.start);
    copied = b.end;
  }
  return out + text.slice(copied);
}

const CODE_TAGS = new Set(['code', 'kbd', 'samp']);
/** An opening or closing tag up to the first `>`, no `<` inside: each match stops at the next `<`. */
const HTML_TAG = /<(\/)?([A-Za-z][A-Za-z0-9-]*)(?=[\s/>])[^<>]*>/y;
const AUTOLINK = /<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*>/y;
/** An image's alt text (brackets inside one deep, `![[resolved]](x.png)`) before a link or a reference; the alternatives start with different signs, so no backtracking. */
const IMAGE_ALT = /!\[((?:[^[\]]|\[[^[\]]*\])*)\](?=[([])/y;
/** A link's title after its destination: the title (quotes included) and the spaces after it. */
const LINK_TITLE = /\]\([ \t]*(?:<[^<>\n]*>|[^\s()<>]+)[ \t]+("[^"]*"|'[^']*'|\([^()]*\))([ \t]*)\)/y;

/** The code spans of a line, from the first backtick of the opening run to after the closing run: a run of backticks up to the next run of the same length. Linear. */
export function codeSpans(text: string): { start: number; end: number }[] {
  const runs: { start: number; length: number }[] = [];
  for (let i = text.indexOf('`'); i !== -1; i = text.indexOf('`', i)) {
    const start = i;
    while (text.charCodeAt(i) === 96) i++;
    runs.push({ start, length: i - start });
  }
  const spans: { start: number; end: number }[] = [];
  // The next run of each length after a given run, from the right: one pass.
  const nextOfLength = new Map<number, number>();
  const next: number[] = new Array<number>(runs.length).fill(-1);
  for (let k = runs.length - 1; k >= 0; k--) {
    next[k] = nextOfLength.get(runs[k].length) ?? -1;
    nextOfLength.set(runs[k].length, k);
  }
  for (let k = 0; k < runs.length; k++) {
    const closer = next[k];
    if (closer === -1) continue;
    spans.push({ start: runs[k].start, end: runs[closer].start + runs[closer].length });
    k = closer;
  }
  return spans;
}

function codeSpanStarts(text: string): Map<number, number> {
  const starts = new Map<number, number>();
  if (text.includes('`')) for (const s of codeSpans(text)) starts.set(s.start, s.end);
  return starts;
}
