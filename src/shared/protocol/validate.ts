import {
  MAX_CONTENT_LENGTH, MAX_EXPORT_LENGTH, MAX_TEXT_LENGTH, MAX_URI_LENGTH,
  type FromWebview, type ToWebview,
} from './messages';

/**
 * Type guards for every message crossing the webview boundary. Each accepts exactly one shape:
 * the right `type`, every required field with the right type and range, optional fields only when
 * declared, and no other keys. Anything else yields an error string saying why, for the log.
 */

export type Check = (value: unknown) => boolean;

/** Plain data objects only: structured clone delivers these; arrays, class instances and proxies-of-prototypes are refused. */
export function isRecord(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

export const str = (max: number): Check => (v) => typeof v === 'string' && v.length <= max;
export const oneOf = (...values: readonly unknown[]): Check => (v) => values.includes(v);
export const nonNegativeInt: Check = (v) => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const bool: Check = (v) => typeof v === 'boolean';
const base64 = (max: number): Check => (v) => typeof v === 'string' && v.length <= max && /^[A-Za-z0-9+/]*={0,2}$/.test(v);

export interface Shape {
  readonly required: Record<string, Check>;
  readonly optional?: Record<string, Check>;
}

/** Why `msg` does not have exactly `shape`'s fields (its `type` key aside), or undefined when it does. */
export function matches(msg: Record<string, unknown>, shape: Shape): string | undefined {
  for (const key of Object.keys(msg)) {
    if (key === 'type') continue;
    // Own-property checks: `'__proto__' in {}` is true, and a JSON-parsed "__proto__" key is an own field.
    if (!Object.hasOwn(shape.required, key) && !(shape.optional && Object.hasOwn(shape.optional, key))) return `unexpected field "${key}"`;
  }
  for (const [key, check] of Object.entries(shape.required)) {
    if (!Object.hasOwn(msg, key)) return `missing field "${key}"`;
    if (!check(msg[key])) return `invalid field "${key}"`;
  }
  for (const [key, check] of Object.entries(shape.optional ?? {})) {
    if (Object.hasOwn(msg, key) && !check(msg[key])) return `invalid field "${key}"`;
  }
  return undefined;
}

const TO_WEBVIEW: Record<ToWebview['type'], Shape> = {
  document: {
    required: {
      kind: oneOf('fishbone', 'fault-tree'), content: str(MAX_CONTENT_LENGTH), version: nonNegativeInt,
      blockIndex: nonNegativeInt, kindIndex: nonNegativeInt, firstLine: nonNegativeInt, fileName: str(MAX_TEXT_LENGTH),
      uri: (v) => typeof v === 'string' && v.length > 0 && v.length <= MAX_URI_LENGTH,
    },
    optional: { hostNote: str(MAX_TEXT_LENGTH) },
  },
  gone: { required: { reason: str(MAX_TEXT_LENGTH) }, optional: { whatNow: str(MAX_TEXT_LENGTH) } },
  editResult: { required: { requestId: nonNegativeInt, ok: bool, version: nonNegativeInt }, optional: { reason: str(MAX_TEXT_LENGTH) } },
  exportRequest: { required: { format: oneOf('svg', 'png') } },
  zoom: { required: { action: oneOf('in', 'out', 'reset') } },
};

const FROM_WEBVIEW: Record<FromWebview['type'], Shape> = {
  ready: { required: {} },
  edit: { required: { requestId: nonNegativeInt, baseVersion: nonNegativeInt, content: str(MAX_CONTENT_LENGTH) } },
  undo: { required: { requestId: nonNegativeInt } },
  redo: { required: { requestId: nonNegativeInt } },
  export: { required: { format: oneOf('svg', 'png'), data: str(MAX_EXPORT_LENGTH) }, optional: { saveAs: bool } },
  reveal: { required: { line: nonNegativeInt } },
  log: { required: { level: oneOf('info', 'warn', 'error'), message: str(MAX_TEXT_LENGTH) } },
  drawn: { required: { ok: bool, ms: nonNegativeInt } },
};

export type Validated<T> = { readonly ok: true; readonly message: T } | { readonly ok: false; readonly error: string };

function validate<T>(value: unknown, shapes: Record<string, Shape>): Validated<T> {
  if (!isRecord(value)) return { ok: false, error: 'not a plain object' };
  const type = value.type;
  if (typeof type !== 'string' || !Object.hasOwn(shapes, type)) {
    return { ok: false, error: `unknown message type ${typeof type === 'string' ? JSON.stringify(type.slice(0, 40)) : typeof type}` };
  }
  const error = matches(value, shapes[type]);
  if (error) return { ok: false, error: `${type}: ${error}` };
  if (type === 'export' && value.format === 'png' && !base64(MAX_EXPORT_LENGTH)(value.data)) return { ok: false, error: 'export: PNG data is not base64' };
  if (type === 'export' && value.format === 'svg' && !/^\s*<svg[\s>]/.test(value.data as string)) return { ok: false, error: 'export: SVG data does not start with <svg' };
  return { ok: true, message: value as T };
}

/** Checks a message the extension received from the webview. */
export function validateFromWebview(value: unknown): Validated<FromWebview> {
  return validate<FromWebview>(value, FROM_WEBVIEW);
}

/** Checks a message the webview received from the extension. */
export function validateToWebview(value: unknown): Validated<ToWebview> {
  return validate<ToWebview>(value, TO_WEBVIEW);
}
