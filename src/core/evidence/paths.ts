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
 * A file name safe in a Markdown link and on Windows, macOS and Linux: letters of any script
 * (`скриншот.png`, `截图.png` stay as they are, NFC), digits, marks, `.`, `_`, `-`; anything else
 * (spaces, `<>:"/\\|?*#%[]()`, controls) becomes `-`. The extension is kept (an image stays an
 * image); the stem is never empty or hidden (`.png` → `evidence.png`), never ends in `.` or `-`
 * (Windows drops a trailing dot), never a Windows device name (`con.log` → `con-file.log`), and at
 * most 100 characters and 200 UTF-8 bytes (file systems allow 255 bytes; `-2` may be added).
 * Trial18a F2: every non-Latin letter became `-` and the stem was stripped to the extension,
 * `скриншот.png` → `png`, linked as a plain link.
 */
export function safeEvidenceName(original: string): string {
  const base = (original.split(/[\\/]/).pop() ?? '').normalize('NFC');
  const dot = base.lastIndexOf('.');
  const hasExtension = dot >= 0 && /^[\p{L}\p{N}]{1,10}$/u.test(base.slice(dot + 1));
  const ext = hasExtension ? base.slice(dot) : '';
  let stem = cleanPart(hasExtension ? base.slice(0, dot) : base);
  if (!stem) stem = 'evidence';
  // Windows reads the part before the first dot: `nul.tar.gz` is the device too.
  if (WINDOWS_DEVICE.test(stem.split('.')[0])) stem = stem.replace(/^[^.]*/, (device) => `${device}-file`);
  return cutStem(stem, ext) + ext;
}

/** Names Windows keeps for devices, with any extension (`NUL.txt` cannot be created there). */
const WINDOWS_DEVICE = /^(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;

/** Letters, marks, digits, `.`, `_` and `-` kept; runs of anything else one `-`; no `.` or `-` at either end. */
function cleanPart(part: string): string {
  let clean = '';
  for (const ch of part) clean += /^[\p{L}\p{M}\p{N}._-]$/u.test(ch) ? ch : '-';
  return trimDotsAndDashes(collapseDashes(clean));
}

/** The stem cut (by whole characters) so that the name stays within 100 characters and 200 UTF-8 bytes. */
function cutStem(stem: string, ext: string): string {
  const chars = [...stem];
  const extBytes = [...ext].reduce((n, ch) => n + utf8Length(ch), 0);
  let out = '';
  let bytes = 0;
  let count = 0;
  for (const ch of chars) {
    const size = utf8Length(ch);
    if (count + 1 + ext.length > 100 || bytes + size + extBytes > 200) break;
    out += ch;
    bytes += size;
    count++;
  }
  return trimDotsAndDashes(out) || 'evidence';
}

/** Without dots and dashes at either end (a loop: `[.-]+$` rescans a long run of dots from every start). */
function trimDotsAndDashes(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && (s[start] === '.' || s[start] === '-')) start++;
  while (end > start && (s[end - 1] === '.' || s[end - 1] === '-')) end--;
  return s.slice(start, end);
}

/** Bytes of one character (code point) in UTF-8. */
function utf8Length(ch: string): number {
  const cp = ch.codePointAt(0)!;
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

/**
 * Each run of dots and dashes with a dash in it (`-.-`, from `a . b`) as one dash; a run of dots
 * alone (`a..b`) kept. One pass (no regex: a name of many dots must not be read quadratically).
 */
function collapseDashes(s: string): string {
  let out = '';
  let run = '';
  const flush = () => {
    out += run.includes('-') ? '-' : run;
    run = '';
  };
  for (const ch of s) {
    if (ch === '-' || ch === '.') run += ch;
    else {
      if (run) flush();
      out += ch;
    }
  }
  if (run) flush();
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
