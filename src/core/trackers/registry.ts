/**
 * Every ticket tracker the tools can create tickets in. Adding one is one file in this folder (a
 * `TrackerProvider`) plus one line in TRACKERS; config validation, the CLI and the extension read
 * the list from here.
 */
import type { TrackerConfig } from './config';
import type { Tracker, TrackerDeps } from './types';
import { GITHUB } from './github';
import { GITLAB } from './gitlab';
import { JIRA } from './jira';

export interface TrackerField {
  readonly name: string;
  readonly required: boolean;
  /** In words, for config problems: `"OWNER/REPO", like "acme/shop"`. */
  readonly shape: string;
  readonly pattern: RegExp;
}

/** What the host found for the tracker: the token (never shown), and for Jira the account e-mail. */
export interface TrackerCredentials {
  readonly token: string;
  readonly email?: string;
}

export interface TrackerProvider {
  readonly type: string;
  /** "GitHub Issues". */
  readonly label: string;
  readonly fields: readonly TrackerField[];
  /** Environment variables the CLI reads: the token (and e-mail), and the API base override. */
  readonly env: { readonly token: string; readonly email?: string; readonly apiBase?: string };
  /** Whether the tracker answers calls from a web page/worker (CORS); when not, the web host says so. */
  readonly browserCalls: boolean;
  /**
   * How the tracker takes the Markdown body (draft.ts). 'markdown': it renders it (GitHub, GitLab),
   * so the item's words are escaped there (`<` as `&lt;`, `@name` with a zero-width space: no HTML,
   * no mention of a stranger). 'converted': the provider turns it into its own format (Jira: ADF,
   * adf.ts), where `<` and `@` are plain text and an escape would be shown as written (trial18d F10).
   */
  readonly bodyMarkup: 'markdown' | 'converted';
  /**
   * Why a key written in an item (`OPS-7`, a Jira-style key read as the item's ticket) cannot be a
   * ticket of this tracker, or undefined when it can be: said when `tickets create` skips the item.
   */
  foreignKey(key: string, config: TrackerConfig): string | undefined;
  create(config: TrackerConfig, credentials: TrackerCredentials, deps: TrackerDeps, apiBase?: string): Tracker;
}

export const TRACKERS: Readonly<Record<string, TrackerProvider>> = {
  github: GITHUB,
  gitlab: GITLAB,
  jira: JIRA,
};

export function trackerTypes(): string[] {
  return Object.keys(TRACKERS);
}
