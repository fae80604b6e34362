import { markersIn } from './marker';
import { TrackerError, type FoundTicket, type MarkerLookup, type TicketRef, type TrackerDeps } from './types';
import { trimEndWhile } from '../text/trimChars';
import { findSensitive, redactText } from '../redaction/scan';
import { DEFAULT_REDACTION } from '../redaction/config';

export interface HttpRequest {
  readonly method: 'GET' | 'POST';
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body?: unknown;
  /** Send If-None-Match with the ETag seen last time and reuse its body on 304. */
  readonly conditional?: boolean;
}

export interface HttpResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly json: unknown;
}

/** What a provider tells the helper about itself, so messages name it and say what to do. */
export interface TrackerIdentity {
  /** "GitHub Issues (acme/shop)". */
  readonly name: string;
  /** What to check on 401/403: "a token with the repo scope". */
  readonly tokenNeeds: string;
  /** Reads the reset time of a rate limit from a response, when the tracker says it. */
  readonly rateLimitReset: (status: number, headers: Headers, now: number) => Date | undefined;
  /** The tracker's own error text from an error body (`message`, `errorMessages`), when any. */
  readonly errorText: (json: unknown) => string | undefined;
  /**
   * What must never be shown, also when the tracker's text echoes it (a proxy quoting the
   * Authorization header): the token, the account e-mail, the encoded Basic credentials.
   */
  readonly secrets: readonly string[];
}

const DEFAULT_TIMEOUT_MS = 20_000;
/** Bodies longer than this are not trackers' JSON answers: refused rather than parsed. */
const MAX_BODY_CHARS = 20 * 1024 * 1024;

/**
 * One JSON request with the errors every tracker shares turned into TrackerErrors: offline, timeout,
 * 401/403, 404, 422/400, 429 and secondary limits (with the reset time), 5xx, malformed JSON. The
 * token is only ever in `headers`, and no message is built from the request: it cannot leak.
 */
export async function requestJson(deps: TrackerDeps, who: TrackerIdentity, req: HttpRequest, now: () => number = Date.now): Promise<HttpResponse> {
  const headers: Record<string, string> = { accept: 'application/json', ...req.headers };
  const cached = req.conditional ? deps.etags?.get(req.url) : undefined;
  if (cached) headers['if-none-match'] = cached.etag;
  if (req.body !== undefined) headers['content-type'] = 'application/json';
  const controller = new AbortController();
  const timeoutMs = deps.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const cancelTimer = (deps.timer ?? startTimer)(timeoutMs, () => controller.abort());
  const target = hostOf(req.url);
  let response: Response;
  let text: string;
  try {
    response = await deps.fetch(req.url, {
      method: req.method, headers, signal: controller.signal,
      ...(req.body !== undefined ? { body: JSON.stringify(req.body) } : {}),
    });
    text = await response.text();
  } catch (e) {
    const sent = req.method === 'POST';
    if (controller.signal.aborted) {
      throw new TrackerError('timeout', `${who.name}: no answer from ${target} within ${timeoutMs / 1000} s.${sent ? ' The ticket may have been created: run the command again, it finds it instead of creating a second.' : ' Try again later.'}`, undefined, true);
    }
    throw new TrackerError('offline', `${who.name}: cannot reach ${target} (${networkReason(e)}). Check the network connection${sent ? '; if the request got through, running the command again finds the ticket instead of creating a second' : ''}.`, undefined, true);
  } finally {
    cancelTimer();
  }
  if (response.status === 304 && cached) return { status: 200, headers: response.headers, json: cached.body };
  let json: unknown;
  if (text.length > MAX_BODY_CHARS) throw new TrackerError('malformed', `${who.name}: the answer from ${target} is larger than 20 MB; not read.`, undefined, true);
  if (text.trim()) {
    try {
      json = JSON.parse(text);
    } catch {
      if (response.ok) throw new TrackerError('malformed', `${who.name}: ${target} answered ${response.status} with something that is not JSON (a proxy or captive portal in between?). Check the tracker's address in .postmortemrc.json.`, undefined, true);
    }
  }
  if (response.ok) {
    const etag = response.headers.get('etag');
    if (req.conditional && etag && deps.etags) deps.etags.set(req.url, { etag, body: json });
    return { status: response.status, headers: response.headers, json };
  }
  throw statusError(who, response.status, response.headers, json, target, now(), deps.tokenSource);
}

