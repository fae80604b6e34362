/**
 * GitHub Issues on 127.0.0.1: the three operations the provider uses, with answers built from the
 * issue example in GitHub's own description and checked, like the requests, against it (githubSpec.ts).
 */
import { checkRequest, checkResponse, exampleIssue } from './githubSpec';
import { StandIn, type StandInAnswer, type StandInRequest } from './standIn';

export interface StoredIssue {
  number: number;
  title: string;
  body: string;
  labels: string[];
  assignees: string[];
  state: 'open' | 'closed';
  closedAt?: string;
  createdAt: string;
}

export class GitHubStandIn extends StandIn {
  readonly issues: StoredIssue[] = [];
  /** Logins that may be assigned (the repository's collaborators). */
  readonly users = new Set(['dana-l', 'bob-k']);
  token = 'test-token-not-secret';

  constructor(readonly owner = 'acme', readonly repo = 'shop') {
    super({
      checkRequest: (req) => {
        const result = checkRequest(req.method, req.path, req.query, req.body);
        return result.operationId ? { operation: result.operationId, problems: result.problems } : { problems: result.problems };
      },
      checkResponse: (operation, answer) => checkResponse(operation, answer.status, answer.body),
      handle: (req, operation) => this.handle(req, operation),
    });
  }

  /** A closed issue, as if someone finished the work in the tracker. */
  close(number: number, on: string): void {
    const issue = this.issues.find((i) => i.number === number)!;
    issue.state = 'closed';
    issue.closedAt = `${on}T10:00:00Z`;
  }

  add(issue: Partial<StoredIssue> & { title: string }): StoredIssue {
    const stored: StoredIssue = { number: this.issues.length + 1, body: '', labels: [], assignees: [], state: 'open', createdAt: '2026-11-20T10:00:00Z', ...issue };
    this.issues.push(stored);
    return stored;
  }

  private handle(req: StandInRequest, operation: string): StandInAnswer {
    const [, owner, repo, , number] = req.path.split('/').slice(1);
    if (req.headers.authorization !== `Bearer ${this.token}`) return { status: 401, body: { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest' } };
    if (owner !== this.owner || repo !== this.repo) return { status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' } };
    if (req.headers['x-github-api-version'] !== '2022-11-28') return { status: 400, body: { message: 'Unsupported API version', documentation_url: 'https://docs.github.com/rest' } };
    if (operation === 'issues/create') {
      const body = req.body as { title: string; body?: string; labels?: string[]; assignees?: string[] };
      const unknown = (body.assignees ?? []).find((a) => !this.users.has(a));
      if (unknown) {
        return { status: 422, body: { message: 'Validation Failed', errors: [{ resource: 'Issue', code: 'invalid', field: 'assignees', value: unknown }], documentation_url: 'https://docs.github.com/rest/issues/issues#create-an-issue' } };
      }
      const issue = this.add({ title: String(body.title), body: body.body ?? '', labels: body.labels ?? [], assignees: body.assignees ?? [], createdAt: new Date().toISOString().replace(/\.\d+Z$/, 'Z') });
      return { status: 201, body: this.json(issue), headers: { location: `${this.url}/repos/${this.owner}/${this.repo}/issues/${issue.number}` } };
    }
    if (operation === 'issues/list-for-repo') {
      const perPage = Number(req.query.get('per_page') ?? 30);
      const page = Number(req.query.get('page') ?? 1);
      const labels = req.query.get('labels')?.split(',') ?? [];
      const state = req.query.get('state') ?? 'open';
      const list = [...this.issues]
        .filter((i) => state === 'all' || i.state === state)
        .filter((i) => labels.every((l) => i.labels.includes(l)))
        .sort((a, b) => b.number - a.number)
        .slice((page - 1) * perPage, page * perPage);
      return { status: 200, body: list.map((i) => this.json(i)) };
    }
    const issue = this.issues.find((i) => i.number === Number(number));
    if (!issue) return { status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest/issues/issues#get-an-issue' } };
    const etag = `"${issue.number}-${issue.state}"`;
    if (req.headers['if-none-match'] === etag) return { status: 304, headers: { etag } };
    return { status: 200, body: this.json(issue), headers: { etag } };
  }

  /** The published example issue with this issue's values. */
  private json(issue: StoredIssue): Record<string, unknown> {
    const example = exampleIssue();
    const user = example.user as Record<string, unknown>;
    const label = (example.labels as Record<string, unknown>[])[0]!;
    const base = `https://api.github.com/repos/${this.owner}/${this.repo}`;
    const json: Record<string, unknown> = {
      ...example,
      id: 1000 + issue.number,
      number: issue.number,
      title: issue.title,
      body: issue.body,
      state: issue.state,
      closed_at: issue.closedAt ?? null,
      created_at: issue.createdAt,
      updated_at: issue.closedAt ?? issue.createdAt,
      url: `${base}/issues/${issue.number}`,
      html_url: `https://github.com/${this.owner}/${this.repo}/issues/${issue.number}`,
      labels: issue.labels.map((name, i) => ({ ...label, id: i + 1, name })),
      assignee: issue.assignees[0] ? { ...user, login: issue.assignees[0] } : null,
      assignees: issue.assignees.map((login) => ({ ...user, login })),
    };
    delete json.pull_request;
    return json;
  }
}
