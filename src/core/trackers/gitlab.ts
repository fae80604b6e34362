/**
 * GitLab issues over the REST API v4 (https://docs.gitlab.com/api/issues/): create
 * `POST /projects/:id/issues` (title, description, labels, due_date, assignee_ids), find markers by
 * listing the project's most recently created issues, states in one request per 100 tickets
 * (`GET /projects/:id/issues?iids[]=…`). Owners map to usernames, turned into user ids with
 * `GET /users?username=`. Base: `tracker.url`, else `CI_API_V4_URL` (GitLab CI sets it, also on
 * self-managed instances), else https://gitlab.com/api/v4.
 */
import type { TrackerConfig } from './config';
import { epochSecondsHeader, findMarkersInRecentIssues, issueNumberOf, PAGE_SIZE, requestJson, retryAfter, trimBase, type TrackerIdentity } from './http';
import type { TrackerCredentials, TrackerProvider } from './registry';
import { TrackerError, type MarkerLookup, type TicketDraft, type TicketRef, type TicketState, type Tracker, type TrackerDeps } from './types';

interface GitLabIssue {
  iid: number;
  web_url: string;
  state: string;
  closed_at?: string | null;
  description?: string | null;
}

class GitLabTracker implements Tracker {
  readonly name: string;
  private readonly base: string;
  private readonly project: string;
  private readonly who: TrackerIdentity;
  private readonly userIds = new Map<string, number>();

  constructor(config: TrackerConfig, private readonly credentials: TrackerCredentials, private readonly deps: TrackerDeps, apiBase: string | undefined) {
    this.project = config.fields.project!;
    this.base = trimBase(config.fields.url ?? apiBase ?? 'https://gitlab.com/api/v4');
    this.name = `GitLab issues (${this.project})`;
    this.who = {
      name: this.name,
      tokenNeeds: 'a personal, project or group access token with the "api" scope and at least the Planner/Reporter role',
      rateLimitReset: (status, headers, now) => (status === 429 ? epochSecondsHeader(headers, 'ratelimit-reset') ?? retryAfter(headers, now) : undefined),
      errorText: (json) => {
        const j = json as { message?: unknown; error?: unknown } | undefined;
        if (typeof j?.message === 'string') return j.message;
        if (j?.message && typeof j.message === 'object') return JSON.stringify(j.message);
        return typeof j?.error === 'string' ? j.error : undefined;
      },
      secrets: [credentials.token],
    };
  }

  private headers(): Record<string, string> {
    return { 'private-token': this.credentials.token };
  }

  private get projectPath(): string {
    return `${this.base}/projects/${encodeURIComponent(this.project)}`;
  }

  async create(draft: TicketDraft): Promise<TicketRef> {
    const body: Record<string, unknown> = { title: draft.title, description: draft.body };
    if (draft.labels.length) body.labels = draft.labels.join(',');
    if (draft.due) body.due_date = draft.due;
    if (draft.assignee) body.assignee_ids = [await this.userId(draft.assignee)];
    const res = await requestJson(this.deps, this.who, { method: 'POST', url: `${this.projectPath}/issues`, headers: this.headers(), body });
    return this.refOf(this.issueOf(res.json));
  }

  private async userId(username: string): Promise<number> {
    const known = this.userIds.get(username);
    if (known !== undefined) return known;
    const res = await requestJson(this.deps, this.who, { method: 'GET', url: `${this.base}/users?username=${encodeURIComponent(username)}`, headers: this.headers() });
    const users = res.json as { id?: unknown }[] | undefined;
    const id = Array.isArray(users) && typeof users[0]?.id === 'number' ? users[0].id : undefined;
    if (id === undefined) throw new TrackerError('validation', `${this.name}: no GitLab user "${username}". Check "owners" in .postmortemrc.json.`);
    this.userIds.set(username, id);
    return id;
  }

  async findByMarkers(itemIds: readonly string[]): Promise<MarkerLookup> {
    // Every issue, not those with the labels configured now: labels change (trial18d F3).
    return findMarkersInRecentIssues(itemIds, {
      pageUrl: (page) => `${this.projectPath}/issues?order_by=created_at&sort=desc&per_page=${PAGE_SIZE}&page=${page}`,
      get: (url) => requestJson(this.deps, this.who, { method: 'GET', url, headers: this.headers() }),
      issue: (raw) => this.issueOf(raw),
      body: (issue) => issue.description,
      ref: (issue) => this.refOf(issue),
      malformed: () => this.malformed('a list of issues'),
    });
  }

