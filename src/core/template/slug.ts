import { KIND_INFO } from '../redaction/kinds';
import { scanSensitive } from '../redaction/scan';
import { formatLocalDate } from '../time/zones';
import { transliterate } from './transliterate';

const MAX_SLUG = 48;

/**
 * The file-name slug of a title: letters and digits of any script kept (`支付服务中断`,
 * `другой-инцидент`), accents dropped from Latin letters (`Café` → `cafe`), lower case, everything
 * else a single `-`. At most 48 characters, cut at a dash when one is near; never empty.
 */
export function slugify(title: string): string {
  const words = withoutSensitive(title);
  return fileSlug(withoutTags(words)) || fileSlug(words) || 'incident';
}

/**
 * The title with what the redaction check finds (e-mail addresses, phone numbers, tokens, IPs; the
 * default settings) blanked out. A file name and an id travel where the title's redaction never
 * reaches (git history, links, every ticket body): `Outage reported by jane.doe@acme.com` was named
 * `…-outage-reported-by-jane-doe-acme-com.md`, and slugged, no check could find it again (trial15a F9).
 */
export function withoutSensitive(title: string): string {
  const { found } = scanSensitive(title);
  if (!found.length) return title;
  let out = '';
  let last = 0;
  for (const f of found) {
    if (f.start < last) continue;
    out += `${title.slice(last, f.start)} `;
    last = f.end;
  }
  return out + title.slice(last);
}

/** What `withoutSensitive` leaves out of a title's names, in words ("an e-mail address"), once each, for the hosts' note; empty when nothing. */
export function sensitiveLeftOutOfName(title: string): readonly string[] {
  const nouns: string[] = [];
  for (const f of scanSensitive(title).found) {
    const noun = KIND_INFO[f.kind].noun;
    if (!nouns.includes(noun)) nouns.push(noun);
  }
  return nouns;
}

function fileSlug(title: string): string {
  let out = '';
  // A combining mark stays with the letter it is written on (Devanagari vowel signs); after a
  // symbol it is part of that symbol — an emoji's VARIATION SELECTOR-16 — and goes with it, or the
  // file name keeps an invisible character (trial13a F18: `checkout-\uFE0F-5xx.md`).
  let afterLetter = false;
  for (const ch of title.normalize('NFC')) {
    const latin = latinBase(ch);
    if (latin !== undefined || /[\p{L}\p{N}]/u.test(ch)) {
      out += latin ?? ch;
      afterLetter = true;
    } else if (/\p{M}/u.test(ch)) {
      if (afterLetter && !isVariationSelector(ch)) out += ch;
    } else {
      out += '-';
      afterLetter = false;
    }
  }
  return shorten(tidy(out.toLowerCase()));
}

/**
 * The id slug of a title: ASCII only, as ids must be (schemas/postmortem.schema.json). Latin
 * accents are dropped and Cyrillic and Greek transliterated (`другой инцидент` → `drugoi-intsident`).
 * Letters ASCII cannot spell (Chinese, Arabic, …) are left out, and a 6-character fingerprint of the
 * title is added instead, so two such titles on the same day still get different ids
 * (`支付服务中断` → `incident-1x9k2c`).
 */
export function idSlug(title: string): string {
  let out = '';
  let dropped = false;
  const cleaned = withoutSensitive(title);
  const words = withoutTags(cleaned);
  // A title of tags alone (`<script>`) is named by their letters rather than "incident".
  for (const ch of (/[\p{L}\p{N}]/u.test(words) ? words : cleaned).normalize('NFC')) {
    const ascii = latinBase(ch) ?? transliterate(ch);
    if (ascii !== undefined) out += ascii;
    else {
      if (/[\p{L}\p{N}]/u.test(ch)) dropped = true;
      out += '-';
    }
  }
  const slug = tidy(out.toLowerCase());
  if (!dropped) return shorten(slug) || 'incident';
  const print = fingerprint(cleaned.normalize('NFC').trim().toLowerCase());
  return `${shorten(slug, MAX_SLUG - print.length - 1) || 'incident'}-${print}`;
}

