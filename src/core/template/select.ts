import type { PostmortemTemplate } from './templateFile';

export interface TemplateCriteria {
  /** `SEV1`…`SEV4`; undefined when not decided yet. */
  readonly severity?: string;
  /** Incident type; undefined when not decided yet. */
  readonly type?: string;
}

/** Usable: read without an error. */
export function isUsable(template: PostmortemTemplate): boolean {
  return !template.problems.some((p) => p.severity === 'error');
}

/**
 * The usable templates that suit an incident, most specific first (severity and type named, then
 * one of them, then neither), by name within a rank. A template that names severities suits only
 * those, so it is not offered while the severity is not decided; the same for types.
 */
export function matchingTemplates(templates: readonly PostmortemTemplate[], criteria: TemplateCriteria): PostmortemTemplate[] {
  const type = criteria.type?.trim().toLowerCase();
  return templates
    .filter(isUsable)
    .filter((t) => t.severities.length === 0 || (criteria.severity !== undefined && t.severities.includes(criteria.severity)))
    .filter((t) => t.types.length === 0 || (type !== undefined && t.types.includes(type)))
    .sort((a, b) => specificity(b) - specificity(a) || a.name.localeCompare(b.name));
}

function specificity(t: PostmortemTemplate): number {
  return (t.severities.length ? 1 : 0) + (t.types.length ? 1 : 0);
}

/** The template `NAME` names: its file name (`security` for security.md), else its `template.name`; case ignored. */
export function findTemplate(templates: readonly PostmortemTemplate[], name: string): PostmortemTemplate | undefined {
  const wanted = name.trim().replace(/\.md$/i, '').toLowerCase();
  return templates.find((t) => t.name.toLowerCase() === wanted)
    ?? onlyOne(templates.filter((t) => t.label.toLowerCase() === wanted));
}

function onlyOne<T>(items: readonly T[]): T | undefined {
  return items.length === 1 ? items[0] : undefined;
}

/** What a template suits, in words: `SEV3, SEV4 · security`, `any severity · security`, `any incident`. */
export function suitsInWords(t: PostmortemTemplate): string {
  if (!t.severities.length && !t.types.length) return 'any incident';
  return `${t.severities.length ? t.severities.join(', ') : 'any severity'} · ${t.types.length ? t.types.join(', ') : 'any type'}`;
}
