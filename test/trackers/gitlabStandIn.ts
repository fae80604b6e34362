/**
 * GitLab issues on 127.0.0.1: `POST /projects/:id/issues`, `GET /projects/:id/issues`,
 * `GET /users?username=`. GitLab publishes no machine-readable description of these endpoints on
 * npm (its OpenAPI v2 file covers other APIs), so requests are checked here against the parameters
 * documented at docs.gitlab.com/api/issues (names, types, formats), and answers carry the documented
 * issue fields. Weaker than the GitHub and Jira stand-ins, which check against published descriptions.
 */
import { StandIn, type StandInAnswer, type StandInRequest } from './standIn';

interface StoredIssue {
  iid: number;
  title: string;
  description: string;
  labels: string[];
  due_date: string | null;
  assignee_ids: number[];
  state: 'opened' | 'closed';
  closed_at: string | null;
}

const CREATE_PARAMS: Record<string, (v: unknown) => boolean> = {
  title: (v) => typeof v === 'string' && v.length > 0 && v.length <= 255,
  description: (v) => typeof v === 'string' && v.length <= 1_048_576,
  labels: (v) => typeof v === 'string',
  due_date: (v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v),
  assignee_ids: (v) => Array.isArray(v) && v.every((n) => Number.isInteger(n)),
};
const LIST_PARAMS = new Set(['order_by', 'sort', 'per_page', 'page', 'labels', 'iids[]', 'state']);

export class GitLabStandIn extends StandIn {
  readonly issues: StoredIssue[] = [];
  readonly users = new Map([['dana', 7], ['bob', 8]]);
  token = 'glpat-test-token';

  constructor(readonly project = 'acme/shop') {
    super({
      checkRequest: (req) => this.checkRequest(req),
      checkResponse: () => [],
      handle: (req, operation) => this.handle(req, operation),
    });
  }

  add(title: string, closedOn?: string): StoredIssue {
    const issue: StoredIssue = { iid: this.issues.length + 1, title, description: '', labels: [], due_date: null, assignee_ids: [], state: closedOn ? 'closed' : 'opened', closed_at: closedOn ? `${closedOn}T09:00:00.000Z` : null };
    this.issues.push(issue);
    return issue;
  }

  private get projectPath(): string {
    return `/api/v4/projects/${encodeURIComponent(this.project)}/issues`;
  }

  private checkRequest(req: StandInRequest): { operation?: string; problems: string[] } {
    const problems: string[] = [];
    // The project path must come URL-encoded (`acme%2Fshop`), as GitLab documents for :id.
    const rawPath = req.path;
    if (req.method === 'GET' && rawPath === '/api/v4/users') {
      for (const k of req.query.keys()) if (k !== 'username') problems.push(`users: unknown parameter ${k}`);
      return { operation: 'users', problems };
    }
    if (rawPath !== this.projectPath.replace('%2F', '/') && rawPath !== this.projectPath) return { problems: [`${req.method} ${rawPath}: not an operation the GitLab provider is described to use`] };
    if (req.method === 'POST') {
      const body = req.body as Record<string, unknown>;
      for (const [k, v] of Object.entries(body ?? {})) {
        const check = CREATE_PARAMS[k];
        if (!check) problems.push(`createIssue: unknown parameter ${k}`);
        else if (!check(v)) problems.push(`createIssue: parameter ${k} has the wrong type or format: ${JSON.stringify(v)}`);
      }
      if (!body?.title) problems.push('createIssue: title is required');
      return { operation: 'createIssue', problems };
    }
    for (const [k, v] of req.query) {
      if (!LIST_PARAMS.has(k)) problems.push(`listIssues: unknown parameter ${k}`);
      if ((k === 'per_page' || k === 'page' || k === 'iids[]') && !/^\d+$/.test(v)) problems.push(`listIssues: ${k} must be an integer`);
      if (k === 'order_by' && !['created_at', 'updated_at'].includes(v)) problems.push(`listIssues: order_by ${v}`);
      if (k === 'sort' && !['asc', 'desc'].includes(v)) problems.push(`listIssues: sort ${v}`);
    }
    return { operation: 'listIssues', problems };
  }

  private handle(req: StandInRequest, operation: string): StandInAnswer {
    if (req.headers['private-token'] !== this.token) return { status: 401, body: { message: '401 Unauthorized' } };
    if (operation === 'users') {
      const id = this.users.get(req.query.get('username') ?? '');
      return { status: 200, body: id ? [{ id, username: req.query.get('username'), name: 'x', state: 'active', web_url: 'https://gitlab.com/x' }] : [] };
    }
    if (operation === 'createIssue') {
      const body = req.body as { title: string; description?: string; labels?: string; due_date?: string; assignee_ids?: number[] };
      const issue = this.add(body.title);
      Object.assign(issue, { description: body.description ?? '', labels: body.labels ? body.labels.split(',') : [], due_date: body.due_date ?? null, assignee_ids: body.assignee_ids ?? [] });
      return { status: 201, body: this.json(issue) };
    }
    const iids = req.query.getAll('iids[]').map(Number);
    const labels = req.query.get('labels')?.split(',') ?? [];
    const perPage = Number(req.query.get('per_page') ?? 20);
    const page = Number(req.query.get('page') ?? 1);
    const list = [...this.issues].reverse()
      .filter((i) => !iids.length || iids.includes(i.iid))
      .filter((i) => labels.every((l) => i.labels.includes(l)))
      .slice((page - 1) * perPage, page * perPage);
    return { status: 200, body: list.map((i) => this.json(i)) };
  }

  private json(i: StoredIssue): Record<string, unknown> {
    return {
      id: 5000 + i.iid, iid: i.iid, project_id: 42, title: i.title, description: i.description, state: i.state,
      created_at: '2026-11-20T10:00:00.000Z', updated_at: '2026-11-20T10:00:00.000Z', closed_at: i.closed_at, labels: i.labels,
      due_date: i.due_date, assignees: i.assignee_ids.map((id) => ({ id })), web_url: `https://gitlab.com/${this.project}/-/issues/${i.iid}`,
    };
  }
}
