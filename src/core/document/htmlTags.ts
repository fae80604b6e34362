/**
 * A line that starts with a tag whose name is not HTML's (`<START OF OUTAGE>`, `<insert name>`,
 * `</END>`). CommonMark reads such a line, written alone, as the start of an HTML block (its 7th
 * kind), which runs to the next blank line: the lines below it (a timeline entry, a list item) are
 * raw HTML, not Markdown, and a code host's sanitiser drops the tag itself. Written with a backslash
 * (`\<START OF OUTAGE>`) the same line is text and shows as typed.
 *
 * Only names that are not HTML elements are offered for escaping: `<details>`, `<img …>`, `<br>` and
 * custom elements (a hyphen in the name: `<my-widget>`) are HTML the writer meant.
 */

/** The elements of the HTML Living Standard, with the obsolete ones code hosts still render. */
const HTML_ELEMENTS = new Set([
  'a', 'abbr', 'acronym', 'address', 'area', 'article', 'aside', 'audio', 'b', 'base', 'basefont', 'bdi', 'bdo', 'big', 'blockquote',
  'body', 'br', 'button', 'canvas', 'caption', 'center', 'cite', 'code', 'col', 'colgroup', 'data', 'datalist', 'dd', 'del', 'details',
  'dfn', 'dialog', 'dir', 'div', 'dl', 'dt', 'em', 'embed', 'fieldset', 'figcaption', 'figure', 'font', 'footer', 'form', 'frame',
  'frameset', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'head', 'header', 'hgroup', 'hr', 'html', 'i', 'iframe', 'img', 'input', 'ins', 'kbd',
  'label', 'legend', 'li', 'link', 'main', 'map', 'mark', 'math', 'menu', 'menuitem', 'meta', 'meter', 'nav', 'nobr', 'noframes',
  'noscript', 'object', 'ol', 'optgroup', 'option', 'output', 'p', 'param', 'picture', 'plaintext', 'pre', 'progress', 'q', 'rp', 'rt',
  'ruby', 's', 'samp', 'script', 'search', 'section', 'select', 'slot', 'small', 'source', 'span', 'strike', 'strong', 'style', 'sub',
  'summary', 'sup', 'svg', 'table', 'tbody', 'td', 'template', 'textarea', 'tfoot', 'th', 'thead', 'time', 'title', 'tr', 'track', 'tt',
  'u', 'ul', 'var', 'video', 'wbr', 'xmp',
]);

/** `<name` or `</name` after at most three spaces, ended as a tag name ends (linear: one bounded name). */
const TAG_AT_LINE_START = /^( {0,3})<\/?([A-Za-z][A-Za-z0-9-]{0,63})(?=[\s/>]|$)/;

/** Whether `name` is an HTML element (or a custom element, which has a hyphen). */
export function isHtmlElementName(name: string): boolean {
  return name.includes('-') || HTML_ELEMENTS.has(name.toLowerCase());
}

/** The column of the `<` of a line that starts with a tag not named as HTML, and the tag's name; undefined otherwise. */
export function unknownTagAtLineStart(line: string): { column: number; name: string } | undefined {
  const m = TAG_AT_LINE_START.exec(line);
  if (!m || isHtmlElementName(m[2]!)) return undefined;
  return { column: m[1]!.length, name: m[2]! };
}
