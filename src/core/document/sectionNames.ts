/**
 * Canonical post-mortem sections and the headings real teams use for them. Matching is
 * case-insensitive and ignores numbering ("3. Timeline") and trailing punctuation.
 */
export type SectionId = 'summary' | 'impact' | 'timeline' | 'root-cause' | 'response' | 'action-items' | 'lessons';

export const SECTION_TITLES: Readonly<Record<SectionId, string>> = {
  summary: 'Summary',
  impact: 'Impact',
  timeline: 'Timeline',
  'root-cause': 'Root cause analysis',
  response: 'Response',
  'action-items': 'Action items',
  lessons: 'Lessons learned',
};

export const SECTION_ORDER: readonly SectionId[] = ['summary', 'impact', 'timeline', 'root-cause', 'response', 'action-items', 'lessons'];

export const DEFAULT_SECTION_ALIASES: Readonly<Record<SectionId, readonly string[]>> = {
  summary: ['summary', 'issue summary', 'incident summary', 'executive summary', 'overview', 'tl;dr', 'tldr', 'description', 'what happened'],
  impact: ['impact', 'customer impact', 'user impact', 'impact assessment', 'business impact', 'scope and impact'],
  timeline: ['timeline', 'incident timeline', 'timeline of events', 'detailed timeline', 'chronology', 'sequence of events'],
  'root-cause': ['root cause analysis', 'root cause', 'root causes', 'root-cause', 'root cause and analysis', 'causes', 'contributing factors', 'root cause and trigger', 'trigger', 'analysis', 'rca'],
  response: ['response', 'response effectiveness', 'incident response', 'detection and response', 'resolution', 'resolution and recovery', 'recovery', 'mitigation', 'detection'],
  'action-items': ['action items', 'actions', 'follow-ups', 'follow ups', 'followups', 'follow-up actions', 'corrective actions', 'corrective and preventative measures', 'remediation', 'remediations', 'next steps', 'action plan', 'prevention', 'preventive actions', 'preventative actions', 'follow-up items', 'action items and follow-ups'],
  lessons: ['lessons learned', 'lessons learnt', 'lessons', 'learnings', 'takeaways', 'what went well', 'what went wrong', 'where we got lucky', 'what we learned', 'what worked', 'what didn\'t work', 'what did not work'],
};

export function normaliseHeading(title: string): string {
  return title
    .toLowerCase()
    .replace(/<!--.*?-->/g, '')
    .replace(/\s*\([^)]*\)\s*$/, '') // "Timeline (all times PST)", "Root cause(s)"
    .replace(/[*_`]/g, '')
    .replace(/^\s*(?:\d+(?:\.\d+)*[.)]?|[ivx]+\.)\s+/, '')
    .replace(/[\s:.!?]+$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The canonical id of a heading, or undefined when it is not a known post-mortem section. */
export function sectionIdOf(title: string, aliases: Readonly<Record<SectionId, readonly string[]>> = DEFAULT_SECTION_ALIASES): SectionId | undefined {
  const key = normaliseHeading(title);
  for (const id of SECTION_ORDER) if (aliases[id].includes(key)) return id;
  return undefined;
}
