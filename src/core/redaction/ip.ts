import { at, isDigit, isHex, isWordChar } from './chars';
import { findAtCandidates } from './candidates';
import type { RedactionFinding } from './kinds';
import { looksLikeVersion } from './versionContext';

/** An IPv4 address at `i` (four dotted decimal octets, no leading zeros): its end and value. */
export function ipv4At(text: string, i: number): { end: number; value: number } | undefined {
  let p = i;
  let value = 0;
  for (let part = 0; part < 4; part++) {
    if (part > 0) {
      if (at(text, p) !== 46) return undefined;
      p++;
    }
    const s = p;
    // The octet's value as its digits are read: no copy of every number in the text.
    let octet = 0;
    while (isDigit(at(text, p)) && p - s < 4) octet = octet * 10 + at(text, p++) - 48;
    const n = p - s;
    if (n === 0 || n > 3 || (n > 1 && at(text, s) === 48)) return undefined;
    if (octet > 255) return undefined;
    value = value * 256 + octet;
  }
  return { end: p, value };
}

/** The 8 groups of an IPv6 address written in `candidate`, or undefined when it is not one. */
export function parseIpv6(candidate: string): number[] | undefined {
  const halves = candidate.split('::');
  if (halves.length > 2) return undefined;
  const parse = (s: string): number[] | undefined => {
    if (s === '') return [];
    const groups = s.split(':');
    const out: number[] = [];
    for (const g of groups) {
      if (g.length < 1 || g.length > 4) return undefined;
      for (let k = 0; k < g.length; k++) if (!isHex(g.charCodeAt(k))) return undefined;
      out.push(parseInt(g, 16));
    }
    return out;
  };
  const head = parse(halves[0]);
  const tail = halves.length === 2 ? parse(halves[1]) : [];
  if (!head || !tail) return undefined;
  if (halves.length === 1) return head.length === 8 ? head : undefined;
  const written = head.length + tail.length;
  if (written > 7) return undefined;
  return [...head, ...new Array<number>(8 - written).fill(0), ...tail];
}

function isIpv6Char(c: number): boolean {
  return isHex(c) || c === 58;
}

/**
 * IPv4 and IPv6 addresses. IPv4: not part of a longer dotted number (`1.2.3.4.5`, OIDs) or word,
 * nor a version after a version word or a product's name (`OpenSSL 3.0.2.1`: versionContext.ts).
 * IPv6: the full eight groups, or a `::` form with at least three groups or a group of three or more
 * hex digits, so `a::b` in code and clock times (`10:20:30`, no `::`) are not taken.
 */
export function findIps(text: string): RedactionFinding[] {
  // Without a lone `::` (`:::` is Mermaid's class syntax; no address holds it) or seven colon groups
  // there is no IPv6 address to find, and an IPv4 address starts where four dotted numbers do: one
  // native search for those (most post-mortems) instead of findIpsAtEveryCharacter.
  if (LONE_DOUBLE_COLON.test(text) || SEVEN_GROUPS.test(text)) return findIpsAtEveryCharacter(text);
  return findAtCandidates(text, DOTTED_QUADS, ipv4FindingAt, 'ip-address');
}

/** `::` but not in a longer run of colons: `1:::2` is no address (parseIpv6 reads an empty group). */
const LONE_DOUBLE_COLON = /(?<!:)::(?!:)/;
/**
 * In every full IPv6 address (parseIpv6 wants 1–4 hex digits a group): seven groups each followed by
 * a colon, found from the first group's last digit (the same texts as `(?:[0-9A-Fa-f]{1,4}:){7}`,
 * which is five times slower: it tries every hex letter of the prose). Linear: a group cannot take a colon.
 */
const SEVEN_GROUPS = /[0-9A-Fa-f]:(?:[0-9A-Fa-f]{1,4}:){6}/;
/** Where an IPv4 address may start: four dotted numbers of one to three digits. */
const DOTTED_QUADS = /\d{1,3}\.\d{1,3}\.\d{1,3}\.\d/g;

/** The end of the IPv4 address findIps takes at `i`, if any: the same checks as in the scan below. */
function ipv4FindingAt(text: string, i: number): number | undefined {
  const before = at(text, i - 1);
  if (isWordChar(before) || before === 46 || before === 58 || before === 45) return undefined;
  const v4 = ipv4At(text, i);
  if (!v4) return undefined;
  const after = at(text, v4.end);
  const cidr = after === 47 && isDigit(at(text, v4.end + 1));
  if (isWordChar(after) || (after === 46 && isDigit(at(text, v4.end + 1))) || after === 45 || cidr || looksLikeVersion(text, i, v4.value)) return undefined;
  return v4.end;
}

/** findIps looking at every character (exported for the test that holds the search above to it). */
export function findIpsAtEveryCharacter(text: string): RedactionFinding[] {
  const out: RedactionFinding[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!isHex(c) && c !== 58) continue;
    const before = at(text, i - 1);
    if (isWordChar(before) || before === 46 || before === 58 || before === 45) continue;
    if (isDigit(c)) {
      const v4 = ipv4At(text, i);
      if (v4) {
        const after = at(text, v4.end);
        // `/16` after it: a network range (CIDR), configuration rather than a host's address.
        const cidr = after === 47 && isDigit(at(text, v4.end + 1));
        // `OpenSSL 3.0.2.1`, `Build 2.5.7.8`: a version, not an address (versionContext.ts).
        if (!isWordChar(after) && !(after === 46 && isDigit(at(text, v4.end + 1))) && after !== 45 && !cidr && !looksLikeVersion(text, i, v4.value)) {
          out.push({ kind: 'ip-address', start: i, end: v4.end, label: 'ip-address' });
          i = v4.end - 1;
          continue;
        }
      }
    }
    let end = i;
    let colons = 0;
    let doubleColon = false;
    while (end < text.length && end - i < 40 && isIpv6Char(text.charCodeAt(end))) {
      if (text.charCodeAt(end) === 58) {
        colons++;
        if (at(text, end - 1) === 58) doubleColon = true;
      }
      end++;
    }
    const after = at(text, end);
    if (end - i > 39 || isWordChar(after) || after === 58 || (after === 46 && isHex(at(text, end + 1)))) {
      i = end;
      continue;
    }
    // Most runs of hex characters are words ("deface", "added") or clock times ("14:09:00"): an
    // address has seven colons, or a `::` and at most eight (`1:2:3:4:5:6:7::`); only those are copied and parsed.
    if ((colons === 7 || (doubleColon && colons <= 8)) && isLikelyIpv6(text.slice(i, end))) {
      out.push({ kind: 'ip-address', start: i, end, label: 'ip-address' });
    }
    i = Math.max(i, end - 1);
  }
  return out;
}

function isLikelyIpv6(candidate: string): boolean {
  if (!parseIpv6(candidate)) return false;
  if (!candidate.includes('::')) return true;
  const groups = candidate.split(/:+/).filter(Boolean);
  return groups.length >= 3 || groups.some((g) => g.length >= 3);
}
