import { isYamlBroken, nodeAtPath, yamlNodeRange } from '../../document/frontMatter';
import type { Rule } from '../../lint/rule';

/**
 * `related` links repeat incidents together; an id no post-mortem in the workspace has is a typo or
 * a renamed file, and the link is lost. Needs the workspace's ids, so single-file runs skip it.
 */
export const relatedUnknownId: Rule = {
  code: 'related/unknown-id',
  defaultSeverity: 'warning',
  description: 'Every id in `related` is the `id` of a post-mortem in the workspace.',
  needsWorkspace: 'ids',
  check(ctx) {
    const { doc, workspace } = ctx;
    const related = doc.meta.related;
    if (!workspace || !doc.frontMatter || isYamlBroken(doc.frontMatter) || !Array.isArray(related)) return;
    related.forEach((id, index) => {
      if (typeof id !== 'string' || !id.trim() || workspace.knownIds.has(id.trim())) return;
      if (id.trim() === doc.meta.id) return;
      const node = nodeAtPath(doc.frontMatter!, ['related', index]).value;
      const range = yamlNodeRange(doc.frontMatter!, doc.lines, node) ?? doc.lines.lineRange(doc.frontMatter!.openLine);
      ctx.report({
        range,
        message: `Expected \`related\` to list ids of post-mortems in this workspace; no post-mortem has id "${id}"`,
      });
    });
  },
};
