/**
 * Which `ABC-123` words are tracker keys. JIRA-style keys (`OPS-123`, `PAY2-7`) share their shape
 * with names of encodings, hashes and standards (`UTF-8`, `SHA-256`, `TLS-1`, `ISO-8601`), which
 * action items mention all the time ("Fix UTF-8 decoding"). The shape alone cannot tell them apart,
 * so the project part is checked against the well-known technical prefixes below: none of them is a
 * plausible tracker project, and missing a real key called `SHA-1` is cheaper than turning every
 * hash name into a ticket (which also hid the real key later on the line).
 */
export const TECHNICAL_PREFIXES: ReadonlySet<string> = new Set([
  // Encodings, hashes, ciphers, checksums.
  'UTF', 'UCS', 'ASCII', 'BASE', 'SHA', 'MD', 'HMAC', 'AES', 'DES', 'RSA', 'ECDSA', 'ED', 'CRC', 'ARGON',
  // Protocols and their versions.
  'TLS', 'SSL', 'DTLS', 'HTTP', 'HTTPS', 'IPV', 'TCP', 'UDP', 'QUIC', 'SMTP', 'OAUTH', 'SAML',
  // Standards bodies, advisories, compliance, incident grades.
  'ISO', 'IEC', 'IEEE', 'RFC', 'ECMA', 'ES', 'ANSI', 'PEP', 'CVE', 'CWE', 'GHSA', 'SOC', 'PCI', 'NIST', 'SEV',
  // Other names with a dash and a number.
  'COVID', 'GPT', 'WCAG',
]);

/** `OPS-123`: an upper-case project (letter first, two or more characters), a dash, a number. */
export const KEY_SHAPE = /^([A-Z][A-Z0-9]+)-\d+$/;

/** True for a tracker key: the key shape, and a project part that is not a technical prefix. */
export function isTicketKey(word: string): boolean {
  const m = KEY_SHAPE.exec(word);
  return m !== null && !TECHNICAL_PREFIXES.has(m[1]);
}
