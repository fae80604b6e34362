import { isAlias, isMap, type Node as YamlNode, type Pair } from 'yaml';
import type { FrontMatter } from '../../document/frontMatter';
import { walkYaml } from '../../frontMatter/yamlTree';
import type { Rule } from '../../lint/rule';
import type { LineIndex } from '../../text/lineIndex';
import type { Fix, Range } from '../../types';

/**
 * A `<<: *base` merge key: valid YAML 1.1, but the front matter is read as YAML 1.2, which has none,
 * so its keys are not set and the lists and metrics read no value of the front matter until it is
 * gone (trial13a F17: every command ignored it without a word). The fix writes the keys out in its
 * place when it is at the top and names one mapping of one-line values; keys written beside it win,
 * as a merge would have it.
 */
export const yamlMergeKey: Rule = {
  code: 'yaml/merge-key',
  defaultSeverity: 'error',
  description: 'The front matter has no YAML merge keys (`<<: *base`): YAML 1.2 does not apply them, so their keys would not be read.',
  check({ doc, report }) {
    const fm = doc.frontMatter;
    if (!fm) return;
    let merges: MergeKeys | undefined;
    for (const p of fm.problems) {
      if (p.kind !== 'merge-key') continue;
      merges ??= new Map(walkYaml(fm.yaml).mergeKeys.map((m) => [(m.pair.key as YamlNode).range?.[0] ?? -1, m]));
      const keys = p.keys ?? [];
      const named = keys.length ? `: ${keys.slice(0, 6).map((k) => `\`${k}\``).join(', ')}${keys.length > 6 ? ', …' : ''} from it ${keys.length === 1 ? 'is' : 'are'} not set` : '';
      const fix = writeOutFix(fm, merges, doc.lines, p.range);
      report({
        range: p.range,
        message: `Expected the keys written out, found the YAML merge key \`<<\`, which is not read (YAML 1.2 has no merge keys)${named}; until it is gone, list and metrics read no value of this front matter`,
        fixes: fix ? [fix] : [],
      });
    }
  },
};

/** The top-level `<<: *alias` at `range` replaced by the aliased mapping's one-line pairs not written beside it. */
/** The merge keys by the offset of their `<<`. */
type MergeKeys = ReadonlyMap<number, ReturnType<typeof walkYaml>['mergeKeys'][number]>;

function writeOutFix(fm: FrontMatter, merges: MergeKeys, lines: LineIndex, range: Range): Fix | undefined {
  const top = fm.yaml.contents;
  if (!isMap(top)) return undefined;
  const at = lines.offsetAt(range.start) - fm.contentOffset;
  const merge = merges.get(at);
  if (!merge || merge.collection !== top || !isAlias(merge.pair.value)) return undefined;
  const target = merge.pair.value.resolve(fm.yaml);
  if (!isMap(target)) return undefined;
  const written = new Set(top.items.map((item: Pair) => String((item.key as { value?: unknown } | null)?.value)));
  const out: string[] = [];
  for (const item of target.items) {
    const key = item.key as YamlNode | null;
    const value = item.value as YamlNode | null;
    if (!key?.range || !value?.range) return undefined;
    const text = fm.content.slice(key.range[0], value.range[1]);
    // One line each, or the fix would have to re-indent: then none.
    if (/[\r\n]/.test(text)) return undefined;
    if (!written.has(String((key as { value?: unknown }).value))) out.push(text);
  }
  const end = lines.positionAt(fm.contentOffset + ((merge.pair.value as YamlNode).range?.[1] ?? at));
  return { title: `Write out the merged keys (${out.length})`, edits: [{ range: { start: range.start, end }, newText: out.join('\n') }], isPreferred: true };
}
