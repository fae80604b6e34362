import type { IncidentRecord } from './incident';

/** Tags written as `cause:<category>` name root-cause categories explicitly. */
export const CAUSE_TAG = /^(?:cause|root-cause):(.+)$/i;

/**
 * An incident's root-cause categories: its `cause:<category>` tags when it has any (the team's own
 * words), otherwise the categories of its fishbone diagrams that hold at least one cause.
 * Categories are compared case-insensitively and shown capitalised.
 */
export function rootCauseCategories(r: IncidentRecord): string[] {
  const fromTags = r.tags.map((t) => CAUSE_TAG.exec(t)?.[1].trim()).filter((t): t is string => !!t);
  const raw = fromTags.length ? fromTags : r.fishboneCategories;
  const seen = new Map<string, string>();
  for (const c of raw) {
    const key = c.toLowerCase().replace(/[-_]+/g, ' ');
    if (!seen.has(key)) seen.set(key, key.charAt(0).toUpperCase() + key.slice(1));
  }
  return [...seen.values()];
}
