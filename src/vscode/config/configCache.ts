// No `vscode` import: the cache logic is unit-tested under plain Node.
import { trimEndWhile } from '../../core/text/trimChars';

/**
 * Values loaded asynchronously per key (a folder's resolved config), readable synchronously once
 * loaded. Concurrent requests for one key share a single load. `clear()` starts a new generation:
 * a load that began before it (an rc file changed meanwhile) never lands in the cache, and whoever
 * awaited it gets the value loaded again under the new generation instead of the stale one.
 * `onLanded` runs once, when a value is actually stored: side effects of a load (reporting the
 * problems it found) belong there, so a stale load (an rc file fixed meanwhile) reports nothing.
 */
export class AsyncCache<T> {
  private readonly done = new Map<string, T>();
  private readonly pending = new Map<string, Promise<T>>();
  private generation = 0;

  get(key: string): T | undefined {
    return this.done.get(key);
  }

  has(key: string): boolean {
    return this.done.has(key);
  }

  keys(): string[] {
    return [...this.done.keys()];
  }

  ensure(key: string, load: () => Promise<T>, onLanded?: (value: T) => void): Promise<T> {
    if (this.done.has(key)) return Promise.resolve(this.done.get(key) as T);
    let pending = this.pending.get(key);
    if (!pending) {
      const generation = this.generation;
      pending = load().then(
        (value) => {
          if (generation !== this.generation) return this.ensure(key, load, onLanded);
          this.pending.delete(key);
          this.done.set(key, value);
          onLanded?.(value);
          return value;
        },
        (e: unknown) => {
          if (generation === this.generation) this.pending.delete(key);
          throw e;
        },
      );
      this.pending.set(key, pending);
    }
    return pending;
  }

  clear(): void {
    this.generation++;
    this.done.clear();
    this.pending.clear();
  }
}

/** What every post-mortem's recognition depends on: a change here means the index must be rebuilt. */
export function recognitionKey(config: { readonly globs: readonly string[]; readonly sectionAliases: unknown }): string {
  return JSON.stringify([config.globs, config.sectionAliases]);
}

/** `/a/b//` → `/a/b` (by hand: `/\/+$/` restarted at every slash of a long run, quadratic). */
export function withoutTrailingSlashes(path: string): string {
  return trimEndWhile(path, (c) => c === '/');
}

/** `/a/b/c.md` → `/a/b`; `/c.md` → `/`. */
export function parentPath(path: string): string {
  const trimmed = withoutTrailingSlashes(path);
  const i = trimmed.lastIndexOf('/');
  return i <= 0 ? '/' : trimmed.slice(0, i);
}

/** Folders from `dir` up to and including `root` (both `/`-separated paths); just `dir` when `root` is not above it. */
export function foldersBetween(dir: string, root: string): string[] {
  const stop = withoutTrailingSlashes(root) || '/';
  const folders = [dir];
  let current = dir;
  while (current !== stop && current !== '/' && (stop === '/' || current.startsWith(`${stop}/`))) {
    current = parentPath(current);
    folders.push(current);
  }
  return folders;
}
