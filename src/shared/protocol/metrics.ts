import type { MetricsResult } from '../../core/metrics/types';
import { isRecord } from './validate';

/**
 * The message protocol between the metrics dashboard (src/vscode/metrics) and its webview
 * (webview/metrics). The extension computes; the webview only draws what it is sent and asks for
 * other options or to open a file. Every message is checked by the guards below on arrival.
 */

export type Granularity = 'month' | 'quarter';

/** Window presets the dashboard offers: the last N months, or everything. */
export const WINDOW_MONTHS = [3, 6, 12, 24, 0] as const;
export type WindowMonths = (typeof WINDOW_MONTHS)[number];

export interface MetricsViewOptions {
  readonly by: Granularity;
  /** 0 = all time. */
  readonly windowMonths: WindowMonths;
}

// ---- extension → webview ----

export interface MetricsDataMessage {
  readonly type: 'metrics';
  readonly options: MetricsViewOptions;
  readonly result: MetricsResult;
  /** How many files the index lists, and how many of them could not be read (named in the output log). */
  readonly unreadable: number;
}

export interface MetricsErrorMessage {
  readonly type: 'error';
  readonly message: string;
}

export type ToMetricsWebview = MetricsDataMessage | MetricsErrorMessage;

// ---- webview → extension ----

export interface MetricsReadyMessage {
  readonly type: 'ready';
}

export interface MetricsOptionsMessage {
  readonly type: 'options';
  readonly options: MetricsViewOptions;
}

/** Open a post-mortem: the uri must be one the extension sent (checked there, not only here). */
export interface MetricsOpenMessage {
  readonly type: 'open';
  readonly uri: string;
}

/** Sent after each draw: what the page shows, for the tests and the log. */
export interface MetricsRenderedMessage {
  readonly type: 'rendered';
  readonly charts: number;
  readonly failedCharts: number;
  readonly tables: number;
}

export type FromMetricsWebview = MetricsReadyMessage | MetricsOptionsMessage | MetricsOpenMessage | MetricsRenderedMessage;

const MAX_URI = 4_000;


function onlyKeys(v: Record<string, unknown>, keys: readonly string[]): boolean {
  return Object.keys(v).every((k) => keys.includes(k)) && keys.every((k) => Object.hasOwn(v, k));
}

const count = (v: unknown) => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 && v <= 10_000;

export function isMetricsViewOptions(v: unknown): v is MetricsViewOptions {
  return isRecord(v) && onlyKeys(v, ['by', 'windowMonths'])
    && (v.by === 'month' || v.by === 'quarter')
    && (WINDOW_MONTHS as readonly unknown[]).includes(v.windowMonths);
}

/** Exactly one of the webview's message shapes, nothing more; anything else is refused. */
export function isFromMetricsWebview(v: unknown): v is FromMetricsWebview {
  if (!isRecord(v)) return false;
  switch (v.type) {
    case 'ready': return onlyKeys(v, ['type']);
    case 'options': return onlyKeys(v, ['type', 'options']) && isMetricsViewOptions(v.options);
    case 'open': return onlyKeys(v, ['type', 'uri']) && typeof v.uri === 'string' && v.uri.length > 0 && v.uri.length <= MAX_URI;
    case 'rendered': return onlyKeys(v, ['type', 'charts', 'failedCharts', 'tables']) && count(v.charts) && count(v.failedCharts) && count(v.tables);
    default: return false;
  }
}

/**
 * The webview trusts its host only as far as shape: a metrics message needs the fields the page
 * reads (deep checks of the result would duplicate its type; the page sets all text with textContent).
 */
export function isToMetricsWebview(v: unknown): v is ToMetricsWebview {
  if (!isRecord(v)) return false;
  if (v.type === 'error') return onlyKeys(v, ['type', 'message']) && typeof v.message === 'string';
  if (v.type !== 'metrics' || !onlyKeys(v, ['type', 'options', 'result', 'unreadable'])) return false;
  if (!isMetricsViewOptions(v.options) || !count(v.unreadable) || !isRecord(v.result)) return false;
  const r = v.result;
  return Array.isArray(r.incidents) && Array.isArray(r.durations) && Array.isArray(r.periods) && Array.isArray(r.rootCauses)
    && isRecord(r.repeats) && isRecord(r.reviews) && isRecord(r.actions) && Array.isArray(r.missing);
}
