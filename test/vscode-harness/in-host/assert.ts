// node:assert does not exist in the web-worker extension host; this covers what suites need there
// and behaves the same in the Node host.
export class AssertionError extends Error {
  override name = 'AssertionError';
}

const show = (value: unknown): string => JSON.stringify(value) ?? String(value);

export function ok(value: unknown, message = `expected a truthy value, got ${show(value)}`): asserts value {
  if (!value) throw new AssertionError(message);
}

export function equal<T>(actual: T, expected: T, message?: string): void {
  if (!Object.is(actual, expected)) throw new AssertionError(message ?? `expected ${show(expected)}, got ${show(actual)}`);
}

/** Structural equality of plain data (objects, arrays, primitives); key order does not matter. */
export function deepEqual(actual: unknown, expected: unknown, message?: string): void {
  if (!same(actual, expected)) throw new AssertionError(message ?? `expected ${show(expected)}, got ${show(actual)}`);
}

function same(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  return keysA.every((key) => Object.hasOwn(b, key) && same((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

export async function rejects(promise: Promise<unknown>, pattern?: RegExp): Promise<void> {
  try {
    await promise;
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    if (pattern && !pattern.test(text)) throw new AssertionError(`rejected with ${show(text)}, expected ${pattern}`);
    return;
  }
  throw new AssertionError('expected the promise to reject');
}
