import { at, isAlnum } from './chars';
import type { RedactionFinding } from './kinds';

const BEGIN = '-----BEGIN ';
const DASHES = '-----';
/** Longest label between `BEGIN ` and `-----` read (`ENCRYPTED PRIVATE KEY`, `PGP PRIVATE KEY BLOCK`). */
const MAX_LABEL = 40;

/**
 * PEM and PGP private-key blocks, from `-----BEGIN … PRIVATE KEY…-----` to the matching `-----END …-----`
 * line; a block cut off before its end line (a truncated paste) runs to the end of its base64 lines.
 * Public keys and certificates are not secrets and are left alone.
 */
export function findPrivateKeys(text: string): RedactionFinding[] {
  const out: RedactionFinding[] = [];
  const missingEnds = new Set<string>();
  let from = 0;
  for (;;) {
    const start = text.indexOf(BEGIN, from);
    if (start < 0) break;
    from = start + BEGIN.length;
    const labelEnd = text.indexOf(DASHES, from);
    if (labelEnd < 0 || labelEnd - from > MAX_LABEL) continue;
    const label = text.slice(from, labelEnd);
    if (!label.includes('PRIVATE KEY') || label.includes('\n')) continue;
    const endMarker = `-----END ${label}-----`;
    // A label whose end line is missing once is missing for every later block too: search once.
    const endAt = missingEnds.has(label) ? -1 : text.indexOf(endMarker, labelEnd);
    if (endAt < 0) missingEnds.add(label);
    let end: number;
    if (endAt >= 0) {
      end = endAt + endMarker.length;
    } else {
      // No end line (a truncated paste): the block's own lines, base64 or `Name: value` headers.
      end = labelEnd + DASHES.length;
      while (at(text, end) === 13 || at(text, end) === 10) {
        const lineStart = end + (at(text, end) === 13 && at(text, end + 1) === 10 ? 2 : 1);
        let i = lineStart;
        while (i < text.length && isKeyLineChar(text.charCodeAt(i))) i++;
        if (i === lineStart || (i < text.length && at(text, i) !== 10 && at(text, i) !== 13)) break;
        end = i;
      }
    }
    out.push({ kind: 'private-key', start, end, label: 'private-key' });
    from = end;
  }
  return out;
}

/** Characters of a PEM body or header line (`Proc-Type: 4,ENCRYPTED`). */
function isKeyLineChar(c: number): boolean {
  return isAlnum(c) || c === 43 || c === 47 || c === 61 || c === 58 || c === 44 || c === 45 || c === 32;
}
