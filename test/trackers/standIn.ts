/**
 * A local HTTP server standing in for a ticket tracker, on 127.0.0.1 and a free port, started and
 * stopped by the tests. Each tracker's stand-in supplies the routes and its API description checks;
 * this part records requests, injects faults and collects every violation of the description, which
 * the tests assert to be empty.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface StandInRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingMessage['headers'];
  readonly body: unknown;
}

export interface StandInAnswer {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
}

export type Fault =
  /** Handle the request (the ticket is created), then drop the connection without an answer. */
  | { readonly kind: 'drop-after-handling' }
  /** Answer with this instead of handling the request. */
  | { readonly kind: 'answer'; readonly answer: StandInAnswer }
  /** Never answer (the client's time limit must end the wait). */
  | { readonly kind: 'hang' }
  /** Answer 200 with text that is not JSON. */
  | { readonly kind: 'malformed-json' };

interface PendingFault {
  readonly method: string;
  readonly path: RegExp;
  readonly fault: Fault;
  /** Matching requests still to let through before this one (inject's `skip`). */
  skip: number;
}

export interface StandInSpec {
  /** The operation a request is (for the log and the description checks), and what is wrong with it. */
  checkRequest(req: StandInRequest): { operation?: string; problems: string[] };
  checkResponse(operation: string, answer: StandInAnswer): string[];
  handle(req: StandInRequest, operation: string): StandInAnswer;
}

export class StandIn {
  readonly requests: { method: string; path: string; query: string; operation?: string }[] = [];
  /** Requests or answers that the published description does not allow. Tests assert none. */
  readonly violations: string[] = [];
  private readonly faults: PendingFault[] = [];
  private readonly sockets = new Set<Socket>();
  private server: Server | undefined;
  url = '';

  constructor(private readonly spec: StandInSpec) {}

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.serve(req, res));
    this.server.on('connection', (s) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Time limits of requests in flight (see `timer`): a hung request ends them, instead of a wall clock. */
  private readonly pendingTimers = new Set<() => void>();

  /** A `TrackerDeps.timer` whose limit is reached when this stand-in hangs a request, never by the clock. */
  readonly timer = (_ms: number, onTimeout: () => void): (() => void) => {
    this.pendingTimers.add(onTimeout);
    return () => this.pendingTimers.delete(onTimeout);
  };

  /** The next request matching `method` and `path` (after `skip` of them) gets this fault (once). */
  inject(method: string, path: RegExp, fault: Fault, skip = 0): void {
    this.faults.push({ method, path, fault, skip });
  }

  count(operation: string): number {
    return this.requests.filter((r) => r.operation === operation).length;
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    let body: unknown;
    if (raw) {
      try {
        body = JSON.parse(raw);
      } catch {
        this.violations.push(`${req.method} ${url.pathname}: body is not JSON`);
      }
    }
    const request: StandInRequest = { method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: req.headers, body };
    const checked = this.spec.checkRequest(request);
    this.requests.push({ method: request.method, path: request.path, query: url.search, ...(checked.operation ? { operation: checked.operation } : {}) });
    for (const p of checked.problems) this.violations.push(p);
    if (raw && req.headers['content-type'] !== 'application/json') this.violations.push(`${request.method} ${request.path}: content-type ${String(req.headers['content-type'])}, expected application/json`);
    if (!checked.operation) return this.send(res, { status: 404, body: { message: 'Not Found' } });
    const matching = this.faults.filter((f) => f.method === request.method && f.path.test(request.path));
    const due = matching.find((f) => f.skip === 0);
    for (const f of matching) if (f.skip > 0) f.skip--;
    const fault = due ? this.faults.splice(this.faults.indexOf(due), 1)[0]!.fault : undefined;
    if (fault?.kind === 'hang') {
      // Only the hung request is in flight (the providers send one request at a time here).
      for (const fire of [...this.pendingTimers]) fire();
      return;
    }
    if (fault?.kind === 'malformed-json') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"number": 1, "html_url": ');
      return;
    }
    if (fault?.kind === 'answer') {
      for (const p of this.spec.checkResponse(checked.operation, fault.answer)) this.violations.push(p);
      return this.send(res, fault.answer);
    }
    const answer = this.spec.handle(request, checked.operation);
    for (const p of this.spec.checkResponse(checked.operation, answer)) this.violations.push(p);
    if (fault?.kind === 'drop-after-handling') {
      req.socket.destroy();
      return;
    }
    this.send(res, answer);
  }

  private send(res: ServerResponse, answer: StandInAnswer): void {
    res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
    res.end(answer.body === undefined ? '' : JSON.stringify(answer.body));
  }
}
