import type { DatedIncident } from './durations';
import { ratio } from './stats';
import type { RepeatChain, RepeatMetrics } from './types';

const DAY = 86_400_000;

/**
 * Links an incident to an earlier one when they share a service and either the incident type or a
 * tag, and started within `windowDays`; `related` ids link too, whatever the dates. Chains are the
 * connected groups of linked incidents. `all` may reach before the report window (an incident in
 * the window can repeat an older one); only incidents of `inWindow` are counted in the rate.
 */
export function repeatMetrics(all: readonly DatedIncident[], inWindow: ReadonlySet<DatedIncident>, windowDays: number, startOf: (d: DatedIncident) => number): RepeatMetrics {
  const sorted = [...all].sort((a, b) => startOf(a) - startOf(b));
  const parent = sorted.map((_, i) => i);
  // Iterative, with path halving: a chain of thousands of linked incidents must not recurse per link.
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };
  const reasons = new Map<number, string[]>();
  const addReason = (i: number, j: number, reason: string) => {
    parent[find(i)] = find(j);
    const list = reasons.get(i);
    if (list) list.push(reason);
    else reasons.set(i, [reason]);
  };
  const append = <K,>(map: Map<K, number[]>, key: K, i: number) => {
    const list = map.get(key);
    if (list) list.push(i);
    else map.set(key, [i]);
  };
  const isRepeat = new Set<DatedIncident>();
  // Every incident carrying an id: two files under one id (a copied file, a reused id) are both
  // what a `related` link to it may mean, so it links to each and says so (trial18d F15).
  const byId = new Map<string, number[]>();
  sorted.forEach((d, i) => d.record.id && append(byId, d.record.id, i));

  // Group by service so the pairwise check stays small (incidents of one service in one window).
  const byService = new Map<string, number[]>();
  sorted.forEach((d, i) => d.record.services.forEach((s) => append(byService, s, i)));
  for (const [service, members] of byService) {
    for (let a = 0; a < members.length; a++) {
      const later = sorted[members[a]];
      let explained = false;
      for (let b = a - 1; b >= 0; b--) {
        const earlier = sorted[members[b]];
        if (startOf(later) - startOf(earlier) > windowDays * DAY) break;
        const sameType = later.record.incidentType !== undefined && later.record.incidentType === earlier.record.incidentType;
        const sharedTag = sameType ? undefined : later.record.tags.find((t) => earlier.record.tags.includes(t));
        if (!sameType && !sharedTag) continue;
        isRepeat.add(later);
        // Every match joins the chain; the nearest one explains it (one reason per repeat).
        if (explained) parent[find(members[a])] = find(members[b]);
        else addReason(members[a], members[b], `${later.label} repeats ${earlier.label}: ${service} ${sameType ? later.record.incidentType : `tag ${sharedTag}`} within ${windowDays} days`);
        explained = true;
      }
    }
  }
  const unknownRelated: { id: string; title?: string; uri: string; related: string }[] = [];
  sorted.forEach((d, i) => {
    for (const rel of d.record.related) {
      const carriers = byId.get(rel);
      if (carriers === undefined) {
        unknownRelated.push({ id: d.label, title: d.record.title, uri: d.record.uri, related: rel });
        continue;
      }
      const others = carriers.filter((j) => j !== i);
      const which = others.length > 1 ? ` (${others.length} post-mortems carry that id: linked to each, which one is meant is not known)` : '';
      for (const j of others) {
        // The later of the two is the repeat, whichever side wrote the link.
        isRepeat.add(startOf(sorted[j]) <= startOf(d) ? d : sorted[j]);
        addReason(i, j, `${d.label} lists ${rel} as related${which}`);
      }
    }
  });

  const groups = new Map<number, number[]>();
  sorted.forEach((_, i) => append(groups, find(i), i));
  const chains: RepeatChain[] = [];
  for (const members of groups.values()) {
    if (members.length < 2) continue;
    if (!members.some((i) => inWindow.has(sorted[i]))) continue;
    chains.push({
      incidents: members.map((i) => sorted[i].label),
      members: members.map((i) => ({ id: sorted[i].label, title: sorted[i].record.title, uri: sorted[i].record.uri })),
      reasons: capped([...new Set(members.flatMap((i) => reasons.get(i) ?? []))]),
    });
  }
  const repeats = [...isRepeat].filter((d) => inWindow.has(d)).length;
  return { windowDays, incidents: inWindow.size, repeats, rate: ratio(repeats, inWindow.size), chains, unknownRelated };
}

/** A chain of hundreds of incidents would list thousands of links: keep the first ones readable. */
const MAX_REASONS = 20;
function capped(reasons: string[]): string[] {
  return reasons.length <= MAX_REASONS ? reasons : [...reasons.slice(0, MAX_REASONS), `… and ${reasons.length - MAX_REASONS} more links`];
}
