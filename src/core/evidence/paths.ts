/**
 * Where evidence goes: a folder beside the post-mortem named after it (`2026-11-20-checkout.assets/`
 * for `2026-11-20-checkout.md`), the same folder VS Code's Markdown copy-files setting
 * (`markdown.copyFiles.destination`: `${documentBaseName}.assets/`) would use. Paths here are
 * `/`-separated and relative to the post-mortem's folder.
 */
export const ASSETS_SUFFIX = '.assets';

/** Above this, attaching warns and suggests Git LFS (5 MB). */
export const LARGE_EVIDENCE_BYTES = 5 * 1024 * 1024;

/** `2026-11-20-checkout.md` → `2026-11-20-checkout.assets`. */
export function assetsFolderName(documentFileName: string): string {
  const dot = documentFileName.lastIndexOf('.');
  return `${dot > 0 ? documentFileName.slice(0, dot) : documentFileName}${ASSETS_SUFFIX}`;
}

/**
 * A file name safe in a Markdown link and on every file system: letters, digits, `.`, `_`, `-`
 * (others become `-`), never empty or hidden, at most 100 characters, the extension kept.
 */
export function safeEvidenceName(original: string): string {
  const base = original.split(/[\\/]/).pop() ?? '';
  let clean = '';
  for (const ch of base.normalize('NFC')) clean += /[A-Za-z0-9._-]/.test(ch) ? ch : '-';
  clean = collapseDashes(clean).replace(/^[.-]+/, '');
  if (!clean || clean.startsWith('.')) clean = `evidence${clean}`;
  if (clean.length > 100) {
    const dot = clean.lastIndexOf('.');
    const ext = dot > 0 && clean.length - dot <= 10 ? clean.slice(dot) : '';
    clean = clean.slice(0, 100 - ext.length) + ext;
  }
  return clean;
}

function collapseDashes(s: string): string {
  let out = '';
  for (const ch of s) if (!(ch === '-' && out.endsWith('-'))) out += ch;
  return out;
}

/** `name` or, when taken, `name-2.ext`, `name-3.ext`, … (case-insensitively: macOS and Windows disks). */
export function uniqueName(name: string, taken: ReadonlySet<string>): string {
  const lower = new Set([...taken].map((t) => t.toLowerCase()));
  if (!lower.has(name.toLowerCase())) return name;
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  const ext = dot > 0 ? name.slice(dot) : '';
  for (let i = 2; i < 10_000; i++) {
    const candidate = `${stem}-${i}${ext}`;
    if (!lower.has(candidate.toLowerCase())) return candidate;
  }
  throw new Error(`Too many files named like ${name}`);
}

const IMAGE_EXTENSIONS = new Set(['png', 'jpg', 'jpeg', 'gif', 'svg', 'webp', 'bmp', 'avif']);

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

export function isImageName(name: string): boolean {
  return IMAGE_EXTENSIONS.has(extensionOf(name));
}

/** A relative path as a Markdown link destination: `<…>` when it has spaces or parentheses. */
export function linkDestination(path: string): string {
  return /[\s()<>]/.test(path) ? `<${path.replace(/[<>]/g, (c) => encodeURIComponent(c))}>` : path;
}

/** Whether a relative path (`/`-separated) goes through a `*.assets` folder. */
export function isEvidencePath(path: string): boolean {
  return path.split('/').slice(0, -1).some((segment) => segment.endsWith(ASSETS_SUFFIX) && segment.length > ASSETS_SUFFIX.length);
}
