
/**
 * Post-mortems that carry one `id` (lint's front-matter/duplicate-id) and how the metrics count them
 * (`list` lists every file, and says the same).
 * A file with the id and the start of an earlier one is a copy of that incident (a working copy, a
 * renamed file, a conversion written twice): it is left out, so MTTR, the severity counts and the
 * open items count the incident once, as the first file (in the order given: path order in the
 * CLI). Files with one id but different starts are different incidents under one id: each counts.
 * Either way the metrics say so (trial 14a F7: 3 copies were "3 incidents" with no word, exit 0).
 */
export interface SharedId {
  readonly id: string;
  /** Every file with the id, in the order given. */
  readonly uris: readonly string[];
  /** The files counted, one per distinct start. */
  readonly counted: readonly string[];
  /** The copies left out (same id and start as a counted file). */
  readonly leftOut: readonly string[];
}

/** How to read a record (a metrics record, a list row): its file, id and start (epoch ms). */
export interface IncidentKey<T> {
  readonly uri: (r: T) => string;
  readonly id: (r: T) => string | undefined;
  readonly start: (r: T) => number | undefined;
  /** The file's name in messages. */
  readonly label: (uri: string) => string;
}

/** The records to count (copies left out, order kept) and each id that more than one file carries. */
export function countOncePerIncident<T>(records: readonly T[], key: IncidentKey<T>, host: 'metrics' | 'list' = 'metrics'): { kept: T[]; shared: SharedId[]; notes: { uri: string; message: string }[] } {
  const label = key.label;
  const byId = new Map<string, T[]>();
  for (const r of records) {
    const id = key.id(r)?.trim();
    if (!id) continue;
    const list = byId.get(id);
    if (list) list.push(r);
    else byId.set(id, [r]);
  }
  const dropped = new Set<T>();
  const shared: SharedId[] = [];
  const notes: { uri: string; message: string }[] = [];
  for (const [id, group] of byId) {
    if (group.length < 2) continue;
    const firstByStart = new Set<string>();
    const counted: string[] = [];
    const leftOut: string[] = [];
    for (const r of group) {
      const start = key.start(r);
      const when = start === undefined ? 'undated' : String(start);
      if (firstByStart.has(when)) {
        dropped.add(r);
        leftOut.push(key.uri(r));
      } else {
        firstByStart.add(when);
        counted.push(key.uri(r));
      }
    }
    const uris = group.map(key.uri);
    shared.push({ id, uris, counted, leftOut });
    notes.push({ uri: uris[0]!, message: sharedIdMessage(id, uris.map(label), counted.map(label), leftOut.map(label), host) });
  }
  return { kept: dropped.size ? records.filter((r) => !dropped.has(r)) : [...records], shared, notes };
}

function sharedIdMessage(id: string, all: readonly string[], counted: readonly string[], leftOut: readonly string[], host: 'metrics' | 'list'): string {
  const files = `${all.length} files carry the id ${JSON.stringify(id)} (${all.join(', ')})`;
  const same = leftOut.length === 1 ? 'has' : 'have';
  const first = counted.length === 1 ? counted[0] : 'a file before';
  const copies = !leftOut.length ? '' : host === 'metrics'
    ? `; ${leftOut.join(', ')} ${same} the same start as ${first}: left out as ${leftOut.length === 1 ? 'a copy' : 'copies'} of that incident`
    : `; ${leftOut.join(', ')} ${same} the same start as ${first}: ${leftOut.length === 1 ? 'a copy' : 'copies'} of that incident, listed here but counted once by \`postmortem metrics\``;
  const apart = counted.length > 1 ? `; ${counted.join(', ')} start at different times: ${host === 'metrics' ? 'counted' : 'listed'} as ${counted.length} incidents` : host === 'metrics' ? `; counted once, as ${counted[0]}` : '';
  return `${files}${copies}${apart}. Delete a copy, or give a different incident its own id (lint: front-matter/duplicate-id)`;
}
