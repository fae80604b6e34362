import type { SectionId } from '../document/sectionNames';
import { DEFAULT_SECTION_ALIASES } from '../document/sectionNames';
import type { Severity } from '../types';
import type { OwnerMap, TrackerConfig } from '../trackers/config';
import { DEFAULT_FACTORS, type Factor } from '../library/factors';
import { DEFAULT_REDACTION, type RedactionSettings, type UserRedactionConfig } from '../redaction/config';

export type RuleSetting = Severity | 'off';

/** The settings a user can write in `.postmortemrc.json` or in the editor's settings. */
export interface UserConfig {
  /** Re-grade or switch off rules by code: `{ "blameless/language": "off" }`. */
  rules?: Record<string, RuleSetting>;
  /** Sections a post-mortem must have once it leaves draft (canonical ids or titles). */
  requiredSections?: string[];
  /** Sections even a draft must have. */
  requiredSectionsDraft?: string[];
  /** Per severity, the sections a post-mortem of that severity must have once it leaves draft: `{ "SEV4": ["summary", "timeline", "action-items"] }`. */
  requiredSectionsBySeverity?: Record<string, string[]>;
  /** Folder of post-mortem templates, relative to the workspace folder / repository root (default `.postmortem/templates`). */
  templatesFolder?: string;
  reviewDeadlineHours?: number;
  /** Extra phrases that assign blame to people; `blamelessPhrasesReplace: true` replaces the built-in list. */
  blamelessPhrases?: string[];
  blamelessPhrasesReplace?: boolean;
  fiveWhysMinDepth?: number;
  /** Globs (relative to the workspace/repository root) of files that are post-mortems. */
  globs?: string[];
  /** Extra heading names per canonical section, e.g. `{ "timeline": ["Sequence"] }`. */
  sectionAliases?: Partial<Record<SectionId, string[]>>;
  /** Minutes of margin around started_at/resolved_at before a timeline entry counts as outside the incident. */
  timelineMarginMinutes?: number;
  /** Approvals a `published` post-mortem needs (`review/not-approved`); 0 turns the check off. */
  requiredApprovals?: number;
  /** Days from today that the "add a due date" fix offers first. */
  defaultDueDays?: number;
  /** From which status on blaming wording is a warning (before it: info); `never` keeps it info. */
  blamelessWarningFrom?: 'draft' | 'in-review' | 'published' | 'never';
  /** Where action items become tickets: `{ "type": "github", "repository": "acme/shop" }` (src/core/trackers). */
  tracker?: unknown;
  /** `@owner` → tracker user per tracker type: `{ "dana": { "github": "dana-l" } }`. */
  owners?: unknown;
  /** Contributing factors for `factors:` (id → description), added to the defaults; `factorsReplace: true` replaces them. */
  factors?: Record<string, string>;
  factorsReplace?: boolean;
  /** Secrets and personal data checks (`redaction/*`): allow list, team patterns, private IPs. */
  redaction?: UserRedactionConfig;
  /**
   * The team's scale for severity words an original writes without a level (`{ "Major": "SEV2" }`):
   * `postmortem convert` (both hosts) maps them by it, as by the CLI's `--severity-scale`.
   */
  severityScale?: Record<string, string>;
}

export interface ResolvedConfig {
  readonly rules: Readonly<Record<string, RuleSetting>>;
  readonly requiredSections: readonly SectionId[];
  readonly requiredSectionsDraft: readonly SectionId[];
  /** Keys `SEV1`…`SEV4`; a severity without an entry uses `requiredSections`. */
  readonly requiredSectionsBySeverity: Readonly<Record<string, readonly SectionId[]>>;
  readonly templatesFolder: string;
  readonly reviewDeadlineHours: number;
  readonly blamelessPhrases: readonly string[];
  readonly blamelessPhrasesReplace: boolean;
  readonly fiveWhysMinDepth: number;
  readonly globs: readonly string[];
  readonly sectionAliases: Readonly<Record<SectionId, readonly string[]>>;
  readonly timelineMarginMinutes: number;
  readonly requiredApprovals: number;
  readonly defaultDueDays: number;
  readonly blamelessWarningFrom: 'draft' | 'in-review' | 'published' | 'never';
  /** The ticket tracker, when configured and valid. */
  readonly tracker?: TrackerConfig;
  readonly owners: OwnerMap;
  /** The vocabulary of `factors:` (library/factors.ts). */
  readonly factors: readonly Factor[];
  readonly redaction: RedactionSettings;
  /** Severity words and their levels (`Major` → `SEV2`) for `convert`; a nearer file's word wins (compared without case). */
  readonly severityScale: Readonly<Record<string, string>>;
  /** Problems found while reading the config, for the host to show. */
  readonly problems: readonly string[];
}

export const DEFAULT_GLOBS = ['**/postmortems/**/*.md', '**/post-mortems/**/*.md', '**/*.postmortem.md'] as const;

export const DEFAULT_CONFIG: ResolvedConfig = {
  rules: {},
  requiredSections: ['summary', 'impact', 'timeline', 'root-cause', 'response', 'action-items', 'lessons'],
  requiredSectionsDraft: ['summary', 'timeline'],
  requiredSectionsBySeverity: {},
  templatesFolder: '.postmortem/templates',
  reviewDeadlineHours: 48,
  blamelessPhrases: [],
  blamelessPhrasesReplace: false,
  fiveWhysMinDepth: 5,
  globs: [...DEFAULT_GLOBS],
  sectionAliases: DEFAULT_SECTION_ALIASES,
  timelineMarginMinutes: 24 * 60,
  requiredApprovals: 1,
  defaultDueDays: 14,
  blamelessWarningFrom: 'in-review',
  owners: {},
  factors: DEFAULT_FACTORS,
  redaction: DEFAULT_REDACTION,
  severityScale: {},
  problems: [],
};
