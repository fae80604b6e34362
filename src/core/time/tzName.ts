/**
 * The zone name a `TZ` value gives, before asking whether it is an IANA zone: POSIX allows a leading
 * `:` (`TZ=:Asia/Kolkata`), and glibc and macOS read a path to a zone file
 * (`TZ=/usr/share/zoneinfo/Asia/Kolkata`, `TZ=:/var/db/timezone/zoneinfo/Europe/Paris`), whose
 * zone is the part after the `zoneinfo/` folder (after its `posix/` or `right/` variants too).
 * Node's Intl does not read such a path and fell back to UTC (trial13a F11: a Kolkata writer's times
 * went in 5 h 30 min late). Anything else is returned as written (trimmed), for the caller to check.
 */
export function tzZoneName(tz: string): string {
  const written = tz.trim().replace(/^:/, '').trim();
  const path = written.replace(/\\/g, '/');
  const at = path.lastIndexOf('zoneinfo/');
  if (at < 0 || !(at === 0 || path[at - 1] === '/')) return written;
  const rest = path.slice(at + 'zoneinfo/'.length);
  return rest.startsWith('posix/') ? rest.slice(6) : rest.startsWith('right/') ? rest.slice(6) : rest;
}
