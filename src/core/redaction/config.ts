import { AllowList, DEFAULT_ALLOWED_DOMAINS, DEFAULT_ALLOWED_RANGES, PRIVATE_RANGES } from './allow';
import { compileTeamPattern, type TeamPattern } from './teamPatterns';

/** `redaction` in `.postmortemrc.json` (and the editor's `postmortem.redaction` setting). */
export interface UserRedactionConfig {
  /** Known-safe values: exact values, e-mail domains, IP ranges (CIDR). Added to the defaults. */
  allow?: string[];
  /** Team patterns, e.g. `{ "name": "customer-id", "pattern": "CUS-\\d{6}" }`. */
  patterns?: { name: string; pattern: string }[];
  /** Allow private, CGNAT and link-local IP addresses (10.x, 192.168.x, fd00::, …). Default false. */
  allowPrivateIps?: boolean;
}

export interface RedactionSettings {
  readonly allow: readonly string[];
  readonly patterns: readonly TeamPattern[];
  readonly allowPrivateIps: boolean;
}

export const DEFAULT_REDACTION: RedactionSettings = { allow: [], patterns: [], allowPrivateIps: false };

/** Merges one config layer's `redaction` over `base`; problems are pushed, never thrown. */
export function resolveRedaction(value: unknown, base: RedactionSettings, problems: string[]): RedactionSettings {
  if (value === undefined) return base;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problems.push(`Expected "redaction" to be an object like { "allow": ["acme-status.io"], "patterns": [{ "name": "customer-id", "pattern": "CUS-\\\\d{6}" }] }, found ${JSON.stringify(value)}`);
    return base;
  }
  const layer = value as Record<string, unknown>;
  let { allow, patterns, allowPrivateIps } = base;
  if (layer.allow !== undefined) {
    if (Array.isArray(layer.allow) && layer.allow.every((v) => typeof v === 'string')) allow = [...allow, ...(layer.allow as string[])];
    else problems.push(`Expected "redaction.allow" to be a list of strings, found ${JSON.stringify(layer.allow)}`);
  }
  if (layer.allowPrivateIps !== undefined) {
    if (typeof layer.allowPrivateIps === 'boolean') allowPrivateIps = layer.allowPrivateIps;
    else problems.push(`Expected "redaction.allowPrivateIps" to be true or false, found ${JSON.stringify(layer.allowPrivateIps)}`);
  }
  if (layer.patterns !== undefined) {
    if (!Array.isArray(layer.patterns)) {
      problems.push(`Expected "redaction.patterns" to be a list of { "name", "pattern" }, found ${JSON.stringify(layer.patterns)}`);
    } else {
      const compiled = [...patterns];
      for (const p of layer.patterns as unknown[]) {
        const { name, pattern } = (p ?? {}) as Record<string, unknown>;
        if (typeof name !== 'string' || !/^[a-z0-9][a-z0-9-]{0,40}$/i.test(name) || typeof pattern !== 'string') {
          problems.push(`Expected each of "redaction.patterns" to be { "name": "customer-id", "pattern": "CUS-\\\\d{6}" } (name: letters, digits, "-"), found ${JSON.stringify(p)}`);
          continue;
        }
        try {
          compiled.push(compileTeamPattern(name, pattern));
        } catch (e) {
          problems.push(`Expected "redaction.patterns" entry "${name}" to be a supported pattern; ${JSON.stringify(pattern)} ${(e as Error).message}`);
        }
      }
      patterns = compiled;
    }
  }
  return { allow, patterns, allowPrivateIps };
}

const allowLists = new WeakMap<RedactionSettings, AllowList>();

/** The compiled allow list of `settings`: the defaults, private ranges when allowed, the team's entries. */
export function allowListOf(settings: RedactionSettings): AllowList {
  let list = allowLists.get(settings);
  if (!list) {
    list = new AllowList([...DEFAULT_ALLOWED_DOMAINS, ...DEFAULT_ALLOWED_RANGES, ...(settings.allowPrivateIps ? PRIVATE_RANGES : []), ...settings.allow]);
    allowLists.set(settings, list);
  }
  return list;
}