/** Longest HTML tag looked for: a `<` with no `>` this soon after it is text. */
const MAX_TAG = 100;

/**
 * The title without what reads as HTML tags (`<b>`, `</b>`, `<span class="x">`): the title is shown
 * as typed in the post-mortem (escaped as text), but a tag's name is markup, not a word of it, and
 * `Checkout <b>5xx</b> after push` was named `checkout-b-5xx-b-after-push.md` (trial 13a). A hand
 * scanner: from each `<` it reads at most MAX_TAG characters, so it is linear in the title.
 */
export function withoutTags(title: string): string {
  let out = '';
  let copied = 0;
  for (let i = title.indexOf('<'); i !== -1; i = title.indexOf('<', i + 1)) {
    let j = i + 1;
    if (title[j] === '/') j++;
    if (!/[A-Za-z]/.test(title[j] ?? '')) continue;
    while (j < title.length && /[A-Za-z0-9-]/.test(title[j])) j++;
    // After the name: `>` at once, or attributes (no `<`) up to `>` within the bound.
    if (title[j] !== '>' && !/[\s/]/.test(title[j] ?? '')) continue;
    const limit = Math.min(title.length, i + MAX_TAG);
    while (j < limit && title[j] !== '>' && title[j] !== '<') j++;
    if (title[j] !== '>') continue;
    out += `${title.slice(copied, i)} `;
    copied = j + 1;
    i = j;
  }
  return copied === 0 ? title : out + title.slice(copied);
}

/**
 * The day a new post-mortem is named by: the writer's calendar date in `zone` (the zone written as
 * `timezone:`), not the UTC date — at 22:49 in Los Angeles it is still the 5th for the person, and
 * `postmortem list` shows the 5th too (dates in the document's zone). Invalid/absent zone: UTC.
 */
export function writerDay(now: Date, zone = 'UTC'): string {
  return formatLocalDate(now.getTime(), zone);
}

/**
 * The file name for a new post-mortem: `2026-11-27-checkout-5xx.md` (the writer's date in `zone`, so
 * it sorts by day). `n` ≥ 2 names the n-th post-mortem of that title and day
 * (`…-checkout-5xx-2.md`), for when the first name is taken.
 */
export function fileNameFor(title: string, now: Date, n = 1, zone = 'UTC'): string {
  return `${writerDay(now, zone)}-${slugify(title)}${suffix(n)}.md`;
}

/** The default id, `PM-20261127-checkout-5xx` (the writer's date in `zone`); with `n` ≥ 2 the same suffix as its file name. */
export function defaultIdFor(title: string, now: Date, n = 1, zone = 'UTC'): string {
  return `PM-${writerDay(now, zone).replace(/-/g, '')}-${idSlug(title)}${suffix(n)}`;
}

function suffix(n: number): string {
  return n >= 2 ? `-${Math.floor(n)}` : '';
}

/** The ASCII letters of a Latin letter or digit with its accents removed (`é` → `e`, `ﬁ` → `fi`), else undefined. */
function latinBase(ch: string): string | undefined {
  const base = ch.normalize('NFKD').replace(/\p{M}/gu, '');
  return /^[A-Za-z0-9]+$/.test(base) ? base : undefined;
}

function tidy(slug: string): string {
  return slug.replace(/-+/g, '-').replace(/^-|-$/g, '');
}

/** At most `max` characters (code points, so no surrogate pair is split), preferably cut at a dash. */
function shorten(slug: string, max = MAX_SLUG): string {
  const chars = Array.from(slug);
  if (chars.length <= max) return slug;
  const cut = chars.slice(0, max).join('');
  const lastDash = cut.lastIndexOf('-');
  return lastDash > max / 3 ? cut.slice(0, lastDash) : cut.replace(/-$/, '');
}

/** FNV-1a of the text, 6 base-36 characters: stable across hosts, short enough for an id. */
function fingerprint(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36).padStart(7, '0').slice(-6);
}

/** U+FE00–FE0F and U+E0100–E01EF: they choose a glyph (emoji or text style), and are no letter of a name. */
function isVariationSelector(ch: string): boolean {
  const cp = ch.codePointAt(0)!;
  return (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef);
}
