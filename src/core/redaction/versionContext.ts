import { at, isAlnum, isUpper } from './chars';

/**
 * Whether a dotted four-part number that reads as an IPv4 address is more likely a version
 * (trial T14: "OpenSSL 3.0.2.1", "Build 2.5.7.8"): the word just before it is a version word
 * (`version`, `build`, `release`, `v`, …), or a capitalised name (a product: `OpenSSL`, `Chrome`)
 * that is not an address word (`Host`, `Server`, `Customer`, …) and the number is not in a range
 * that only addresses use (private, loopback, link-local, shared, documentation). So `host
 * 10.0.0.12`, `Server 192.168.1.4` and `Customer 203.0.113.7` stay reported. One bounded look back.
 */
export function looksLikeVersion(text: string, start: number, value: number): boolean {
  const word = wordBefore(text, start);
  if (!word) return false;
  const lower = word.toLowerCase();
  if (VERSION_WORDS.has(lower)) return true;
  if (ADDRESS_WORDS.has(lower)) return false;
  const letters = countLetters(word);
  return isUpper(word.charCodeAt(0)) && letters >= 2 && !isAddressOnlyRange(value);
}

const MAX_WORD = 40;

/** The word before `start`, past at most three spaces, tabs or colons (`Build: 2.5.7.8`), or ''. */
function wordBefore(text: string, start: number): string {
  let p = start - 1;
  let skipped = 0;
  while (skipped < 3 && (at(text, p) === 32 || at(text, p) === 9 || at(text, p) === 58)) {
    p--;
    skipped++;
  }
  if (skipped === 0) return '';
  const end = p + 1;
  while (end - p <= MAX_WORD && isWordPart(at(text, p))) p--;
  if (end - p > MAX_WORD) return '';
  // `Node.js` and `go1.21` keep their dots; a trailing one is the sentence's.
  let word = text.slice(p + 1, end);
  while (word.endsWith('.') || word.endsWith('-')) word = word.slice(0, -1);
  return word;
}

function isWordPart(c: number): boolean {
  return isAlnum(c) || c === 95 || c === 45 || c === 46 || c === 43;
}

function countLetters(word: string): number {
  let n = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) n++;
  }
  return n;
}

const VERSION_WORDS = new Set([
  'v', 'ver', 'version', 'versions', 'release', 'rel', 'build', 'builds', 'firmware', 'fw', 'kernel', 'patch',
  'rev', 'revision', 'update', 'sdk', 'driver', 'bios', 'agent', 'package', 'pkg', 'tag', 'image', 'bump', 'bumped',
]);

const ADDRESS_WORDS = new Set([
  'ip', 'ips', 'ipv4', 'address', 'addresses', 'addr', 'host', 'hosts', 'hostname', 'server', 'servers', 'node', 'nodes',
  'instance', 'vm', 'pod', 'gateway', 'gw', 'router', 'peer', 'client', 'customer', 'user', 'source', 'src',
  'destination', 'dst', 'dest', 'from', 'to', 'via', 'at', 'origin', 'remote', 'proxy', 'resolver', 'dns',
  'nameserver', 'lb', 'endpoint', 'machine', 'box', 'device', 'target', 'upstream', 'backend', 'primary',
  'replica', 'secondary', 'worker', 'database', 'db', 'vip', 'nat', 'egress', 'ingress', 'public', 'private',
]);

/** Private, loopback, link-local, shared (CGNAT), "this network" and documentation ranges. */
function isAddressOnlyRange(value: number): boolean {
  const a = Math.floor(value / 16_777_216);
  const b = Math.floor(value / 65_536) % 256;
  const c = Math.floor(value / 256) % 256;
  return a === 0 || a === 10 || a === 127 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127) ||
    (a === 192 && b === 0 && c === 2) || (a === 198 && b === 51 && c === 100) || (a === 203 && b === 0 && c === 113);
}
