/**
 * Jira Cloud over the REST API v3 (https://developer.atlassian.com/cloud/jira/platform/rest/v3/):
 * create `POST /rest/api/3/issue` (summary, description in ADF made from the Markdown body (adf.ts), labels, duedate, assignee by account
 * id), find markers and read states with JQL through `POST /rest/api/3/search/jql` (one request per
 * 100 tickets). Authentication: the account e-mail and an API token (Basic). The site comes from the
 * configuration (`"site": "https://acme.atlassian.net"`). Jira Cloud does not answer calls from web
 * pages (no CORS for API tokens), so the web host cannot reach it.
 */
import { adfText, toAdf } from './adf';
import type { TrackerConfig } from './config';
import { base64Utf8, MarkerCollector, requestJson, retryAfter, trimBase, type TrackerIdentity } from './http';
import type { TrackerCredentials, TrackerProvider } from './registry';
import { TrackerError, type MarkerLookup, type TicketDraft, type TicketRef, type TicketState, type Tracker, type TrackerDeps } from './types';

const LOOKBACK_PAGES = 3;
const KEY = /^([A-Z][A-Z0-9_]{0,29}-\d{1,12})$/;
const PAGE_SIZE = 100;

interface JiraIssue {
  key: string;
  fields?: {
    description?: unknown;
    resolutiondate?: string | null;
    status?: { statusCategory?: { key?: string } };
  };
}

class JiraTracker implements Tracker {
  readonly name: string;
  private readonly site: string;
  private readonly projectKey: string;
  private readonly who: TrackerIdentity;

  constructor(private readonly config: TrackerConfig, private readonly credentials: TrackerCredentials, private readonly deps: TrackerDeps, apiBase: string | undefined) {
    this.site = trimBase(apiBase ?? config.fields.site!);
    this.projectKey = config.fields.project!;
    this.name = `Jira (${this.projectKey} on ${hostOf(config.fields.site!)})`;
    this.who = {
      name: this.name,
      tokenNeeds: 'an API token of an account that can create issues in the project, with JIRA_EMAIL its e-mail address',
      rateLimitReset: (status, headers, now) => {
        if (status !== 429) return undefined;
        const iso = headers.get('x-ratelimit-reset');
        const at = iso ? Date.parse(iso) : Number.NaN;
        return Number.isNaN(at) ? retryAfter(headers, now) : new Date(at);
      },
      errorText: (json) => {
        const j = json as { errorMessages?: unknown; errors?: unknown } | undefined;
        const parts: string[] = [];
        if (Array.isArray(j?.errorMessages)) for (const m of j.errorMessages) if (typeof m === 'string') parts.push(m);
        if (j?.errors && typeof j.errors === 'object') for (const [k, v] of Object.entries(j.errors)) parts.push(`${k}: ${String(v)}`);
        return parts.length ? parts.join('; ') : undefined;
      },
      secrets: [credentials.token, ...(credentials.email ? [credentials.email, base64Utf8(`${credentials.email}:${credentials.token}`)] : [])],
    };
  }

  private headers(): Record<string, string> {
    return { authorization: `Basic ${base64Utf8(`${this.credentials.email ?? ''}:${this.credentials.token}`)}` };
  }

  async create(draft: TicketDraft): Promise<TicketRef> {
    const fields: Record<string, unknown> = {
      project: { key: this.projectKey },
      issuetype: { name: this.config.fields.issueType ?? 'Task' },
      summary: draft.title.slice(0, 255),
      description: toAdf(draft.body),
    };
    if (draft.labels.length) fields.labels = draft.labels.map((l) => l.replace(/\s+/g, '-'));
    if (draft.due) fields.duedate = draft.due;
    if (draft.assignee) fields.assignee = { accountId: draft.assignee };
    const res = await requestJson(this.deps, this.who, { method: 'POST', url: `${this.site}/rest/api/3/issue`, headers: this.headers(), body: { fields } });
    const key = (res.json as { key?: unknown } | undefined)?.key;
    if (typeof key !== 'string') throw this.malformed('a created issue');
    return this.refOf(key);
  }

  async findByMarkers(itemIds: readonly string[]): Promise<MarkerLookup> {
    const collect = new MarkerCollector(itemIds);
    // Every issue of the project, not those with the labels configured now: labels change (trial18d F3).
    const jql = `project = ${jqlString(this.projectKey)} ORDER BY created DESC`;
    let token: string | undefined;
    let complete = true;
    for (let page = 1; !collect.allFound(); page++) {
      if (page > LOOKBACK_PAGES) {
        complete = false;
        break;
      }
      const { issues, next } = await this.search(jql, ['description'], token);
      for (const issue of issues) collect.add(adfText(issue.fields?.description), () => this.refOf(issue.key));
      if (!next) break;
      token = next;
    }
    return collect.result(complete);
  }

  owns(ticket: string): boolean {
    return this.keyOf(ticket) !== undefined;
  }

  ticketKey(ticket: string): string | undefined {
    return this.keyOf(ticket);
  }

