import type { ResolvedConfig } from '../../config/config';
import { SECTION_ORDER, sectionIdOf, type SectionId } from '../../document/sectionNames';

export interface RequiredSections {
  readonly sections: readonly SectionId[];
  /** Where the list came from when it is not the plain configuration, for the message (`by required_sections`). */
  readonly source?: string;
}

/**
 * The sections a post-mortem must have, in this order of precedence:
 * 1. its own `required_sections:` (written by `postmortem new` / *New Post-mortem* from the
 *    template's `required_sections`, so the file carries its template's requirement everywhere);
 * 2. `requiredSectionsBySeverity` for its `severity`;
 * 3. `requiredSections`.
 * A draft needs the `requiredSectionsDraft` sections, only those among the list above when the list
 * is a file's or a severity's own (a light template without a timeline does not ask for one in draft).
 */
export function requiredSectionsOf(meta: Readonly<Record<string, unknown>>, config: ResolvedConfig, status: 'draft' | 'in-review' | 'published'): RequiredSections {
  const own = ownList(meta.required_sections);
  const severity = typeof meta.severity === 'string' ? meta.severity.trim().toUpperCase() : undefined;
  const bySeverity = severity ? config.requiredSectionsBySeverity[severity] : undefined;
  const list = own ?? bySeverity;
  const source = own ? 'by `required_sections`' : bySeverity ? `by requiredSectionsBySeverity for ${severity}` : undefined;
  if (!list) return { sections: status === 'draft' ? config.requiredSectionsDraft : config.requiredSections };
  return { sections: status === 'draft' ? config.requiredSectionsDraft.filter((id) => list.includes(id)) : list, source };
}

/** A `required_sections:` list of section ids or titles; undefined when absent or not a list (the schema reports that). */
function ownList(value: unknown): SectionId[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const ids: SectionId[] = [];
  for (const v of value) {
    if (typeof v !== 'string') continue;
    const id = (SECTION_ORDER as readonly string[]).includes(v) ? (v as SectionId) : sectionIdOf(v);
    if (id && !ids.includes(id)) ids.push(id);
  }
  return ids;
}
