import { isScalar } from 'yaml';
import { isSimpleFrontMatter, isYamlBroken, yamlNodeRange } from '../../document/frontMatter';
import type { Rule } from '../../lint/rule';
import { postmortemSchema } from '../../schema/validator';
import { likelyMeant } from '../../text/editDistance';
import { readZoneName } from '../../time/zoneName';
import type { PostmortemDocument } from '../../document/model';

const KNOWN_KEYS: readonly string[] = Object.keys((postmortemSchema as { properties: Record<string, unknown> }).properties);

/** Shorter keys are too close to everything (`ids`, `tag`) to call a slip. */
const MIN_LENGTH = 4;

const LONG_ENOUGH = KNOWN_KEYS.filter((k) => k.length >= MIN_LENGTH);

/**
 * The documented key that `key` looks like a slip of, whatever else the front matter holds. The same
 * few dozen keys come back in every post-mortem of a folder: answers are remembered (bounded,
 * cleared rather than grown), since comparing a key with every documented one was most of this rule.
 */
const meantMemo = new Map<string, string | undefined>();
const MEANT_MEMO_SIZE = 2_000;

export function documentedKeyMeant(key: string): string | undefined {
  if (meantMemo.has(key)) return meantMemo.get(key);
  let meant: string | undefined;
  if (!KNOWN_KEYS.includes(key) && key.length >= MIN_LENGTH) {
    // One slip in a short key, two in a long one; never a key as short as `id` (`uuid` is not `id`).
    meant = KNOWN_KEYS.includes(`${key}_at`) ? `${key}_at` : likelyMeant(key, LONG_ENOUGH, key.length >= 7 ? 2 : 1);
  }
  if (meantMemo.size >= MEANT_MEMO_SIZE) meantMemo.clear();
  meantMemo.set(key, meant);
  return meant;
}

/**
 * A misspelt key standing for an absent `timezone` (`timzone: Asia/Kathmandu`) whose value names a
 * zone: until the key is renamed (front-matter/misspelt-key's fix) times without a zone are read in
 * the default UTC, after it in `zone`. Rules that read such times say both readings and leave the
 * conversion to a run after the rename (trial18c F11).
 */
export function misspeltZoneKey(doc: PostmortemDocument): { readonly key: string; readonly zone: string } | undefined {
  const data = doc.frontMatter?.data;
  if (!data || isYamlBroken(doc.frontMatter!) || 'timezone' in data) return undefined;
  for (const [key, value] of Object.entries(data)) {
    if (typeof value !== 'string' || !value.trim() || documentedKeyMeant(key) !== 'timezone') continue;
    if (readZoneName(value).kind === 'unknown') continue;
    return { key, zone: value.trim() };
  }
  return undefined;
}

/**
 * The schema lets teams add their own top-level keys, so a misspelt `severty:` is silently ignored
 * and the user only learns that `severity` is "missing". A key one or two typing slips away from a
 * documented key (or a time key without its `_at`) that is not there itself is reported, with the
 * rename as the fix.
 */
export const misspeltKey: Rule = {
  code: 'front-matter/misspelt-key',
  defaultSeverity: 'warning',
  description: 'A front-matter key that looks like a misspelling of a documented key (which is then ignored).',
  check({ doc, report }) {
    const fm = doc.frontMatter;
    if (!fm?.data || isYamlBroken(fm)) return;
    const present = new Set(Object.keys(fm.data));
    const meantFor = (key: string): string | undefined => {
      const meant = documentedKeyMeant(key);
      return meant && !present.has(meant) ? meant : undefined;
    };
    // Simple front matter's keys are exactly the data's: with none misspelt, no YAML nodes are needed.
    if (isSimpleFrontMatter(fm) && !Object.keys(fm.data).some((key) => meantFor(key) !== undefined)) return;
    const contents = fm.yaml.contents;
    if (!contents || !('items' in contents)) return;
    for (const pair of contents.items as { key?: unknown }[]) {
      const keyNode = pair.key;
      if (!isScalar(keyNode) || typeof keyNode.value !== 'string') continue;
      const key = keyNode.value;
      const meant = meantFor(key);
      if (!meant) continue;
      const range = yamlNodeRange(fm, doc.lines, keyNode);
      if (!range) continue;
      report({
        range,
        message: `Expected \`${meant}\`, found \`${key}\`: an unknown key is ignored, so its value is not checked or used${meant === 'timezone' ? zoneConsequence(doc, key) : ''}`,
        fixes: [{ title: `Rename to \`${meant}\``, edits: [{ range, newText: meant }], isPreferred: true }],
      });
    }
  },
};

/** What a misspelt `timezone` key changes: times without a zone are read as UTC until it is renamed. */
function zoneConsequence(doc: PostmortemDocument, key: string): string {
  const named = misspeltZoneKey(doc);
  if (!named || named.key !== key) return '';
  return ` (times written without a zone are read as UTC, not ${named.zone}, until it is renamed; \`lint --fix\` renames it and converts such times on a later run, not in the same one)`;
}