  async fetchStates(tickets: readonly string[]): Promise<Map<string, TicketState | TrackerError>> {
    const result = new Map<string, TicketState | TrackerError>();
    const byKey = new Map<string, string[]>();
    for (const t of new Set(tickets)) {
      const key = this.keyOf(t);
      if (!key) continue;
      byKey.set(key, [...(byKey.get(key) ?? []), t]);
    }
    const keys = [...byKey.keys()];
    for (let i = 0; i < keys.length; i += PAGE_SIZE) {
      let chunk = keys.slice(i, i + PAGE_SIZE);
      // JQL fails as a whole when one key does not exist ("An issue with key 'OPS-9' does not exist"):
      // such keys are reported missing and the rest asked again (a bounded number of times).
      for (let attempt = 0; attempt < 5 && chunk.length; attempt++) {
        let issues: JiraIssue[];
        try {
          issues = (await this.search(`key in (${chunk.map(jqlString).join(', ')})`, ['status', 'resolutiondate'])).issues;
        } catch (e) {
          const missing = e instanceof TrackerError && e.kind === 'validation' ? chunk.filter((k) => e.message.includes(`'${k}'`)) : [];
          if (!missing.length) throw e;
          for (const k of missing) for (const t of byKey.get(k) ?? []) result.set(t, new TrackerError('not-found', `${this.name}: ${k} not found (deleted, moved, or not visible to the account).`));
          chunk = chunk.filter((k) => !missing.includes(k));
          continue;
        }
        for (const issue of issues) {
          const closed = issue.fields?.status?.statusCategory?.key === 'done';
          const date = issue.fields?.resolutiondate;
          const state: TicketState = { state: closed ? 'closed' : 'open', url: `${this.siteUrl}/browse/${issue.key}`, ...(closed && date ? { closedAt: date } : {}) };
          for (const t of byKey.get(issue.key) ?? []) result.set(t, state);
        }
        for (const k of chunk) for (const t of byKey.get(k) ?? []) if (!result.has(t)) result.set(t, new TrackerError('not-found', `${this.name}: ${k} not found (deleted, moved, or not visible to the account).`));
        break;
      }
    }
    return result;
  }

  private async search(jql: string, fields: string[], nextPageToken?: string): Promise<{ issues: JiraIssue[]; next?: string }> {
    const body: Record<string, unknown> = { jql, fields, maxResults: PAGE_SIZE };
    if (nextPageToken) body.nextPageToken = nextPageToken;
    const res = await requestJson(this.deps, this.who, { method: 'POST', url: `${this.site}/rest/api/3/search/jql`, headers: this.headers(), body });
    const json = res.json as { issues?: unknown; nextPageToken?: unknown } | undefined;
    if (!json || !Array.isArray(json.issues) || !json.issues.every((i) => typeof (i as JiraIssue)?.key === 'string')) throw this.malformed('a list of issues');
    return { issues: json.issues as JiraIssue[], ...(typeof json.nextPageToken === 'string' ? { next: json.nextPageToken } : {}) };
  }

  private get siteUrl(): string {
    return trimBase(this.config.fields.site!);
  }

  /** `OPS-12`, `[OPS-12](…/browse/OPS-12)` as the grammar reads it (the URL), of this project. */
  private keyOf(ticket: string): string | undefined {
    const text = ticket.trim();
    // The part after the last `/browse/` (a URL), by index: an anchored pattern scanning for it backtracks.
    const at = text.lastIndexOf('/browse/');
    const tail = at >= 0 ? text.slice(at + 8).replace(/\/$/, '') : text;
    const key = KEY.exec(tail)?.[1];
    return key && key.startsWith(`${this.projectKey}-`) ? key : undefined;
  }

  private refOf(key: string): TicketRef {
    const url = `${this.siteUrl}/browse/${key}`;
    return { writeBack: `[${key}](${url})`, label: key, url };
  }

  private malformed(what: string): TrackerError {
    return new TrackerError('malformed', `${this.name}: the answer was not ${what} as the Jira Cloud REST API describes it. Is "tracker.site" the Jira site, like https://acme.atlassian.net?`, undefined, true);
  }
}

/** `"OPS"` with JQL's escapes: a label or key never closes the string early. */
function jqlString(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

export const JIRA: TrackerProvider = {
  type: 'jira',
  label: 'Jira Cloud',
  fields: [
    { name: 'site', required: true, shape: 'the Jira site, like "https://acme.atlassian.net"', pattern: /^https?:\/\/[^\s/]{1,253}\/?$/ },
    { name: 'project', required: true, shape: 'the project key, like "OPS"', pattern: /^[A-Z][A-Z0-9_]{0,29}$/ },
    { name: 'issueType', required: false, shape: 'an issue type name, like "Task"', pattern: /^.{1,60}$/ },
  ],
  env: { token: 'JIRA_API_TOKEN', email: 'JIRA_EMAIL' },
  browserCalls: false,
  bodyMarkup: 'converted',
  foreignKey: (key, config) => (config.fields.project && !key.startsWith(`${config.fields.project}-`) ? `not a key of the project ${config.fields.project}` : undefined),
  create: (config: TrackerConfig, credentials: TrackerCredentials, deps: TrackerDeps, apiBase?: string) => new JiraTracker(config, credentials, deps, apiBase),
};

