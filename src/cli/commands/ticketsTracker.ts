import { TRACKERS, urlPathOf, type Tracker, type TrackerConfig, type TrackerProvider } from '../../core/trackers';

/** The environment the tracker commands read (tokens, API bases, CI facts); a seam for tests. */
export const ticketEnvironment: { env: Readonly<Record<string, string | undefined>> } = { env: process.env };

export type TrackerSetup =
  | { readonly ok: true; readonly tracker: Tracker; readonly provider: TrackerProvider }
  | { readonly ok: false; readonly message: string; readonly name: string };

/**
 * The tracker of a configuration with its token from the environment (`GITHUB_TOKEN`, `GITLAB_TOKEN`,
 * `JIRA_EMAIL` + `JIRA_API_TOKEN`) and its API base (`GITHUB_API_URL`, `CI_API_V4_URL`). The token is
 * handed to the provider only: never printed, logged or written.
 */
export function trackerFromEnvironment(config: TrackerConfig, timeoutMs?: number): TrackerSetup {
  const provider = TRACKERS[config.type]!;
  const env = ticketEnvironment.env;
  const token = env[provider.env.token]?.trim();
  const email = provider.env.email ? env[provider.env.email]?.trim() : undefined;
  const missing = [provider.env.email && !email ? provider.env.email : undefined, token ? undefined : provider.env.token].filter(Boolean);
  if (missing.length) {
    // The name only (no request is made without a token): "GitHub Issues (acme/shop)".
    const name = provider.create(config, { token: '' }, { fetch, tokenSource: '' }).name;
    return { ok: false, name, message: `${provider.label} needs ${missing.join(' and ')} in the environment (${provider.type === 'github' ? 'a token that can write issues: classic "repo" scope, or fine-grained Issues read and write' : provider.type === 'gitlab' ? 'an access token with the "api" scope' : 'your Atlassian account e-mail and an API token'}).` };
  }
  const apiBase = provider.env.apiBase ? env[provider.env.apiBase]?.trim() || undefined : undefined;
  const tracker = provider.create(config, { token: token!, ...(email ? { email } : {}) }, {
    fetch, tokenSource: [provider.env.email, provider.env.token].filter(Boolean).join(' and '), ...(timeoutMs ? { timeoutMs } : {}),
  }, apiBase);
  return { ok: true, tracker, provider };
}

/**
 * Where a line of the post-mortem is on the web, when CI says (GitHub Actions: GITHUB_SERVER_URL,
 * GITHUB_REPOSITORY, GITHUB_SHA; GitLab CI: CI_PROJECT_URL, CI_COMMIT_SHA): the ticket links back to it.
 */
export function lineUrlFromEnvironment(rel: string): ((line: number) => string | undefined) | undefined {
  const env = ticketEnvironment.env;
  const path = urlPathOf(rel);
  if (env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && env.GITHUB_SHA) {
    return (line) => `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/blob/${env.GITHUB_SHA}/${path}#L${line}`;
  }
  if (env.CI_PROJECT_URL && env.CI_COMMIT_SHA) return (line) => `${env.CI_PROJECT_URL}/-/blob/${env.CI_COMMIT_SHA}/${path}#L${line}`;
  return undefined;
}
