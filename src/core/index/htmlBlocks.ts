/**
 * CommonMark HTML blocks as micromark (remark's reader, GitHub's renderer's spec) starts and ends
 * them, for the line scanners: what is inside one is neither an action item nor a timeline entry,
 * and a fence or heading written inside it is its text. Kinds 1–5 (`<script>`/`<pre>`/`<style>`/
 * `<textarea>`, `<!--`, `<?`, `<!X`, `<![CDATA[`) end on the line holding their end (the opening
 * line included); kinds 6 (block tags) and 7 (a lone complete tag, which cannot interrupt a
 * paragraph) end before a blank line. Every test is one pass over the line.
 */
export type HtmlEnd = 'raw' | 'comment' | 'instruction' | 'declaration' | 'cdata' | 'blank';

/** Kind 6 names (micromark-util-html-tag-name's htmlBlockNames). */
const BLOCK_NAMES = new Set([
  'address', 'article', 'aside', 'base', 'basefont', 'blockquote', 'body', 'caption', 'center', 'col', 'colgroup', 'dd', 'details', 'dialog',
  'dir', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'frame', 'frameset', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'head', 'header', 'hr', 'html', 'iframe', 'legend', 'li', 'link', 'main', 'menu', 'menuitem', 'nav', 'noframes', 'ol', 'optgroup', 'option',
  'p', 'param', 'search', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'title', 'tr', 'track', 'ul',
]);
const RAW_NAMES = new Set(['pre', 'script', 'style', 'textarea']);
const RAW_END = /<\/(?:script|pre|style|textarea)>/i;
const TAG_NAME = /^[A-Za-z][A-Za-z0-9-]*/;

const isAsciiLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/**
 * The HTML block that starts on `text` (its indentation under 4 columns, container prefix removed):
 * how it ends, `'closed'` when it ends on this line, undefined when none starts. A lone complete
 * tag (kind 7) starts one only when `mayStartComplete` (it cannot interrupt a paragraph).
 */
export function htmlBlockStart(text: string, mayStartComplete: boolean): HtmlEnd | 'closed' | undefined {
  let i = 0;
  while (i < text.length && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  if (text.charCodeAt(i) !== 60 /* < */) return undefined;
  const next = text[i + 1];
  let end: HtmlEnd;
  let from: number;
  if (next === '!') {
    if (text.startsWith('--', i + 2)) {
      // `<!-->` and `<!--->` are whole comments: the end may use the opener's dashes.
      end = 'comment';
      from = i + 2;
    } else if (text.startsWith('[CDATA[', i + 2)) {
      end = 'cdata';
      from = i + 9;
    } else if (isAsciiLetter(text.charCodeAt(i + 2))) {
      end = 'declaration';
      from = i + 3;
    } else return undefined;
  } else if (next === '?') {
    end = 'instruction';
    from = i + 1;
  } else {
    const closing = next === '/';
    const nameAt = i + (closing ? 2 : 1);
    const name = TAG_NAME.exec(text.slice(nameAt, nameAt + 64))?.[0];
    if (!name) return undefined;
    const after = nameAt + name.length;
    const c = text.charCodeAt(after);
    // The name ends at the line's end, a space or tab, `/` or `>` (else it is no tag name).
    if (!(after >= text.length || c === 32 || c === 9 || c === 47 || c === 62)) return undefined;
    const lower = name.toLowerCase();
    if (!closing && c !== 47 && RAW_NAMES.has(lower)) {
      end = 'raw';
      from = after;
    } else if (BLOCK_NAMES.has(lower)) {
      if (c === 47 && text.charCodeAt(after + 1) !== 62) return undefined;
      return 'blank';
    } else return mayStartComplete && isLoneTag(text) ? 'blank' : undefined;
  }
  return htmlEndsIn(text, from, end) ? 'closed' : end;
}

/** Whether `text` from `from` on holds the end of an HTML block of kind `end` (never true for 'blank'). */
export function htmlEndsIn(text: string, from: number, end: HtmlEnd): boolean {
  switch (end) {
    case 'comment': return text.includes('-->', from);
    case 'instruction': return text.includes('?>', from);
    case 'declaration': return text.includes('>', from);
    case 'raw': return RAW_END.test(from === 0 ? text : text.slice(from));
    case 'cdata': return cdataEndsIn(text, from);
    case 'blank': return false;
  }
}

/**
 * `]]>` as micromark's states find it: after `]]`, a third `]` starts over at one, so `]]]>` does
 * not end the section while `]]]]>` does.
 */
function cdataEndsIn(text: string, from: number): boolean {
  let state = 0;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (state === 2 && c === 62 /* > */) return true;
    if (c === 93 /* ] */) state = state === 1 ? 2 : 1;
    else state = 0;
  }
  return false;
}

/**
 * `<tag attr="v">` or `</tag>` alone on a line (HTML block kind 7). Read by hand: the regular
 * expression for it nested quantifiers over attribute characters.
 */
function isLoneTag(text: string): boolean {
  let i = 0;
  while (i < 3 && text.charCodeAt(i) === 32) i++;
  if (text[i] !== '<') return false;
  i++;
  const closing = text[i] === '/';
  if (closing) i++;
  const name = TAG_NAME.exec(text.slice(i, i + 64));
  if (!name) return false;
  i += name[0].length;
  if (!closing) {
    for (;;) {
      const spaced = skipSpaces(text, i);
      const attr = spaced > i ? /^[A-Za-z_:][\w.:-]*/.exec(text.slice(spaced, spaced + 256)) : null;
      if (!attr) break;
      i = spaced + attr[0].length;
      const eq = skipSpaces(text, i);
      if (text[eq] !== '=') continue;
      const value = skipSpaces(text, eq + 1);
      const quote = text[value];
      if (quote === '"' || quote === "'") {
        const close = text.indexOf(quote, value + 1);
        if (close === -1) return false;
        i = close + 1;
      } else {
        let j = value;
        while (j < text.length && !/[\s"'=<>`]/.test(text[j])) j++;
        if (j === value) return false;
        i = j;
      }
    }
  }
  i = skipSpaces(text, i);
  if (!closing && text[i] === '/') i++;
  if (text[i] !== '>') return false;
  return text.slice(i + 1).trim() === '';
}

function skipSpaces(text: string, i: number): number {
  while (i < text.length && /\s/.test(text[i])) i++;
  return i;
}
