import { SECTION_ORDER, sectionIdOf, type SectionId } from '../document/sectionNames';
import { DEFAULT_CONFIG, type ResolvedConfig, type RuleSetting, type UserConfig } from './config';
import { unknownRuleProblem } from './ruleNames';
import { readOwnerMap, readTrackerConfig } from '../trackers/config';
import { mergeFactors } from '../library/factors';
import { resolveRedaction } from '../redaction/config';

const SETTINGS: readonly RuleSetting[] = ['off', 'error', 'warning', 'info', 'hint'];
const WARNING_FROM = ['draft', 'in-review', 'published', 'never'] as const;

/**
 * Merge user configs (lowest precedence first: editor settings, then `.postmortemrc.json` files
 * from the root down) over the defaults. Unknown or ill-typed values are reported, never thrown.
 */
export function resolveConfig(...layers: readonly (UserConfig | undefined)[]): ResolvedConfig {
  const problems: string[] = [];
  let config: { -readonly [K in keyof ResolvedConfig]: ResolvedConfig[K] } = { ...DEFAULT_CONFIG, problems };
  for (const layer of layers) {
    if (!layer) continue;
    if (typeof layer !== 'object' || Array.isArray(layer)) {
      problems.push('Expected the configuration to be a JSON object');
      continue;
    }
    config = { ...config };
    if (layer.rules !== undefined && (typeof layer.rules !== 'object' || layer.rules === null || Array.isArray(layer.rules))) {
      problems.push(`Expected "rules" to be an object of rule codes and severities, like { "timeline/not-utc": "warning" }, found ${JSON.stringify(layer.rules)}`);
    } else if (layer.rules !== undefined) {
      const rules = { ...config.rules };
      for (const [code, value] of Object.entries(layer.rules)) {
        const unknown = unknownRuleProblem(code);
        if (unknown) problems.push(unknown);
        const v = ((value as unknown) === false ? 'off' : value) as RuleSetting;
        if (SETTINGS.includes(v)) rules[code] = v;
        else problems.push(`Expected rule "${code}" to be one of ${SETTINGS.join(', ')}, found ${JSON.stringify(value)}`);
      }
      config.rules = rules;
    }
    const sections = (value: unknown, name: string): SectionId[] | undefined => {
      if (value === undefined) return undefined;
      if (!Array.isArray(value)) {
        problems.push(`Expected "${name}" to be a list of section names`);
        return undefined;
      }
      const ids: SectionId[] = [];
      for (const v of value) {
        const id = (SECTION_ORDER as readonly string[]).includes(String(v)) ? (String(v) as SectionId) : sectionIdOf(String(v));
        if (id) ids.push(id);
        else problems.push(`Unknown section "${String(v)}" in "${name}"; expected one of ${SECTION_ORDER.join(', ')}`);
      }
      return ids;
    };
    config.requiredSections = sections(layer.requiredSections, 'requiredSections') ?? config.requiredSections;
    config.requiredSectionsDraft = sections(layer.requiredSectionsDraft, 'requiredSectionsDraft') ?? config.requiredSectionsDraft;
    if (layer.requiredSectionsBySeverity !== undefined) {
      const bySeverity = layer.requiredSectionsBySeverity;
      if (!bySeverity || typeof bySeverity !== 'object' || Array.isArray(bySeverity)) {
        problems.push(`Expected "requiredSectionsBySeverity" to be an object of severities and section lists, like { "SEV4": ["summary", "timeline", "action-items"] }, found ${JSON.stringify(bySeverity)}`);
      } else {
        const merged: Record<string, readonly SectionId[]> = { ...config.requiredSectionsBySeverity };
        for (const [key, list] of Object.entries(bySeverity)) {
          const severity = /^sev[1-4]$/i.test(key.trim()) ? key.trim().toUpperCase() : undefined;
          if (!severity) problems.push(`Unknown severity "${key}" in "requiredSectionsBySeverity"; expected SEV1, SEV2, SEV3 or SEV4`);
          const ids = sections(list, 'requiredSectionsBySeverity');
          if (severity && ids) merged[severity] = ids;
        }
        config.requiredSectionsBySeverity = merged;
      }
    }
    if (layer.templatesFolder !== undefined) {
      if (typeof layer.templatesFolder === 'string' && layer.templatesFolder.trim()) config.templatesFolder = layer.templatesFolder.trim();
      else problems.push(`Expected "templatesFolder" to be a folder path relative to the repository root, like ".postmortem/templates", found ${JSON.stringify(layer.templatesFolder)}`);
    }
    const positive = (value: unknown, name: string, fallback: number): number => {
      if (value === undefined) return fallback;
      if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return value;
      problems.push(`Expected "${name}" to be a non-negative number, found ${JSON.stringify(value)}`);
      return fallback;
    };
    config.reviewDeadlineHours = positive(layer.reviewDeadlineHours, 'reviewDeadlineHours', config.reviewDeadlineHours);
    config.fiveWhysMinDepth = positive(layer.fiveWhysMinDepth, 'fiveWhysMinDepth', config.fiveWhysMinDepth);
    config.timelineMarginMinutes = positive(layer.timelineMarginMinutes, 'timelineMarginMinutes', config.timelineMarginMinutes);
    config.requiredApprovals = Math.floor(positive(layer.requiredApprovals, 'requiredApprovals', config.requiredApprovals));
    const dueDays = positive(layer.defaultDueDays, 'defaultDueDays', config.defaultDueDays);
    if (Number.isInteger(dueDays)) config.defaultDueDays = dueDays;
    else problems.push(`Expected "defaultDueDays" to be a whole number of days, found ${JSON.stringify(layer.defaultDueDays)}`);
    if (layer.blamelessWarningFrom !== undefined) {
      if ((WARNING_FROM as readonly unknown[]).includes(layer.blamelessWarningFrom)) config.blamelessWarningFrom = layer.blamelessWarningFrom;
      else problems.push(`Expected "blamelessWarningFrom" to be one of ${WARNING_FROM.join(', ')}, found ${JSON.stringify(layer.blamelessWarningFrom)}`);
    }
    if (layer.tracker !== undefined) {
      // An unusable tracker section is not replaced by a farther file's: nothing is sent to a tracker the user did not mean.
      const tracker = readTrackerConfig(layer.tracker, problems);
      if (tracker) config.tracker = tracker;
      else delete config.tracker;
    }
    const owners = readOwnerMap(layer.owners, problems);
    if (owners) config.owners = { ...config.owners, ...owners };
    const strings = (value: unknown, name: string): string[] | undefined => {
      if (value === undefined) return undefined;
      if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
      problems.push(`Expected "${name}" to be a list of strings`);
      return undefined;
    };
    const phrases = strings(layer.blamelessPhrases, 'blamelessPhrases');
    if (layer.blamelessPhrasesReplace !== undefined) config.blamelessPhrasesReplace = layer.blamelessPhrasesReplace === true;
    if (phrases) config.blamelessPhrases = [...(layer.blamelessPhrasesReplace ? [] : config.blamelessPhrases), ...phrases];
    config.globs = strings(layer.globs, 'globs') ?? config.globs;
    if (layer.factors !== undefined || layer.factorsReplace === true) config.factors = mergeFactors(config.factors, layer.factors, layer.factorsReplace === true, problems);
    config.redaction = resolveRedaction(layer.redaction, config.redaction, problems);
    if (layer.severityScale !== undefined) config.severityScale = mergeSeverityScale(config.severityScale, layer.severityScale, problems);
    if (layer.sectionAliases && typeof layer.sectionAliases === 'object') {
      const aliases = { ...config.sectionAliases } as Record<SectionId, readonly string[]>;
      for (const [id, names] of Object.entries(layer.sectionAliases)) {
        if (!(SECTION_ORDER as readonly string[]).includes(id)) {
          problems.push(`Unknown section "${id}" in "sectionAliases"`);
          continue;
        }
        const list = strings(names, `sectionAliases.${id}`);
        if (list) aliases[id as SectionId] = [...aliases[id as SectionId], ...list.map((n) => n.toLowerCase().trim())];
      }
      config.sectionAliases = aliases;
    }
  }
  return config;
}

