/**
 * Jira Cloud on 127.0.0.1: `POST /rest/api/3/issue` and `POST /rest/api/3/search/jql`, with every
 * request body and answer checked by the zod schemas of jira.js (pinned in package.json), which that
 * library generates from Atlassian's Jira Cloud platform REST v3 description: IssueUpdateDetailsSchema
 * (request), CreatedIssueSchema (201), SearchAndReconcileRequestSchema and
 * SearchAndReconcileResultsSchema (search). Those schemas are loose objects: documented keys must
 * have the documented types, extra keys pass, and `fields` of a create is a free record — so the
 * stand-in checks the fields the provider sends (project key, summary, issue type, description,
 * labels, duedate, assignee) by Jira's documented rules itself, the description against
 * Atlassian's published ADF JSON schema (adf/full.json).
 */
import { readFileSync } from 'node:fs';
import Ajv, { type ValidateFunction } from 'ajv';
import { StandIn, type StandInAnswer, type StandInRequest } from './standIn';

let adfValidator: ValidateFunction | undefined;

/**
 * Atlassian's published ADF JSON schema (adf/full.json, see adf/README.md), compiled once. It is
 * written for JSON Schema draft-04; Ajv 8 reads it as it is once its `$schema` is dropped (it uses
 * no draft-04-only keyword: no boolean exclusiveMinimum, `id` only as a property name).
 */
function adfSchema(): ValidateFunction {
  if (!adfValidator) {
    const schema = JSON.parse(readFileSync(new URL('./adf/full.json', import.meta.url), 'utf8')) as Record<string, unknown>;
    delete schema.$schema;
    adfValidator = new Ajv({ strict: false, allErrors: false }).compile(schema);
  }
  return adfValidator;
}

/** What the ADF schema finds wrong with a description (empty when it is a valid document). */
export function adfProblems(description: unknown): string[] {
  const validate = adfSchema();
  if (validate(description)) return [];
  // The deepest errors first: anyOf lists every branch that failed at the top as well.
  return [...(validate.errors ?? [])].sort((a, b) => b.instancePath.length - a.instancePath.length).slice(0, 3).map((e) => `createIssue: fields.description is not valid ADF: ${e.instancePath || '/'} ${e.message ?? ''}`);
}

interface StoredIssue {
  key: string;
  summary: string;
  description: unknown;
  labels: string[];
  duedate?: string;
  assignee?: string;
  done: boolean;
  resolutiondate?: string;
}

const OPERATIONS: Record<string, { method: string; path: RegExp }> = {
  createIssue: { method: 'POST', path: /^\/rest\/api\/3\/issue$/ },
  searchJql: { method: 'POST', path: /^\/rest\/api\/3\/search\/jql$/ },
};

type JiraSchemas = typeof import('jira.js/cloud');

export class JiraStandIn extends StandIn {
  /** jira.js is an ES module with an `import`-only export: loaded by import() when the stand-in starts. */
  private schemas: JiraSchemas | undefined;
  readonly issues: StoredIssue[] = [];
  readonly accounts = new Set(['5b10a2844c20165700ede21g']);
  email = 'dana@example.com';
  token = 'jira-test-token';

  constructor(readonly project = 'OPS') {
    super({
      checkRequest: (req) => this.checkRequest(req),
      checkResponse: (operation, answer) => this.checkResponse(operation, answer),
      handle: (req, operation) => this.handle(req, operation),
    });
  }

  override async start(): Promise<this> {
    this.schemas = await import('jira.js/cloud');
    return super.start();
  }

  add(summary: string, done = false, resolved?: string): StoredIssue {
    const issue: StoredIssue = { key: `${this.project}-${this.issues.length + 1}`, summary, description: null, labels: [], done, ...(resolved ? { resolutiondate: `${resolved}T12:00:00.000+0000` } : {}) };
    this.issues.push(issue);
    return issue;
  }

  private checkRequest(req: StandInRequest): { operation?: string; problems: string[] } {
    const operation = Object.keys(OPERATIONS).find((k) => OPERATIONS[k]!.method === req.method && OPERATIONS[k]!.path.test(req.path));
    if (!operation) return { problems: [`${req.method} ${req.path}: not an operation the Jira provider is described to use`] };
    const problems: string[] = [];
    const { IssueUpdateDetailsSchema, SearchAndReconcileRequestSchema } = this.schemas!;
    const schema = operation === 'createIssue' ? IssueUpdateDetailsSchema : SearchAndReconcileRequestSchema;
    const parsed = schema.safeParse(req.body);
    if (!parsed.success) problems.push(`${operation}: request body: ${parsed.error.message}`);
    if (operation === 'createIssue') problems.push(...checkFields((req.body as { fields?: Record<string, unknown> }).fields));
    return { operation, problems };
  }

  private checkResponse(operation: string, answer: StandInAnswer): string[] {
    if (answer.status >= 400) return [];
    const { CreatedIssueSchema, SearchAndReconcileResultsSchema } = this.schemas!;
    const schema = operation === 'createIssue' ? CreatedIssueSchema : SearchAndReconcileResultsSchema;
    const parsed = schema.safeParse(answer.body);
    return parsed.success ? [] : [`${operation} ${answer.status}: ${parsed.error.message}`];
  }

