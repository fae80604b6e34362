import { at, isDigit, isWordChar } from './chars';
import type { RedactionFinding } from './kinds';

/**
 * Phone numbers in link targets, where they are written without the spaces the prose scanner wants
 * (trial 13 F13: Slack exported `<tel:+6433050000|+64 3 305 0000>`; the label was redacted and the
 * target kept): after `tel:`, `sms:`, `callto:` and the like, after WhatsApp's `wa.me/`, and as the
 * value of a query parameter named for a phone (`?phone=%2B14158675309`, `&msisdn=…`). `to=` and
 * `from=` (Twilio, messaging APIs) count only with a `+`. Only the number is replaced:
 * `tel:[redacted: phone]` still says what the link was.
 */
export function findLinkPhones(text: string): RedactionFinding[] {
  const out: RedactionFinding[] = [];
  LINK_PREFIXES.lastIndex = 0;
  for (let m = LINK_PREFIXES.exec(text); m; m = LINK_PREFIXES.exec(text)) {
    const prefix = m[0].toLowerCase();
    const start = m.index + prefix.length;
    // `hotel:` is no scheme; a parameter's `?`/`&` already marks its start.
    if (isWordChar(at(text, m.index - 1)) && !isParameterStart(text.charCodeAt(m.index))) continue;
    const needsPlus = prefix.endsWith('to=') || prefix.endsWith('from=');
    const end = numberEnd(text, start, needsPlus);
    if (end === undefined) continue;
    out.push({ kind: 'phone', start, end, label: 'phone' });
    LINK_PREFIXES.lastIndex = end;
  }
  return out;
}

/**
 * Where a link's phone number may start: right after one of these. Literal alternatives only (each
 * place is tried against each once). The parameters are those of click-to-call and messaging links.
 */
const LINK_PREFIXES = /tel:|sms:|smsto:|callto:|facetime:|facetime-audio:|wa\.me\/|[?&;](?:phone|phone_number|phonenumber|phoneNumber|tel|telephone|mobile|cell|msisdn|whatsapp|to|from)=/gi;

/** `?`, `&` or `;`: what starts a query parameter. */
const isParameterStart = (c: number): boolean => c === 63 || c === 38 || c === 59;

/** The most characters a number in a link is read over (`+1-(415)-867-5309` and percent-encoded signs fit). */
const MAX_NUMBER = 40;

/**
 * The end of a number at `i`: an optional `+` (or `%2B`), then 7–15 digits separated by at most one
 * `-`, `.`, `%20`, space, `(` or `)` at a time (`tel:+64 3 305 0000` as typed); undefined when there
 * is none, or the digits run on into a word.
 */
export function numberEnd(text: string, i: number, needsPlus: boolean): number | undefined {
  let p = i;
  if (at(text, p) === 43) p++;
  else if (text.startsWith('%2B', p) || text.startsWith('%2b', p)) p += 3;
  else if (needsPlus) return undefined;
  const limit = Math.min(text.length, i + MAX_NUMBER);
  let digits = 0;
  let end = -1;
  let open = false;
  let separated = false;
  while (p < limit) {
    const c = text.charCodeAt(p);
    if (isDigit(c)) {
      digits++;
      p++;
      end = p;
      separated = false;
      continue;
    }
    if (c === 41 && open && !separated) {
      // `(415)`: the group closes inside the number.
      open = false;
      p++;
      end = p;
      continue;
    }
    if (separated) break;
    if (c === 40 && !open) open = true;
    else if (c === 45 || c === 46 || (c === 32 && isDigit(at(text, p + 1)))) {
      if (end < 0) return undefined;
    } else if (text.startsWith('%20', p)) {
      if (end < 0) return undefined;
      p += 2;
    } else break;
    p++;
    separated = true;
  }
  if (end < 0 || digits < 7 || digits > 15) return undefined;
  return isWordChar(at(text, end)) || (p >= limit && isDigit(at(text, p))) ? undefined : end;
}