/** The settings a problem message is about, so a command can tell its own from another's. */
const SETTING_NAMES: readonly (keyof UserConfig)[] = [
  'rules', 'requiredSections', 'requiredSectionsDraft', 'requiredSectionsBySeverity', 'templatesFolder', 'reviewDeadlineHours', 'blamelessPhrases', 'blamelessPhrasesReplace',
  'fiveWhysMinDepth', 'globs', 'sectionAliases', 'timelineMarginMinutes', 'requiredApprovals', 'defaultDueDays', 'blamelessWarningFrom', 'redaction',
  'tracker', 'owners',
  'factors', 'factorsReplace', 'severityScale',
];

/**
 * Which setting a config problem is about (`rules` for `Expected rule "x" …`), or undefined when
 * it is about the file as a whole (unreadable, not JSON). `postmortem actions` uses it to treat a
 * typo in a lint severity as a warning: it does not change which action items are listed.
 */
export function settingOfProblem(problem: string): keyof UserConfig | undefined {
  if (/\brule "/.test(problem)) return 'rules';
  // `Unknown section "x" in "requiredSections"`, `Expected "sectionAliases.timeline" to be …`.
  const name = / in "([A-Za-z]+)"/.exec(problem)?.[1] ?? /Expected "([A-Za-z]+)[."]/.exec(problem)?.[1];
  return name && (SETTING_NAMES as readonly string[]).includes(name) ? (name as keyof UserConfig) : undefined;
}

/** A severity word as `--severity-scale` takes it: a letter, then letters or hyphens. */
const SEVERITY_WORD = /^\p{L}[\p{L}-]{0,30}$/u;

/**
 * `"severityScale": { "Major": "SEV2", "Minor": "SEV3" }` over the scale of the files farther up: a
 * word given again (in any letter case) takes the nearer file's level. Entries that are not a word
 * and one of SEV1–SEV4 are reported and left out; the others are read.
 */
export function mergeSeverityScale(base: Readonly<Record<string, string>>, value: unknown, problems: string[]): Readonly<Record<string, string>> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    problems.push(`Expected "severityScale" to be an object of severity words and levels, like { "Major": "SEV2", "Minor": "SEV3" }, found ${JSON.stringify(value)}`);
    return base;
  }
  const merged: Record<string, string> = { ...base };
  for (const [word, level] of Object.entries(value as Record<string, unknown>)) {
    const w = word.trim();
    if (!SEVERITY_WORD.test(w)) {
      problems.push(`Expected a severity word such as "Major" in "severityScale", found ${JSON.stringify(word)}`);
      continue;
    }
    if (typeof level !== 'string' || !/^sev[1-4]$/i.test(level.trim())) {
      problems.push(`Expected "severityScale" to give "${w}" one of SEV1, SEV2, SEV3 or SEV4, found ${JSON.stringify(level)}`);
      continue;
    }
    for (const k of Object.keys(merged)) if (k.toLowerCase() === w.toLowerCase()) delete merged[k];
    merged[w] = level.trim().toUpperCase();
  }
  return merged;
}
