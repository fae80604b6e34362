/** A contributing factor of the vocabulary: the id written in `factors:` and what it means. */
export interface Factor {
  readonly id: string;
  readonly description: string;
}

/**
 * The default vocabulary of contributing factors: the system conditions that keep causing
 * incidents (after the taxonomies of incident tools and the SRE workbook), never a person.
 * `.postmortemrc.json` adds to it (`"factors": { "id": "description" }`) or replaces it
 * (`"factorsReplace": true`).
 */
export const DEFAULT_FACTORS: readonly Factor[] = [
  { id: 'change', description: 'A deploy, release, migration or feature-flag change started or worsened the incident.' },
  { id: 'configuration', description: 'A configuration value, limit or default was wrong, or changed unnoticed.' },
  { id: 'capacity', description: 'Load exceeded capacity: connection pools, quotas, rate limits, CPU, memory or disk.' },
  { id: 'dependency', description: 'A third-party or internal dependency failed, slowed down or changed its behaviour.' },
  { id: 'expiry', description: 'A certificate, credential, token, domain or licence expired.' },
  { id: 'infrastructure', description: 'Hardware, network, cloud provider or platform failure.' },
  { id: 'data', description: 'Bad, corrupt, unexpected or oversized data, or a schema mismatch.' },
  { id: 'monitoring-gap', description: 'Alerts, dashboards or logs missed the problem or showed it late.' },
  { id: 'testing-gap', description: 'Tests, canaries or staging did not exercise the failing case.' },
  { id: 'process-gap', description: 'A review, approval or rollout process did not catch the risk.' },
  { id: 'runbook-gap', description: 'No runbook, or the runbook was missing a step or out of date.' },
  { id: 'communication', description: 'Escalation, handoffs or status communication slowed the response.' },
  { id: 'security', description: 'An attack, abuse, or a leaked secret.' },
];

/** The schema's shape for a factor id: lower case words joined by `-` (`monitoring-gap`). */
export const FACTOR_ID = /^[a-z0-9]+(?:[-_/.][a-z0-9]+)*$/;

/**
 * Merges a `.postmortemrc.json` layer's `factors` (an object of id → description) over `current`.
 * Problems are pushed in the config's words; bad entries are skipped, never thrown.
 */
export function mergeFactors(current: readonly Factor[], value: unknown, replace: boolean, problems: string[]): readonly Factor[] {
  if (value === undefined) return replace ? [] : current;
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    problems.push(`Expected "factors" to be an object of factor ids and descriptions, like { "pool-exhaustion": "A connection pool ran out" }, found ${JSON.stringify(value)}`);
    return current;
  }
  const merged = new Map((replace ? [] : current).map((f) => [f.id, f]));
  for (const [id, description] of Object.entries(value as Record<string, unknown>)) {
    if (!FACTOR_ID.test(id)) {
      problems.push(`Expected factor ids in "factors" to be lower-case words joined by "-" (like monitoring-gap), found ${JSON.stringify(id)}`);
      continue;
    }
    if (typeof description !== 'string') {
      problems.push(`Expected the description of factor "${id}" in "factors" to be a string, found ${JSON.stringify(description)}`);
      continue;
    }
    merged.set(id, { id, description });
  }
  return [...merged.values()];
}
