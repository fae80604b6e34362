/** `Checkout 5xx after DB pool change!` → `checkout-5xx-after-db-pool-change`: ASCII, ≤ 48 characters, never empty. */
export function slugify(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (!slug) return 'incident';
  if (slug.length <= 48) return slug;
  const cut = slug.slice(0, 48);
  const lastDash = cut.lastIndexOf('-');
  return lastDash > 16 ? cut.slice(0, lastDash) : cut;
}

/** `YYYYMMDD` of a date in UTC. */
export function compactUtcDate(now: Date): string {
  return now.toISOString().slice(0, 10).replace(/-/g, '');
}

/** The file name for a new post-mortem: `2026-11-27-checkout-5xx.md` (UTC date, so it sorts by day). */
export function fileNameFor(title: string, now: Date): string {
  return `${now.toISOString().slice(0, 10)}-${slugify(title)}.md`;
}

/** The default id: `PM-20261127-checkout-5xx`. */
export function defaultIdFor(title: string, now: Date): string {
  return `PM-${compactUtcDate(now)}-${slugify(title)}`;
}
