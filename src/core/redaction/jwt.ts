import { at, isBase64Url, runEnd } from './chars';
import type { RedactionFinding } from './kinds';

/** Longest base64url part read; real tokens are far shorter, and a bound keeps every candidate cheap. */
const MAX_PART = 16_384;

/** The JSON a base64url part decodes to, or undefined. */
function decodeJson(part: string): unknown {
  try {
    const b64 = part.replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4)));
  } catch {
    return undefined;
  }
}

/**
 * JSON Web Tokens: `header.payload.signature`, each base64url, the header and payload JSON objects
 * (so both start `eyJ`, the encoding of `{"`). The header must decode to an object with `alg` or
 * `typ`: a random `eyJ…` string is not a token. An unsigned token (empty signature) still carries claims.
 */
export function findJwts(text: string): RedactionFinding[] {
  const out: RedactionFinding[] = [];
  let from = 0;
  for (;;) {
    const start = text.indexOf('eyJ', from);
    if (start < 0) break;
    from = start + 3;
    const before = at(text, start - 1);
    if (isBase64Url(before) || before === 46) continue;
    const headerEnd = runEnd(text, start, isBase64Url, MAX_PART);
    from = headerEnd;
    if (at(text, headerEnd) !== 46 || !text.startsWith('eyJ', headerEnd + 1)) continue;
    const payloadEnd = runEnd(text, headerEnd + 1, isBase64Url, MAX_PART);
    if (at(text, payloadEnd) !== 46) continue;
    const end = runEnd(text, payloadEnd + 1, isBase64Url, MAX_PART);
    from = end;
    if (at(text, end) === 46 && isBase64Url(at(text, end + 1))) continue; // four parts: not a JWS
    const header = decodeJson(text.slice(start, headerEnd));
    if (!header || typeof header !== 'object' || !('alg' in header || 'typ' in header)) continue;
    out.push({ kind: 'jwt', start, end, label: 'jwt' });
  }
  return out;
}
