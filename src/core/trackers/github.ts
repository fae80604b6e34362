/**
 * GitHub Issues over the REST API (https://docs.github.com/rest/issues): create
 * `POST /repos/{owner}/{repo}/issues`, find markers by listing the repository's most recently
 * created issues (`GET /repos/{owner}/{repo}/issues?state=all&sort=created`; the search API lags
 * behind creation by seconds to minutes, so a retry right after a lost answer would miss it), and
 * states by `GET /repos/{owner}/{repo}/issues/{number}` with `If-None-Match` (a 304 does not count
 * against the rate limit). Base: `tracker.url`, else `GITHUB_API_URL` (GitHub Actions sets it; GitHub
 * Enterprise Server is `https://HOST/api/v3`), else https://api.github.com. GitHub has no due date:
 * it goes into the body.
 */
import type { TrackerConfig } from './config';
import { epochSecondsHeader, findMarkersInRecentIssues, issueNumberOf, PAGE_SIZE, requestJson, retryAfter, trimBase, type TrackerIdentity } from './http';
import type { TrackerCredentials, TrackerProvider } from './registry';
import { mapLimited } from './mapLimited';
import { TrackerError, type MarkerLookup, type TicketDraft, type TicketRef, type TicketState, type Tracker, type TrackerDeps } from './types';

interface GitHubIssue {
  number: number;
  html_url: string;
  state: string;
  closed_at?: string | null;
  body?: string | null;
  pull_request?: unknown;
}

class GitHubTracker implements Tracker {
  readonly name: string;
  private readonly base: string;
  private readonly owner: string;
  private readonly repo: string;
  private readonly who: TrackerIdentity;

  constructor(config: TrackerConfig, private readonly credentials: TrackerCredentials, private readonly deps: TrackerDeps, apiBase: string | undefined) {
    const [owner, repo] = config.fields.repository!.split('/') as [string, string];
    this.owner = owner;
    this.repo = repo;
    this.base = trimBase(config.fields.url ?? apiBase ?? 'https://api.github.com');
    this.name = `GitHub Issues (${owner}/${repo})`;
    this.who = {
      name: this.name,
      tokenNeeds: 'a token that can write issues in the repository (classic: "repo" scope; fine-grained: Issues read and write)',
      rateLimitReset: (status, headers, now) => {
        if (status !== 403 && status !== 429) return undefined;
        if (headers.get('x-ratelimit-remaining') === '0') return epochSecondsHeader(headers, 'x-ratelimit-reset');
        return retryAfter(headers, now);
      },
      errorText: (json) => {
        const j = json as { message?: unknown; errors?: { message?: string; field?: string; code?: string }[] } | undefined;
        if (typeof j?.message !== 'string') return undefined;
        const details = Array.isArray(j.errors) ? j.errors.map((e) => e.message ?? [e.field, e.code].filter(Boolean).join(' ')).filter(Boolean) : [];
        return details.length ? `${j.message}: ${details.join('; ')}` : j.message;
      },
      secrets: [credentials.token],
    };
  }

  private headers(): Record<string, string> {
    return {
      authorization: `Bearer ${this.credentials.token}`,
      accept: 'application/vnd.github+json',
      'x-github-api-version': '2022-11-28',
    };
  }

  private get repoPath(): string {
    return `${this.base}/repos/${encodeURIComponent(this.owner)}/${encodeURIComponent(this.repo)}`;
  }

  async create(draft: TicketDraft): Promise<TicketRef> {
    const body: Record<string, unknown> = { title: draft.title, body: draft.body, labels: [...draft.labels] };
    if (draft.assignee) body.assignees = [draft.assignee];
    const res = await requestJson(this.deps, this.who, { method: 'POST', url: `${this.repoPath}/issues`, headers: this.headers(), body });
    return this.refOf(this.issueOf(res.json));
  }

  async findByMarkers(itemIds: readonly string[]): Promise<MarkerLookup> {
    // Every issue, not those with the labels configured now: labels change (trial18d F3).
    return findMarkersInRecentIssues(itemIds, {
      pageUrl: (page) => `${this.repoPath}/issues?state=all&sort=created&direction=desc&per_page=${PAGE_SIZE}&page=${page}`,
      get: (url) => requestJson(this.deps, this.who, { method: 'GET', url, headers: this.headers() }),
      issue: (raw) => {
        const issue = this.issueOf(raw);
        return issue.pull_request ? undefined : issue; // The issues list includes pull requests.
      },
      body: (issue) => issue.body,
      ref: (issue) => this.refOf(issue),
      malformed: () => this.malformed('a list of issues'),
    });
  }

