import type { RedactionSettings } from './config';
import type { RedactionFinding } from './kinds';
import { findSensitive } from './scan';

/** How many cuts after an `@` are tried in one name: bounds the work on a hostile path. */
const MAX_CUTS = 32;

/**
 * What the redaction check finds in one file or folder name (no `/`). The address check declines
 * `jane.doe@acme.com-outage.md`: its domain runs on into `-outage.md`, and `.md` is a file ending,
 * no top-level domain. A name that goes to a third party (a ticket body) is checked again with one
 * `-`, `_` or `.` after the `@` read as a space, the rightmost cut that gives an address first (the
 * longest domain: `acme.co.uk`, not `acme.co`), so the address in it is found (trial15a F9).
 */
export function findInFileName(name: string, settings: RedactionSettings): RedactionFinding[] {
  const found = findSensitive(name, settings);
  const at = name.indexOf('@');
  if (at < 0 || found.some((f) => f.kind === 'email' && f.start <= at && at < f.end)) return found;
  let tried = 0;
  for (let cut = name.length - 1; cut > at && tried < MAX_CUTS; cut--) {
    const ch = name[cut];
    if (ch !== '-' && ch !== '_' && ch !== '.') continue;
    tried++;
    // One character for one: the offsets found in the spaced name are the name's own.
    const email = findSensitive(`${name.slice(0, cut)} ${name.slice(cut + 1)}`, settings).find((f) => f.kind === 'email' && f.start <= at && at < f.end);
    if (email) return [...found.filter((f) => f.end <= email.start || f.start >= email.end), email].sort((a, b) => a.start - b.start);
  }
  return found;
}
