import * as vscode from 'vscode';
import type { ResolvedConfig } from '../../core/config/config';
import { TRACKERS, type Tracker, type TrackerProvider } from '../../core/trackers';
import type { ConfigStore } from '../config/configStore';
import { tokenSource, type TrackerCredentialStore } from './credentials';

export type TrackerAccess =
  | { readonly ok: true; readonly tracker: Tracker; readonly provider: TrackerProvider; readonly config: ResolvedConfig }
  | { readonly ok: false; readonly message: string };

/** True in vscode.dev / github.dev (web-worker extension host): calls are browser calls, subject to CORS. */
export function isWebHost(): boolean {
  const proc = (globalThis as { process?: { versions?: { node?: string } } }).process;
  return !proc?.versions?.node;
}

/**
 * The tracker configured for a post-mortem, signed in. Says why not when there is none: no
 * "tracker" in .postmortemrc.json, a tracker that refuses browser calls in the web host (Jira Cloud
 * sends no CORS headers for API-token calls), or a cancelled sign-in.
 */
export class TrackerAccessor {
  /** ETags per URL, kept between status refreshes: unchanged tickets cost GitHub no rate limit. */
  private readonly etags = new Map<string, { etag: string; body: unknown }>();

  constructor(private readonly configs: ConfigStore, private readonly credentials: TrackerCredentialStore) {}

  async forgetToken(type: string): Promise<void> {
    await this.credentials.forget(type);
  }

  async configFor(uri: vscode.Uri): Promise<ResolvedConfig> {
    return this.configs.ensureFor(uri);
  }

  async trackerFor(uri: vscode.Uri, interactive: boolean): Promise<TrackerAccess> {
    const config = await this.configs.ensureFor(uri);
    if (!config.tracker) {
      return { ok: false, message: 'No ticket tracker is configured for this post-mortem. Add to .postmortemrc.json: "tracker": { "type": "github", "repository": "OWNER/REPO" } (or "gitlab" with "project", or "jira" with "site" and "project").' };
    }
    const provider = TRACKERS[config.tracker.type]!;
    const name = provider.create(config.tracker, { token: '' }, { fetch: globalThis.fetch, tokenSource: '' }).name;
    if (isWebHost() && !provider.browserCalls) {
      return { ok: false, message: `${name}: ${provider.label} does not accept calls from a browser (no CORS for API tokens), so VS Code for the Web cannot reach it. Use VS Code on the desktop, or run \`postmortem tickets create\` in a terminal.` };
    }
    if (!interactive && !(await this.credentials.hasQuietly(provider))) return { ok: false, message: `${name}: not signed in.` };
    const credentials = await this.credentials.get(provider, name);
    if (!credentials) return { ok: false, message: `${name}: no token, nothing was sent.` };
    const tracker = provider.create(config.tracker, credentials, { fetch: (input, init) => globalThis.fetch(input, init), tokenSource: tokenSource(provider), etags: this.etags });
    return { ok: true, tracker, provider, config };
  }
}
