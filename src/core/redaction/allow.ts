import { ipv4At, parseIpv6 } from './ip';
import type { RedactionKind } from './kinds';

/**
 * Known-safe values a finding is checked against: documentation domains and addresses by default,
 * plus the team's `redaction.allow` entries — an exact value, an e-mail domain (`acme-status.io`,
 * subdomains included) or an IP range in CIDR form (`10.0.0.0/8`, `fd00::/8`).
 */
export const DEFAULT_ALLOWED_DOMAINS = ['example.com', 'example.org', 'example.net', 'example', 'test', 'invalid', 'localhost'];

/** RFC 5737 and RFC 3849 documentation ranges, loopback, the unspecified and broadcast addresses. */
export const DEFAULT_ALLOWED_RANGES = [
  '192.0.2.0/24', '198.51.100.0/24', '203.0.113.0/24', '127.0.0.0/8', '0.0.0.0/32', '255.255.255.255/32',
  '2001:db8::/32', '::1/128', '::/128',
  // The placeholder address writers already use when they redact by hand.
  '1.2.3.4',
  // Well-known public DNS resolvers: they appear in DNS outages and identify no one.
  '8.8.8.8', '8.8.4.4', '1.1.1.1', '1.0.0.1', '9.9.9.9', '2001:4860:4860::8888', '2001:4860:4860::8844', '2606:4700:4700::1111', '2606:4700:4700::1001',
];

/** Private and link-local ranges (RFC 1918, RFC 6598, RFC 3927, RFC 4193, RFC 4291): allowed with `allowPrivateIps`. */
export const PRIVATE_RANGES = [
  '10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10', '169.254.0.0/16', 'fc00::/7', 'fe80::/10',
];

interface Range {
  readonly bits: number[];
  readonly prefix: number;
}

/** An address as a list of bits (32 or 128), or undefined. */
function addressBits(value: string): number[] | undefined {
  const v4 = ipv4At(value, 0);
  if (v4 && v4.end === value.length) return toBits([v4.value >>> 16, v4.value & 0xffff], 16);
  const v6 = parseIpv6(value);
  return v6 ? toBits(v6, 16) : undefined;
}

function toBits(groups: readonly number[], width: number): number[] {
  const bits: number[] = [];
  for (const g of groups) for (let b = width - 1; b >= 0; b--) bits.push((g >>> b) & 1);
  return bits;
}

export function parseRange(entry: string): Range | undefined {
  const slash = entry.indexOf('/');
  const bits = addressBits(slash < 0 ? entry : entry.slice(0, slash));
  if (!bits) return undefined;
  const prefix = slash < 0 ? bits.length : Number(entry.slice(slash + 1));
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > bits.length) return undefined;
  return { bits, prefix };
}

function inRange(address: readonly number[], range: Range): boolean {
  if (address.length !== range.bits.length) return false;
  for (let i = 0; i < range.prefix; i++) if (address[i] !== range.bits[i]) return false;
  return true;
}

/** A compiled allow list. */
export class AllowList {
  private readonly values = new Set<string>();
  private readonly domains: string[] = [];
  private readonly ranges: Range[] = [];

  constructor(entries: readonly string[]) {
    for (const raw of entries) {
      const entry = raw.trim().toLowerCase();
      if (!entry) continue;
      this.values.add(entry);
      const range = parseRange(entry);
      if (range) this.ranges.push(range);
      else if (!entry.includes('@') || entry.startsWith('@')) this.domains.push(entry.replace(/^@/, ''));
    }
  }

  allows(kind: RedactionKind, value: string): boolean {
    // An address in a link may be percent-encoded (`dana%40example.com`): the allow list reads it decoded.
    const v = kind === 'email' ? value.toLowerCase().replace('%40', '@') : value.toLowerCase();
    if (this.values.has(v)) return true;
    if (kind === 'email') {
      const domain = v.slice(v.lastIndexOf('@') + 1);
      return isRoleAddress(v) || this.domains.some((d) => domain === d || domain.endsWith(`.${d}`));
    }
    if (kind === 'ip-address') {
      const bits = addressBits(v);
      return !!bits && this.ranges.some((r) => inRange(bits, r));
    }
    if (kind === 'phone') return isFictionalPhone(v);
    return false;
  }
}

/** Mailboxes of a role, not a person: `security@`, `support@`, `noreply@`, `sre-team@`. */
const ROLE_LOCAL_PARTS = new Set([
  'security', 'support', 'help', 'info', 'contact', 'abuse', 'postmaster', 'hostmaster', 'webmaster', 'noreply', 'no-reply',
  'donotreply', 'do-not-reply', 'notifications', 'press', 'privacy', 'sales', 'billing', 'status', 'ops', 'oncall', 'sre', 'incidents',
]);
const ROLE_SUFFIXES = ['-team', '-ops', '-oncall', '-alerts', '-announce', '-dev', '-users'];
/** Machine identities: cloud service accounts and GitHub's no-reply commit addresses. */
const MACHINE_DOMAINS = ['iam.gserviceaccount.com', 'users.noreply.github.com', 'developer.gserviceaccount.com'];

/**
 * Whether a (lower-case) address belongs to a role or a machine rather than a person: personal data
 * is about people, and a published `security@` contact is not one.
 */
export function isRoleAddress(address: string): boolean {
  const atSign = address.lastIndexOf('@');
  const local = address.slice(0, atSign);
  const domain = address.slice(atSign + 1);
  if (ROLE_LOCAL_PARTS.has(local) || ROLE_SUFFIXES.some((s) => local.endsWith(s))) return true;
  return MACHINE_DOMAINS.some((d) => domain === d || domain.endsWith(`.${d}`));
}

/**
 * North American numbers 555-0100 to 555-0199 are reserved for fiction and examples: only numbers
 * of the North American plan (`(415) 555-0123`, `1-415-555-0123`, `+1 415 555 0123`). Elsewhere
 * 555 01xx is an ordinary subscriber number (`+64 21 555 0123` is a New Zealand mobile, `+44 7700
 * 555 0150` a British one): those were allowed as fiction and never reported (trial14a F5).
 */
function isFictionalPhone(value: string): boolean {
  let digits = '';
  for (const ch of value) if (ch >= '0' && ch <= '9') digits += ch;
  const written = value.trimStart().toLowerCase();
  let national: string;
  if (written.startsWith('+') || written.startsWith('%2b')) {
    // With a country code: +1 only. (%2B: a `+` encoded in a link.)
    if (digits.length !== 11 || !digits.startsWith('1')) return false;
    national = digits.slice(1);
  } else if (written.startsWith('00')) {
    // The international prefix dialled from most of the world: 00 1 …
    if (digits.length !== 13 || !digits.startsWith('001')) return false;
    national = digits.slice(3);
  } else if (digits.length === 11 && digits.startsWith('1')) national = digits.slice(1);
  else if (digits.length === 10) national = digits;
  else return false;
  return national.slice(3, 8) === '55501';
}