  owns(ticket: string): boolean {
    return this.numberOf(ticket) !== undefined;
  }

  ticketKey(ticket: string): string | undefined {
    const n = this.numberOf(ticket);
    return n === undefined ? undefined : `${this.owner}/${this.repo}#${n}`;
  }

  async fetchStates(tickets: readonly string[]): Promise<Map<string, TicketState | TrackerError>> {
    const result = new Map<string, TicketState | TrackerError>();
    // One request per issue, however it is written (`#2`, its address, another case): trial18d F13.
    const byNumber = new Map<number, string[]>();
    for (const t of new Set(tickets)) {
      const n = this.numberOf(t);
      if (n !== undefined) byNumber.set(n, [...(byNumber.get(n) ?? []), t]);
    }
    await mapLimited([...byNumber.keys()], 4, async (n) => {
      const url = `${this.repoPath}/issues/${n}`;
      let state: TicketState | TrackerError;
      try {
        const res = await requestJson(this.deps, this.who, { method: 'GET', url, headers: this.headers(), conditional: true });
        const issue = this.issueOf(res.json);
        state = { state: issue.state === 'closed' ? 'closed' : 'open', url: issue.html_url, ...(issue.closed_at ? { closedAt: issue.closed_at } : {}) };
      } catch (e) {
        // A missing or deleted (410) ticket is that ticket's problem; a refused token or a rate limit stops the batch.
        if (!(e instanceof TrackerError && e.kind === 'not-found')) throw e;
        state = e;
      }
      for (const t of byNumber.get(n)!) result.set(t, state);
    });
    return result;
  }

  /** `#12`, or `https://github.com/OWNER/REPO/issues/12` of this repository (any host: Enterprise). */
  private numberOf(ticket: string): number | undefined {
    return issueNumberOf(ticket, (path) => {
      const m = /^\/([^/]+)\/([^/]+)\/issues\/(\d{1,9})\/?$/.exec(path);
      return m && m[1]!.toLowerCase() === this.owner.toLowerCase() && m[2]!.toLowerCase() === this.repo.toLowerCase() ? Number(m[3]) : undefined;
    });
  }

  private issueOf(raw: unknown): GitHubIssue {
    const issue = raw as GitHubIssue | undefined;
    if (!issue || typeof issue !== 'object' || typeof issue.number !== 'number' || typeof issue.html_url !== 'string' || typeof issue.state !== 'string') {
      throw this.malformed('an issue');
    }
    return issue;
  }

  private refOf(issue: GitHubIssue): TicketRef {
    return { writeBack: issue.html_url, label: `${this.owner}/${this.repo}#${issue.number}`, url: issue.html_url };
  }

  private malformed(what: string): TrackerError {
    return new TrackerError('malformed', `${this.name}: the answer was not ${what} as the GitHub REST API describes it. Is "tracker.url" (or GITHUB_API_URL) a GitHub API address?`, undefined, true);
  }
}

export const GITHUB: TrackerProvider = {
  type: 'github',
  label: 'GitHub Issues',
  fields: [
    { name: 'repository', required: true, shape: '"OWNER/REPO", like "acme/shop"', pattern: /^[A-Za-z0-9_.-]{1,100}\/[A-Za-z0-9_.-]{1,100}$/ },
    { name: 'url', required: false, shape: 'the REST API address, like "https://ghe.example.com/api/v3"', pattern: /^https?:\/\/\S{1,300}$/ },
  ],
  env: { token: 'GITHUB_TOKEN', apiBase: 'GITHUB_API_URL' },
  browserCalls: true,
  bodyMarkup: 'markdown',
  foreignKey: () => 'a key like Jira\'s; GitHub issues are #N or an address',
  create: (config: TrackerConfig, credentials: TrackerCredentials, deps: TrackerDeps, apiBase?: string) => new GitHubTracker(config, credentials, deps, apiBase),
};
