import { isYamlBroken, nodeAtPath, yamlNodeRange } from '../../document/frontMatter';
import type { Rule } from '../../lint/rule';
import { scalar } from '../../frontMatter/values';

/** The most other files named in one message; more are counted. */
const NAMED = 3;

/**
 * Two post-mortems with one `id`: `related`, Go to Definition, Rename and repeat chains all resolve
 * ids, and would pick one of the two without a word (`postmortem new --id` refuses to make a second
 * one, so this comes from copying a file). Reported on each file's `id`, naming the others.
 */
export const frontMatterDuplicateId: Rule = {
  code: 'front-matter/duplicate-id',
  defaultSeverity: 'warning',
  description: 'No other post-mortem in the workspace has the same `id`.',
  needsWorkspace: 'ids',
  check(ctx) {
    const { doc, workspace } = ctx;
    const fm = doc.frontMatter;
    // Read as the workspace index and the CLI read it (`id: 42` is "42").
    const id = scalar(doc.meta.id);
    const holders = id ? workspace?.sharedIds?.get(id) : undefined;
    if (!fm || isYamlBroken(fm) || !holders) return;
    const own = workspace?.documentPath;
    const others = own === undefined ? holders : holders.filter((p) => p !== own);
    // Without this file's own path, one of the holders may be itself: two are needed to be sure.
    if (others.length === 0 || (own === undefined && others.length < 2)) return;
    const named = others.slice(0, NAMED).join(', ');
    const more = others.length > NAMED ? ` and ${others.length - NAMED} more` : '';
    const range = yamlNodeRange(fm, doc.lines, nodeAtPath(fm, ['id']).value) ?? doc.lines.lineRange(fm.openLine);
    ctx.report({
      range,
      message: `Expected \`id\` "${id}" to name one post-mortem, found it also in ${named}${more}; links by id (\`related\`, Go to Definition, repeat chains) cannot tell them apart`,
    });
  },
};
