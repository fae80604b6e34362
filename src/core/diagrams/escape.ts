/**
 * Label escaping for user text placed into Mermaid. Mermaid turns `#<decimal>;` into the character
 * when drawing, so writing specials that way keeps hostile text (quotes, brackets, `%%{init}%%`,
 * `<script>`) from changing the diagram's structure or configuration. Decoding is the exact inverse,
 * so labels round-trip as typed.
 */

const entity = (ch: string): string => `#${ch.codePointAt(0)};`;

const NAMED: Record<string, string> = { quot: '"', amp: '&', lt: '<', gt: '>', nbsp: '\u00a0', apos: "'" };

/** Turns `#NN;` (and the few named entities people type by hand) back into characters. */
export function decodeEntities(text: string): string {
  return text.replace(/#(\d{1,7}|[a-zA-Z]{2,8});/g, (whole, body: string) => {
    if (/^\d/.test(body)) {
      const code = Number(body);
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[body.toLowerCase()] ?? whole;
  });
}

/** Whitespace collapsed to single spaces and trimmed: the form ishikawa lines can hold. */
export function normalizeFishboneLabel(label: string): string {
  return label.replace(/\s+/g, ' ').trim();
}

/**
 * An ishikawa line has no quoting: encode `# % < > & ;`, collapse whitespace and encode a leading
 * "ishikawa" (Mermaid would read it as the diagram keyword). An empty label becomes `#32;` so the
 * line is not blank (a blank line would drop the node).
 */
export function encodeFishboneLabel(label: string): string {
  // Backticks and tildes too: a cause written as three of them would otherwise close the Markdown fence.
  const text = normalizeFishboneLabel(label).replace(/[#%<>&;`~]/g, entity);
  if (text === '') return '#32;';
  return /^ishikawa/i.test(text) ? entity(text[0]) + text.slice(1) : text;
}

export function decodeFishboneLabel(raw: string): string {
  return normalizeFishboneLabel(decodeEntities(raw.trim()));
}

/** Characters that may stand raw inside `id["..."]`; everything else ASCII is written as an entity. */
const FLOWCHART_SAFE = /[\p{L}\p{N} .,:!?'()\-_/+=*@^~$]/u;

/** Text for inside `id["..."]`: newlines as `<br/>`, every other special as `#NN;`. */
export function encodeFlowchartLabel(label: string): string {
  let out = '';
  for (const ch of label) {
    if (ch === '\n') out += '<br/>';
    else if (FLOWCHART_SAFE.test(ch) || ch.codePointAt(0)! > 0x7f) out += ch;
    else out += entity(ch);
  }
  return out;
}

export function decodeFlowchartLabel(raw: string): string {
  return decodeEntities(raw.replace(/<br\s*\/?>/gi, '\n'));
}
