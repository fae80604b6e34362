import { isScalar } from 'yaml';
import { isYamlBroken, yamlNodeRange } from '../../document/frontMatter';
import type { Rule } from '../../lint/rule';
import { formatIsoUtc } from '../../time/zones';
import { describeMinutes } from '../../time/minutesWords';
import { frontMatterTimes } from '../time/frontMatterTimes';
import { parseInstant } from '../../time/instant';
import { documentedKeyMeant } from './misspeltKey';

type Milestone = 'started_at' | 'detected_at' | 'mitigated_at' | 'resolved_at';

/**
 * Top-level keys people write expecting the tool to use them, which the format keeps elsewhere
 * (trial16a F9: `duration: 45m`, `resolved:`, `owner:` beside a 2 h 10 min incident, no word). The
 * schema lets teams add their own keys, so only these known expectations are said; a slip of a
 * documented key is front-matter/misspelt-key's.
 */
const MILESTONE_WORDS: Readonly<Record<string, Milestone>> = {
  start: 'started_at', started: 'started_at', start_time: 'started_at', start_date: 'started_at', began_at: 'started_at', incident_start: 'started_at', incident_date: 'started_at', date: 'started_at',
  detected: 'detected_at', detection_time: 'detected_at', detected_time: 'detected_at',
  mitigated: 'mitigated_at', mitigation_time: 'mitigated_at', mitigated_time: 'mitigated_at',
  resolved: 'resolved_at', resolution_time: 'resolved_at', resolved_time: 'resolved_at', end: 'resolved_at', end_time: 'resolved_at', ended_at: 'resolved_at', incident_end: 'resolved_at',
};
const DURATION_WORDS = new Set(['duration', 'duration_minutes', 'duration_mins', 'duration_min', 'duration_hours', 'outage_duration', 'incident_duration', 'length', 'ttr', 'time_to_resolve', 'time_to_resolution', 'mttr', 'downtime', 'downtime_minutes']);
const OWNER_WORDS = new Set(['owner', 'owners', 'assignee', 'assignees', 'action_owner', 'action_owners']);
const PLURALS: Readonly<Record<string, string>> = { service: 'services', tag: 'tags', factor: 'factors', reviewer: 'reviewers', participant: 'participants', approval: 'approvals', zone: 'timezone', tz: 'timezone', time_zone: 'timezone', sev: 'severity', severity_level: 'severity' };

export const ignoredKey: Rule = {
  code: 'front-matter/ignored-key',
  defaultSeverity: 'info',
  description: 'A front-matter key people write expecting it to be used, which the format keeps elsewhere, is said as ignored, with where the format keeps it: a duration (computed from `started_at` and `resolved_at`; downtime is `impact.downtime_minutes`), an owner (each action item names its own), a time named without `_at` or otherwise (`resolved`, `end_time`, `date`), a singular of a list key (`service`, `tag`). A slip of a documented key is front-matter/misspelt-key\'s.',
  check({ doc, report }) {
    const fm = doc.frontMatter;
    if (!fm?.data || isYamlBroken(fm)) return;
    const keys = Object.keys(fm.data);
    const present = new Set(keys);
    const times = frontMatterTimes(doc);
    // A copy of a time the front matter has under its own key (convert keeps a source's `start_time`
    // beside `started_at`) ignores nothing: said only when the format's key is missing or differs.
    const said = keys.filter((key) => {
      const meant = whatIsMeant(key.toLowerCase());
      if (!meant) return false;
      if (meant.kind !== 'milestone') return true;
      const used = times.get(meant.key);
      const value = fm.data![key];
      return !used || !(typeof value === 'string' && (value.trim() === used.value.trim() || parseInstant(value)?.ms === used.parsed.ms));
    });
    // The YAML nodes only for a key to report (most front matter is read without them).
    if (said.length === 0) return;
    const contents = fm.yaml.contents;
    if (!contents || !('items' in contents)) return;
    for (const pair of contents.items as { key?: unknown }[]) {
      const keyNode = pair.key;
      if (!isScalar(keyNode) || typeof keyNode.value !== 'string' || !said.includes(keyNode.value)) continue;
      const key = keyNode.value;
      const lower = key.toLowerCase();
      // A slip of a documented key that is not there is front-matter/misspelt-key's (with its rename).
      const slip = documentedKeyMeant(key);
      if (slip && !present.has(slip)) continue;
      const range = yamlNodeRange(fm, doc.lines, keyNode);
      if (!range) continue;
      const meant = whatIsMeant(lower)!;
      if (meant.kind === 'milestone') {
        const used = times.get(meant.key);
        report({
          range,
          message: `Expected the ${meant.key.replace('_at', '')} time as \`${meant.key}\`, found \`${key}\`, which the format does not read (ignored)${used ? `; this front matter's \`${meant.key}\` says another time (${formatIsoUtc(used.parsed.ms)}), which is the one used` : present.has(meant.key) ? `; this front matter has \`${meant.key}\` too` : `: list, the metrics and the timeline checks see no ${meant.key}`}`,
          ...(!present.has(meant.key) ? { fixes: [{ title: `Rename to \`${meant.key}\``, edits: [{ range, newText: meant.key }], isPreferred: false }] } : {}),
        });
      } else if (meant.kind === 'duration') {
        const started = times.get('started_at');
        const resolved = times.get('resolved_at');
        const span = started && resolved && resolved.parsed.ms >= started.parsed.ms ? (resolved.parsed.ms - started.parsed.ms) / 60_000 : undefined;
        report({
          range,
          message: `Expected no \`${key}\`, which the format does not read (ignored): an incident's length is computed from \`started_at\` and \`resolved_at\`${span !== undefined ? ` (here ${describeMinutes(span)}: compare it with this value)` : ' (this front matter does not have both)'}, and its downtime is \`impact.downtime_minutes\``,
        });
      } else if (meant.kind === 'owner') {
        report({ range, message: `Expected no \`${key}\`, which the format does not read (ignored): each action item names its owner (\`- [ ] … @name due:YYYY-MM-DD\`), and the review's people are \`authors\`, \`facilitator\` and \`reviewers\`` });
      } else {
        report({
          range,
          message: `Expected \`${meant.key}\`, found \`${key}\`, which the format does not read (ignored)${present.has(meant.key) ? `; this front matter has \`${meant.key}\` too` : ''}`,
          ...(!present.has(meant.key) ? { fixes: [{ title: `Rename to \`${meant.key}\``, edits: [{ range, newText: meant.key }], isPreferred: false }] } : {}),
        });
      }
    }
  },
};

function whatIsMeant(key: string): { kind: 'milestone'; key: Milestone } | { kind: 'duration' } | { kind: 'owner' } | { kind: 'key'; key: string } | undefined {
  if (Object.hasOwn(MILESTONE_WORDS, key)) return { kind: 'milestone', key: MILESTONE_WORDS[key]! };
  if (DURATION_WORDS.has(key)) return { kind: 'duration' };
  if (OWNER_WORDS.has(key)) return { kind: 'owner' };
  if (Object.hasOwn(PLURALS, key)) return { kind: 'key', key: PLURALS[key]! };
  return undefined;
}
