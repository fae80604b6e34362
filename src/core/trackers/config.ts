import { ownerKey } from '../actions/ownerKey';
/**
 * The tracker part of `.postmortemrc.json`:
 *
 *   "tracker": { "type": "github", "repository": "acme/shop", "labels": ["postmortem"] },
 *   "owners": { "dana": { "github": "dana-l", "jira": "5b10a2844c20165700ede21g" } }
 *
 * Each provider in registry.ts says which fields it needs; problems are phrased like the other
 * config problems (`Expected "tracker.repository" …`) so hosts report them the same way.
 */
import { TRACKERS, trackerTypes } from './registry';

export interface TrackerConfig {
  readonly type: string;
  /** The provider's own fields (repository, project, site, issueType, url, …), checked by it. */
  readonly fields: Readonly<Record<string, string>>;
  readonly labels: readonly string[];
}

/** `@owner` (without `@`, lower-case) → user name per tracker type. */
export type OwnerMap = Readonly<Record<string, Readonly<Record<string, string>>>>;

/** Reads `tracker` from one config layer; `undefined` when absent or unusable (problems say why). */
export function readTrackerConfig(value: unknown, problems: string[]): TrackerConfig | undefined {
  if (value === undefined) return undefined;
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    problems.push(`Expected "tracker" to be an object like { "type": "github", "repository": "acme/shop" }, found ${JSON.stringify(value)}`);
    return undefined;
  }
  const { type, labels, ...rest } = value as Record<string, unknown>;
  const provider = typeof type === 'string' && Object.hasOwn(TRACKERS, type) ? TRACKERS[type] : undefined;
  if (!provider) {
    problems.push(`Expected "tracker.type" to be one of ${trackerTypes().join(', ')}, found ${JSON.stringify(type)}`);
    return undefined;
  }
  let ok = true;
  const fields: Record<string, string> = {};
  for (const [name, v] of Object.entries(rest)) {
    const field = provider.fields.find((f) => f.name === name);
    if (!field) {
      problems.push(`Expected "tracker.${name}" not to be there: a ${type} tracker takes ${provider.fields.map((f) => f.name).concat('labels').join(', ')}`);
      ok = false;
    } else if (typeof v !== 'string' || !field.pattern.test(v)) {
      problems.push(`Expected "tracker.${name}" to be ${field.shape}, found ${JSON.stringify(v)}`);
      ok = false;
    } else {
      fields[name] = v;
    }
  }
  for (const field of provider.fields) {
    if (field.required && fields[field.name] === undefined && !problems.some((p) => p.includes(`"tracker.${field.name}"`))) {
      problems.push(`Expected "tracker.${field.name}" (${field.shape}) for a ${type} tracker`);
      ok = false;
    }
  }
  let labelList: string[] = [];
  if (labels !== undefined) {
    if (Array.isArray(labels) && labels.every((l) => typeof l === 'string' && l.trim() !== '' && l.length <= 100)) labelList = labels as string[];
    else {
      problems.push(`Expected "tracker.labels" to be a list of label names, found ${JSON.stringify(labels)}`);
      ok = false;
    }
  }
  return ok ? { type: type as string, fields, labels: labelList } : undefined;
}

/** Reads `owners` from one config layer. */
export function readOwnerMap(value: unknown, problems: string[]): OwnerMap | undefined {
  if (value === undefined) return undefined;
  const shape = '{ "dana": { "github": "dana-l" } }';
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    problems.push(`Expected "owners" to be an object like ${shape}, found ${JSON.stringify(value)}`);
    return undefined;
  }
  const map: Record<string, Record<string, string>> = {};
  for (const [owner, users] of Object.entries(value as Record<string, unknown>)) {
    if (!users || typeof users !== 'object' || Array.isArray(users) || !Object.values(users).every((u) => typeof u === 'string' && u.trim() !== '')) {
      problems.push(`Expected "owners.${owner}" to map tracker types to user names, like ${shape}, found ${JSON.stringify(users)}`);
      continue;
    }
    for (const t of Object.keys(users)) {
      if (!Object.hasOwn(TRACKERS, t)) problems.push(`Expected "owners.${owner}" to use tracker types (${trackerTypes().join(', ')}) as keys, found "${t}"`);
    }
    map[ownerKey(owner)] = { ...(users as Record<string, string>) };
  }
  return map;
}

/** The tracker user for an item's `@owner`, when the owners map names one (case-insensitive). */
export function trackerUser(owners: OwnerMap, owner: string | undefined, type: string): string | undefined {
  if (!owner) return undefined;
  const users = owners[ownerKey(owner)];
  return users && Object.hasOwn(users, type) ? users[type] : undefined;
}
