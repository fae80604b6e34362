/**
 * GitHub's published REST API description (`@octokit/openapi`, pinned in package.json: GitHub's
 * official OpenAPI 3.0 description of api.github.com) turned into validators for the operations the
 * GitHub provider uses. The stand-in checks every request it gets (path, query parameters, JSON
 * body) and every answer it gives (status documented for the operation, JSON body against the
 * documented schema) with these, so neither the provider nor the stand-in can drift from the real API.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

type Json = Record<string, unknown>;

interface OperationSpec {
  readonly method: string;
  readonly template: string;
  readonly pattern: RegExp;
  readonly params: Json[];
  readonly body?: ValidateFunction;
  readonly responses: Map<string, ValidateFunction | undefined>;
}

export interface SpecCheck {
  /** The operation's `operationId` (`issues/create`), or undefined when the request matches none. */
  readonly operationId?: string;
  readonly problems: string[];
}

const SPEC_ID = 'https://api.github.com/openapi.json';
/** The operations the provider may call: anything else is a violation. */
const USED: readonly [string, string][] = [
  ['post', '/repos/{owner}/{repo}/issues'],
  ['get', '/repos/{owner}/{repo}/issues'],
  ['get', '/repos/{owner}/{repo}/issues/{issue_number}'],
];

let loaded: { spec: Json; ops: (OperationSpec & { id: string })[]; version: string } | undefined;

function load() {
  if (loaded) return loaded;
  const require = createRequire(import.meta.url);
  const folder = dirname(require.resolve('@octokit/openapi/package.json'));
  const version = (JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as { version: string }).version;
  const spec = JSON.parse(readFileSync(join(folder, 'generated', 'api.github.com.json'), 'utf8')) as Json;
  // OpenAPI 3.0: `nullable`, examples and `x-*` extensions are not JSON Schema keywords Ajv knows in strict mode.
  const ajv = new Ajv({ strict: false, allErrors: true, discriminator: false });
  addFormats(ajv);
  const components = toJsonSchema(spec.components) as Json;
  ajv.addSchema({ $id: SPEC_ID, components: { schemas: components.schemas } });
  const resolve = (node: Json): Json => {
    const ref = node.$ref;
    if (typeof ref !== 'string') return node;
    const [, kind, name] = /^#\/components\/(\w+)\/(.+)$/.exec(ref) ?? [];
    return (components[kind!] as Json)[name!] as Json;
  };
  const compile = (schema: Json) => ajv.compile(rebase(toJsonSchema(schema) as Json));
  const ops = USED.map(([method, template]) => {
    const op = ((spec.paths as Json)[template] as Json)[method] as Json;
    const responses = new Map<string, ValidateFunction | undefined>();
    for (const [status, raw] of Object.entries(op.responses as Json)) {
      const response = resolve(raw as Json);
      const schema = ((response.content as Json | undefined)?.['application/json'] as Json | undefined)?.schema as Json | undefined;
      responses.set(status, schema ? compile(schema) : undefined);
    }
    const bodySchema = (((op.requestBody as Json | undefined)?.content as Json | undefined)?.['application/json'] as Json | undefined)?.schema as Json | undefined;
    return {
      id: op.operationId as string,
      method: method.toUpperCase(),
      template,
      pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '([^/]+)')}$`),
      params: (op.parameters as Json[]).map(resolve),
      ...(bodySchema ? { body: compile(bodySchema) } : {}),
      responses,
    };
  });
  loaded = { spec, ops, version };
  return loaded;
}

/**
 * OpenAPI 3.0's `nullable: true` as JSON Schema: `type: [t, "null"]` (and `null` in an `enum`), or
 * `anyOf: [schema, { type: "null" }]` when the schema has no `type` (`oneOf` of string and integer).
 */
function toJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (!node || typeof node !== 'object') return node;
  const out: Json = {};
  for (const [k, v] of Object.entries(node as Json)) out[k] = k === 'example' || k === 'examples' ? v : toJsonSchema(v);
  if (out.nullable !== true) return out;
  delete out.nullable;
  if (typeof out.type === 'string') {
    out.type = [out.type, 'null'];
    if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...(out.enum as unknown[]), null];
    return out;
  }
  return { anyOf: [out, { type: 'null' }] };
}

/** `#/components/schemas/x` inside an operation → the same schema of the registered description. */
function rebase(schema: Json): Json {
  return JSON.parse(JSON.stringify(schema).replace(/"\$ref":"#\/components\//g, `"$ref":"${SPEC_ID}#/components/`)) as Json;
}

export function githubSpecVersion(): string {
  return load().version;
}

/** The issue example GitHub publishes in the description, as a template for the stand-in's answers. */
export function exampleIssue(): Json {
  const examples = (load().spec.components as Json).examples as Json;
  return structuredClone((examples.issue as Json).value as Json);
}

/** Checks a request: a used operation, known query parameters of the documented types, a valid body. */
export function checkRequest(method: string, path: string, query: URLSearchParams, body: unknown): SpecCheck {
  const op = load().ops.find((o) => o.method === method && o.pattern.test(path));
  if (!op) return { problems: [`${method} ${path}: not an operation the GitHub provider is described to use`] };
  const problems: string[] = [];
  for (const [name, value] of query) {
    const param = op.params.find((p) => p.in === 'query' && p.name === name);
    if (!param) {
      problems.push(`${op.id}: unknown query parameter "${name}"`);
      continue;
    }
    const schema = toJsonSchema(param.schema) as Json;
    const typed = schema.type === 'integer' ? (/^-?\d+$/.test(value) ? Number(value) : value) : value;
    const check = new Ajv({ strict: false }).compile(schema);
    if (!check(typed)) problems.push(`${op.id}: query parameter ${name}=${value}: ${JSON.stringify(check.errors)}`);
  }
  if (op.body) {
    if (!op.body(body)) problems.push(`${op.id}: request body: ${JSON.stringify(op.body.errors).slice(0, 600)}`);
  } else if (body !== undefined) {
    problems.push(`${op.id}: a body where none is described`);
  }
  return { operationId: op.id, problems };
}

/**
 * Checks an answer: the status must be documented for the operation (rate limits and server errors,
 * documented for the whole API rather than per operation, are let through) and a JSON body must
 * match its schema.
 */
export function checkResponse(operationId: string, status: number, body: unknown): string[] {
  const op = load().ops.find((o) => o.id === operationId)!;
  // 401 (bad credentials) and 429 are described for the API as a whole, not per operation.
  if (status === 401 || status === 429 || status >= 500 || (status === 403 && op.method === 'GET')) return [];
  if (!op.responses.has(String(status))) return [`${operationId}: status ${status} is not described for this operation`];
  const validate = op.responses.get(String(status));
  if (validate && !validate(body)) return [`${operationId} ${status}: response body: ${JSON.stringify(validate.errors).slice(0, 600)}`];
  return [];
}