function statusError(who: TrackerIdentity, status: number, headers: Headers, json: unknown, target: string, now: number, tokenSource: string): TrackerError {
  const said = who.errorText(json);
  const detail = said ? `: "${clip(scrubbed(said, who.secrets))}"` : '';
  const reset = who.rateLimitReset(status, headers, now);
  if (reset || status === 429) {
    const when = reset ? ` until ${reset.toISOString().replace(/\.\d{3}Z$/, 'Z')} (in about ${minutesUntil(reset, now)})` : '';
    return new TrackerError('rate-limit', `${who.name}: rate limit reached${when}. Nothing more was sent; run the command again after that.`, reset);
  }
  switch (status) {
    case 401:
      return new TrackerError('auth', `${who.name}: the token was refused (401${detail}). Check ${tokenSource}: it must be ${who.tokenNeeds}, and not expired.`);
    case 403:
      return new TrackerError('forbidden', `${who.name}: not allowed (403${detail}). The token from ${tokenSource} is valid but lacks access: it must be ${who.tokenNeeds}.`);
    case 410:
      return new TrackerError('not-found', `${who.name}: gone (410${detail}): deleted from the tracker.`);
    case 404:
      return new TrackerError('not-found', `${who.name}: not found (404${detail}) at ${target}. Check the project/repository in .postmortemrc.json ("tracker") and that the token can see it (private projects answer 404 to tokens without access).`);
    case 400:
    case 422:
      return new TrackerError('validation', `${who.name}: the tracker refused the ticket (${status}${detail}). Check the labels, the owners mapping ("owners" in .postmortemrc.json) and the project settings.`);
    default:
      if (status >= 500) return new TrackerError('server', `${who.name}: the tracker failed (${status}${detail}). Try again later; running the command again finds tickets already created.`, undefined, true);
      return new TrackerError('server', `${who.name}: unexpected answer ${status}${detail}.`);
  }
}

function startTimer(ms: number, onTimeout: () => void): () => void {
  const timer = setTimeout(onTimeout, ms);
  return () => clearTimeout(timer);
}

function minutesUntil(reset: Date, now: number): string {
  const minutes = Math.max(1, Math.ceil((reset.getTime() - now) / 60_000));
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}

/**
 * The tracker's text with the credentials (as given, and as any case of them) and whatever the
 * redaction check finds (tokens, keys, e-mail addresses) replaced, before it is shown (trial18d F6).
 */
export function scrubbed(text: string, secrets: readonly string[]): string {
  let out = text;
  // Split and joined, not a pattern built from the secret: linear, nothing to escape.
  for (const secret of secrets) if (secret.length >= 4) out = replaceFolded(out.split(secret).join('[redacted: credentials]'), secret.toLowerCase());
  return redactText(out, findSensitive(out, DEFAULT_REDACTION));
}

/** Every occurrence of `lowerNeedle` in `text`, compared without case, replaced. */
function replaceFolded(text: string, lowerNeedle: string): string {
  const lower = text.toLowerCase();
  if (lower.length !== text.length) return text; // Case folding changed lengths: positions do not carry over.
  let out = '';
  let from = 0;
  for (let at = lower.indexOf(lowerNeedle); at >= 0; at = lower.indexOf(lowerNeedle, at + lowerNeedle.length)) {
    out += `${text.slice(from, at)}[redacted: credentials]`;
    from = at + lowerNeedle.length;
  }
  return out + text.slice(from);
}