  owns(ticket: string): boolean {
    return this.iidOf(ticket) !== undefined;
  }

  ticketKey(ticket: string): string | undefined {
    const iid = this.iidOf(ticket);
    return iid === undefined ? undefined : `${this.project}#${iid}`;
  }

  async fetchStates(tickets: readonly string[]): Promise<Map<string, TicketState | TrackerError>> {
    const result = new Map<string, TicketState | TrackerError>();
    const byIid = new Map<number, string[]>();
    for (const t of new Set(tickets)) {
      const iid = this.iidOf(t);
      if (iid === undefined) continue;
      const list = byIid.get(iid) ?? [];
      list.push(t);
      byIid.set(iid, list);
    }
    const iids = [...byIid.keys()];
    for (let i = 0; i < iids.length; i += PAGE_SIZE) {
      const chunk = iids.slice(i, i + PAGE_SIZE);
      const query = chunk.map((n) => `iids[]=${n}`).join('&');
      const res = await requestJson(this.deps, this.who, { method: 'GET', url: `${this.projectPath}/issues?${query}&per_page=${PAGE_SIZE}`, headers: this.headers(), conditional: true });
      if (!Array.isArray(res.json)) throw this.malformed('a list of issues');
      for (const raw of res.json) {
        const issue = this.issueOf(raw);
        const state: TicketState = { state: issue.state === 'closed' ? 'closed' : 'open', url: issue.web_url, ...(issue.closed_at ? { closedAt: issue.closed_at } : {}) };
        for (const t of byIid.get(issue.iid) ?? []) result.set(t, state);
      }
      for (const n of chunk) {
        for (const t of byIid.get(n) ?? []) {
          if (!result.has(t)) result.set(t, new TrackerError('not-found', `${this.name}: issue #${n} not found (deleted, moved, or not visible to the token).`));
        }
      }
    }
    return result;
  }

  /** `#12`, or `https://HOST/GROUP/PROJECT/-/issues/12` of this project. */
  private iidOf(ticket: string): number | undefined {
    return issueNumberOf(ticket, (path) => {
      const m = /^\/(.+?)\/(?:-\/)?(?:issues|work_items)\/(\d{1,9})\/?$/.exec(path);
      return m && decodeURIComponent(m[1]!).toLowerCase() === this.project.toLowerCase() ? Number(m[2]) : undefined;
    });
  }

  private issueOf(raw: unknown): GitLabIssue {
    const issue = raw as GitLabIssue | undefined;
    if (!issue || typeof issue !== 'object' || typeof issue.iid !== 'number' || typeof issue.web_url !== 'string' || typeof issue.state !== 'string') {
      throw this.malformed('an issue');
    }
    return issue;
  }

  private refOf(issue: GitLabIssue): TicketRef {
    return { writeBack: issue.web_url, label: `${this.project}#${issue.iid}`, url: issue.web_url };
  }

  private malformed(what: string): TrackerError {
    return new TrackerError('malformed', `${this.name}: the answer was not ${what} as the GitLab REST API describes it. Is "tracker.url" (or CI_API_V4_URL) a GitLab API address ending in /api/v4?`, undefined, true);
  }
}

export const GITLAB: TrackerProvider = {
  type: 'gitlab',
  label: 'GitLab issues',
  fields: [
    { name: 'project', required: true, shape: 'the project path, like "acme/shop" or "group/sub/app"', pattern: /^[A-Za-z0-9_.-]{1,255}(?:\/[A-Za-z0-9_.-]{1,255}){1,20}$/ },
    { name: 'url', required: false, shape: 'the API address, like "https://gitlab.example.com/api/v4"', pattern: /^https?:\/\/\S{1,300}$/ },
  ],
  env: { token: 'GITLAB_TOKEN', apiBase: 'CI_API_V4_URL' },
  browserCalls: true,
  bodyMarkup: 'markdown',
  foreignKey: () => 'a key like Jira\'s; GitLab issues are #N or an address',
  create: (config: TrackerConfig, credentials: TrackerCredentials, deps: TrackerDeps, apiBase?: string) => new GitLabTracker(config, credentials, deps, apiBase),
};
