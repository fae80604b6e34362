import type { SourceLine } from './model';

const FENCE = /^\s{0,3}(`{3,}|~{3,})/;

/** Lines outside fenced code, with a callback per line (the index into `lines`). */
export function eachOutsideFences(lines: readonly SourceLine[], visit: (src: SourceLine, k: number) => void): void {
  let fence: string | undefined;
  lines.forEach((src, k) => {
    const f = FENCE.exec(src.text);
    if (fence) {
      if (f?.[1].startsWith(fence)) fence = undefined;
      return;
    }
    if (f) {
      fence = f[1];
      return;
    }
    visit(src, k);
  });
}