  private handle(req: StandInRequest, operation: string): StandInAnswer {
    const expected = `Basic ${Buffer.from(`${this.email}:${this.token}`).toString('base64')}`;
    if (req.headers.authorization !== expected) return { status: 401, body: { errorMessages: ['Client must be authenticated to access this resource.'], errors: {} } };
    if (operation === 'createIssue') {
      const fields = (req.body as { fields: Record<string, unknown> }).fields;
      if ((fields.project as { key?: string }).key !== this.project) return { status: 400, body: { errorMessages: [], errors: { project: 'valid project is required' } } };
      const assignee = (fields.assignee as { accountId?: string } | undefined)?.accountId;
      if (assignee && !this.accounts.has(assignee)) return { status: 400, body: { errorMessages: [], errors: { assignee: `User '${assignee}' cannot be assigned issues.` } } };
      const issue = this.add(String(fields.summary));
      issue.description = fields.description;
      issue.labels = (fields.labels as string[] | undefined) ?? [];
      if (typeof fields.duedate === 'string') issue.duedate = fields.duedate;
      if (assignee) issue.assignee = assignee;
      return { status: 201, body: { id: String(10000 + this.issues.length), key: issue.key, self: `${this.url}/rest/api/3/issue/${10000 + this.issues.length}` } };
    }
    const body = req.body as { jql: string; fields?: string[]; maxResults?: number; nextPageToken?: string };
    const keys = /^key in \((.*)\)$/.exec(body.jql);
    let found: StoredIssue[];
    if (keys) {
      const wanted = [...keys[1]!.matchAll(/"([^"]+)"/g)].map((m) => m[1]!);
      const missing = wanted.find((k) => !this.issues.some((i) => i.key === k));
      if (missing) return { status: 400, body: { errorMessages: [`An issue with key '${missing}' does not exist for field 'key'.`], errors: {}, warningMessages: [] } };
      found = this.issues.filter((i) => wanted.includes(i.key));
    } else if (new RegExp(`^project = "${this.project}"(?: AND labels = "[^"]+")* ORDER BY created DESC$`).test(body.jql)) {
      const labels = [...body.jql.matchAll(/labels = "([^"]+)"/g)].map((m) => m[1]!);
      found = [...this.issues].reverse().filter((i) => labels.every((l) => i.labels.includes(l)));
    } else {
      return { status: 400, body: { errorMessages: [`The stand-in does not understand the JQL: ${body.jql}`], errors: {} } };
    }
    const start = body.nextPageToken ? Number(body.nextPageToken) : 0;
    const size = body.maxResults ?? 50;
    const page = found.slice(start, start + size);
    return {
      status: 200,
      body: {
        issues: page.map((i) => ({
          id: i.key.replace(/\D/g, ''), key: i.key, self: `${this.url}/rest/api/3/issue/${i.key}`,
          fields: {
            description: i.description,
            resolutiondate: i.resolutiondate ?? null,
            status: { name: i.done ? 'Done' : 'To Do', statusCategory: { key: i.done ? 'done' : 'new', name: i.done ? 'Done' : 'To Do', id: i.done ? 3 : 2 } },
          },
        })),
        isLast: start + size >= found.length,
        ...(start + size < found.length ? { nextPageToken: String(start + size) } : {}),
      },
    };
  }
}

/** The create fields the provider sends, by Jira's documented rules (the schema leaves `fields` free). */
function checkFields(fields: Record<string, unknown> | undefined): string[] {
  const problems: string[] = [];
  if (!fields) return ['createIssue: no "fields"'];
  if (typeof (fields.project as { key?: unknown })?.key !== 'string') problems.push('createIssue: fields.project.key must be a string');
  if (typeof (fields.issuetype as { name?: unknown })?.name !== 'string') problems.push('createIssue: fields.issuetype.name must be a string');
  if (typeof fields.summary !== 'string' || fields.summary.length > 255 || /\n/.test(fields.summary)) problems.push('createIssue: fields.summary must be one line of at most 255 characters');
  const d = fields.description as { type?: unknown; version?: unknown; content?: unknown } | undefined;
  if (d !== undefined && (d.type !== 'doc' || d.version !== 1 || !Array.isArray(d.content))) problems.push('createIssue: fields.description must be an ADF doc (type "doc", version 1, content)');
  else if (d !== undefined) problems.push(...adfProblems(d));
  if (fields.labels !== undefined && !(Array.isArray(fields.labels) && fields.labels.every((l) => typeof l === 'string' && !/\s/.test(l)))) problems.push('createIssue: labels must be strings without spaces');
  if (fields.duedate !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(String(fields.duedate))) problems.push('createIssue: duedate must be YYYY-MM-DD');
  const allowed = new Set(['project', 'issuetype', 'summary', 'description', 'labels', 'duedate', 'assignee']);
  for (const k of Object.keys(fields)) if (!allowed.has(k)) problems.push(`createIssue: unexpected field ${k}`);
  return problems;
}
