import type { LibraryEntry } from './entry';

/** What the library shows: every field is optional and compared case-insensitively (the text also ignoring accents). */
export interface LibraryFilter {
  readonly status?: string;
  readonly severity?: string;
  /** One of the entry's services. */
  readonly service?: string;
  /** Words that must all appear in the id, title, summary, services, factors or tags. */
  readonly text?: string;
}

export function isFilterEmpty(filter: LibraryFilter): boolean {
  return !filter.status?.trim() && !filter.severity?.trim() && !filter.service?.trim() && !filter.text?.trim();
}

export function matchesFilter(entry: LibraryEntry, filter: LibraryFilter): boolean {
  const s = entry.summary;
  if (filter.status?.trim() && !same(s.status, filter.status)) return false;
  if (filter.severity?.trim() && !same(s.severity, filter.severity)) return false;
  if (filter.service?.trim() && !s.services.some((x) => same(x, filter.service))) return false;
  const words = foldForSearch(filter.text ?? '').split(/\s+/).filter(Boolean);
  if (words.length) {
    const haystack = foldForSearch([s.id, entry.label, s.abstract, ...s.services, ...s.factors, ...s.tags].filter(Boolean).join('\n'));
    if (!words.every((w) => haystack.includes(w))) return false;
  }
  return true;
}

/** The filter in words, for the text above the tree: `status published, service checkout, "pool"`. */
export function describeFilter(filter: LibraryFilter): string {
  const parts: string[] = [];
  if (filter.status?.trim()) parts.push(`status ${filter.status.trim()}`);
  if (filter.severity?.trim()) parts.push(`severity ${filter.severity.trim()}`);
  if (filter.service?.trim()) parts.push(`service ${filter.service.trim()}`);
  if (filter.text?.trim()) parts.push(`"${filter.text.trim()}"`);
  return parts.join(', ');
}

/**
 * Lower case without accents, as people type a search: "cafe" finds "Café", "zurich" finds "Zürich"
 * (trial7 T17). NFD splits a letter from its combining marks, which are then dropped; ß, ø, æ and
 * other letters with no decomposition stay as they are.
 */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

function same(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && a.trim().toLowerCase() === b.trim().toLowerCase();
}
