import type { Nodes } from 'mdast';
import { walk } from '../../document/mdastUtil';
import type { SectionUnit } from '../../document/model';
import { isYamlBroken, nodeAtPath, yamlNodeRange } from '../../document/frontMatter';
import type { Rule } from '../../lint/rule';
import { plainProseHasDigit } from '../../document/plainProse';

const NUMERIC_KEYS = ['users_affected', 'downtime_minutes', 'revenue_usd', 'recovery_cost_usd'] as const;

/** A number written in prose ("1,200 users", "35%", "2 hours"), outside code and HTML comments. */
function sectionHasNumber(section: SectionUnit): boolean {
  // No digit in the raw text, none in its prose; a plain list or paragraph says so from its lines.
  if (!/\d/.test(section.text)) return false;
  const plain = plainProseHasDigit(section.text, section.title);
  if (plain !== undefined) return plain;
  let found = false;
  walk(section.mdast, (node: Nodes) => {
    if (!found && node.type === 'text' && /\d/.test(node.value)) found = true;
  });
  return found;
}

/**
 * Impact should be measured, so incidents can be compared and prevention weighed: users affected,
 * minutes of downtime or money, in the front matter `impact` or as numbers in the Impact section.
 * SEV1/SEV2 post-mortems under review are left to the schema, which requires the numbers there.
 */
export const impactNotQuantified: Rule = {
  code: 'impact/not-quantified',
  defaultSeverity: 'warning',
  description: 'Impact is given in numbers: `impact.users_affected` / `downtime_minutes` / `revenue_usd` in the front matter, or numbers in the Impact section.',
  check(ctx) {
    const { doc } = ctx;
    if (isYamlBroken(doc.frontMatter)) return; // unreliable values: yaml/syntax speaks first
    const impact = doc.meta.impact;
    // A numeric key with a value of the wrong type ("about 1,200") is the schema's to report.
    const fmNumbers = !!impact && typeof impact === 'object' && NUMERIC_KEYS.some((k) => (impact as Record<string, unknown>)[k] != null);
    if (fmNumbers) return;
    const severity = doc.meta.severity;
    if (ctx.status !== 'draft' && (severity === 'SEV1' || severity === 'SEV2')) return; // schema/required says it
    const sections = doc.sections.filter((s) => s.id === 'impact');
    if (sections.some(sectionHasNumber)) return;
    // The `impact:` key's range only without an Impact section (it needs the YAML document).
    let range = sections[0]?.headingRange ?? (doc.frontMatter ? yamlNodeRange(doc.frontMatter, doc.lines, nodeAtPath(doc.frontMatter, ['impact']).key) : undefined);
    // Without an Impact section or `impact:` key, a missing required section is sections/missing's finding.
    if (!range && (ctx.status === 'draft' || ctx.config.requiredSections.includes('impact'))) return;
    range ??= doc.frontMatter ? doc.lines.lineRange(doc.frontMatter.openLine) : doc.lines.lineRange(0);
    ctx.report({
      range,
      severity: ctx.status === 'draft' ? 'info' : undefined,
      message: 'Expected the impact in numbers: `impact.users_affected`, `impact.downtime_minutes` or `impact.revenue_usd` in the front matter, or numbers in the Impact section',
    });
  },
};