function clip(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > 200 ? `${oneLine.slice(0, 200)}…` : oneLine;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

function networkReason(e: unknown): string {
  const cause = (e as { cause?: { code?: string; message?: string } }).cause;
  const code = cause?.code;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'the name does not resolve';
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return 'the connection was dropped';
  if (e instanceof TypeError && /fetch/i.test(e.message)) return code ? `network error ${code}` : 'network error, or the tracker does not allow calls from a browser (CORS)';
  return code ?? (e as Error).message ?? 'network error';
}

/** Reset time from `Retry-After` (seconds or an HTTP date). */
export function retryAfter(headers: Headers, now: number): Date | undefined {
  const value = headers.get('retry-after');
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return new Date(now + Number(value.trim()) * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : new Date(date);
}

/** Reset time from an epoch-seconds header (`x-ratelimit-reset`, `RateLimit-Reset`). */
export function epochSecondsHeader(headers: Headers, name: string): Date | undefined {
  const value = headers.get(name);
  return value && /^\d{9,11}$/.test(value.trim()) ? new Date(Number(value.trim()) * 1000) : undefined;
}

/** Base64 of a UTF-8 string, without Buffer (the core runs in browsers too). */
export function base64Utf8(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

/** `https://api.github.com/` → `https://api.github.com` (paths are appended with their own `/`). */
export function trimBase(url: string): string {
  return trimEndWhile(url, (ch) => ch === '/');
}

/** How far back a marker is looked for: the 300 most recently created issues (3 requests at most). */
export const LOOKBACK_PAGES = 3;
export const PAGE_SIZE = 100;

/** How a REST tracker lists its issues, newest first, for {@link findMarkersInRecentIssues}. */
export interface RecentIssues<I> {
  /** The address of one page (1-based) of the most recently created issues. */
  readonly pageUrl: (page: number) => string;
  readonly get: (url: string) => Promise<HttpResponse>;
  /** The issue in a raw list entry (throws when it is not one); undefined skips it (a pull request). */
  readonly issue: (raw: unknown) => I | undefined;
  readonly body: (issue: I) => string | null | undefined;
  readonly ref: (issue: I) => TicketRef;
  /** The error for an answer that is not a list of issues. */
  readonly malformed: () => TrackerError;
}

/**
 * The tickets whose body carries the marker of a wanted item, from the tracker's most recently
 * created issues, whatever their labels, a page at a time until all are found, a page comes back
 * short, or LOOKBACK_PAGES were read (then `complete` is false). Listing, not search: a search
 * index lags behind creation, and a retry right after a lost answer would miss the ticket it just
 * created.
 */
export async function findMarkersInRecentIssues<I>(itemIds: readonly string[], recent: RecentIssues<I>): Promise<MarkerLookup> {
  const collect = new MarkerCollector(itemIds);
  let complete = true;
  for (let page = 1; !collect.allFound(); page++) {
    if (page > LOOKBACK_PAGES) {
      complete = false;
      break;
    }
    const res = await recent.get(recent.pageUrl(page));
    if (!Array.isArray(res.json)) throw recent.malformed();
    for (const raw of res.json) {
      const issue = recent.issue(raw);
      if (issue === undefined) continue;
      const body = recent.body(issue) ?? '';
      collect.add(body, () => recent.ref(issue));
    }
    if (res.json.length < PAGE_SIZE) break;
  }
  return collect.result(complete);
}

/** Collects the tickets carrying wanted markers (every one per id: two mean a duplicate). */
export class MarkerCollector {
  private readonly wanted: Set<string>;
  private readonly found = new Map<string, FoundTicket[]>();
  private scanned = 0;

  constructor(itemIds: readonly string[]) {
    this.wanted = new Set(itemIds);
  }

  allFound(): boolean {
    return this.found.size >= this.wanted.size;
  }

  add(body: string, ref: () => TicketRef): void {
    this.scanned++;
    let ticket: TicketRef | undefined;
    for (const id of new Set(markersIn(body))) {
      if (!this.wanted.has(id)) continue;
      ticket ??= ref();
      const list = this.found.get(id) ?? [];
      if (!list.some((f) => f.ticket.label === ticket!.label)) list.push({ ticket, body });
      this.found.set(id, list);
    }
  }

  result(complete: boolean): MarkerLookup {
    return { found: this.found, scanned: this.scanned, complete };
  }
}

/**
 * The issue number of `#12`, or of an issue address that `fromPath` recognises as this repository's
 * or project's (it returns the number, else undefined).
 */
export function issueNumberOf(ticket: string, fromPath: (path: string) => number | undefined): number | undefined {
  const short = /^#(\d{1,9})$/.exec(ticket.trim());
  if (short) return Number(short[1]);
  try {
    return fromPath(new URL(ticket.trim()).pathname);
  } catch {
    return undefined;
  }
}
