/**
 * The real-shaped benchmark set (issue 10, item 6): post-mortems as people write them, not the
 * generated "typical" files (which flattered us: 6× against markdownlint-cli2 there, 0.76× on
 * copies of the examples in the trial that filed the issue). Three pools, mixed 2 : 2 : 1:
 *
 * - the examples (examples/postmortems): front matter with the review record, fishbones and fault
 *   trees, five whys, action items with owners and tickets;
 * - the corpus (../shared/corpus, ~130 real public post-mortems, when it is there), converted by
 *   `postmortem convert` as a team adopting the tool would: prose-heavy sections, images, logs in
 *   fences, tables, sub-headings, items without owners. Read only; nothing is copied into the project.
 *   Without the corpus this pool is examples as well (the set says so);
 * - hostile but plausible variants of the examples: a 200-entry timeline under day sub-headings, a
 *   timeline as a table, the template's HTML comments with CRLF line endings, an Impact table, blame
 *   wording, a 300-line log in a fence, deep nesting, long lines, non-Latin text, a broken quote in
 *   the YAML.
 *
 * Every file gets its own id and title; `related:` ids point into the same round of copies, as
 * they would in a real repository. Deterministic: the same files on every run.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { convertPostmortem } from '../../src/core/import/convert';

export interface RealSet {
  readonly files: readonly { readonly name: string; readonly text: string }[];
  /** One line saying what the set holds, printed with the numbers. */
  readonly description: string;
}

export function realShapedSet(repo: string, count: number): RealSet {
  const examples = readExamples(join(repo, 'examples', 'postmortems'));
  const corpusDir = [join(repo, '..', 'shared', 'corpus'), '/work/shared/corpus'].find((d) => existsSync(d));
  const corpus = corpusDir ? convertedCorpus(corpusDir) : [];
  const hostile = examples.map((text, k) => HOSTILE[k % HOSTILE.length]!(text, k));
  const pools = [examples, corpus.length ? corpus : examples, hostile];
  const used = [0, 0, 0];
  const files: { name: string; text: string }[] = [];
  for (let i = 0; i < count; i++) {
    const p = [0, 0, 1, 1, 2][i % 5]!;
    const pool = pools[p]!;
    const k = used[p]!++;
    const round = Math.floor(k / pool.length);
    const text = renumber(pool[k % pool.length]!, `${'ech'[p]}${round}`, i);
    files.push({ name: `${['example', 'corpus', 'hostile'][p]}-${String(i).padStart(4, '0')}.md`, text });
  }
  const lines = files.reduce((n, f) => n + f.text.split('\n').length, 0) / files.length;
  const kb = files.reduce((n, f) => n + f.text.length, 0) / 1024;
  const description = `${count} files (~${Math.round(lines)} lines, ${(kb / count).toFixed(1)} KB each): 40% copies of the ${examples.length} examples, 40% ${corpus.length ? `the ${corpus.length} corpus post-mortems converted` : 'examples again (no ../shared/corpus here)'}, 20% hostile variants (${HOSTILE.length} kinds)`;
  return { files, description };
}

function readExamples(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.endsWith('.md')).sort().map((f) => readFileSync(join(dir, f), 'utf8'));
}

function walk(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : /\.(md|markdown)$/i.test(name) ? [p] : [];
  });
}

/** The corpus as `postmortem convert` writes it; a file the converter cannot read is left out. */
function convertedCorpus(dir: string): string[] {
  const out: string[] = [];
  for (const file of walk(dir)) {
    try {
      out.push(convertPostmortem(readFileSync(file, 'utf8'), { fileName: file.split('/').pop() }).text);
    } catch {
      // the converter's own robustness is tested elsewhere; the bench needs files that exist
    }
  }
  return out;
}

/** Its own id (related ids of the same round follow) and title, so 2,000 files are 2,000 incidents. */
function renumber(text: string, round: string, i: number): string {
  return text
    .replace(/^(id: *)(\S.*)$/m, (_, key: string, id: string) => `${key}${id}-${round}`)
    .replace(/^(related:\r?\n)((?: +- .*\r?\n)+)/m, (_, key: string, items: string) => key + items.replace(/^( +- *)(\S+)/gm, (__, dash: string, id: string) => `${dash}${id}-${round}`))
    .replace(/^(title: *)(.+?)(\r?)$/m, (_, key: string, title: string, cr: string) => `${key}${title.startsWith('"') ? title : `${title} (${i})`}${cr}`);
}

/** Text added at the end of a section (`## Title`), before the next `## ` heading. */
function appendToSection(text: string, title: string, add: string): string {
  const start = text.indexOf(`\n## ${title}`);
  if (start === -1) return `${text}\n\n## ${title}\n\n${add}\n`;
  const next = text.indexOf('\n## ', start + 4);
  const at = next === -1 ? text.length : next;
  return `${text.slice(0, at).replace(/\n*$/, '')}\n\n${add}\n${text.slice(at)}`;
}

/** The section's body replaced (heading kept). */
function replaceSection(text: string, title: string, body: string): string {
  const start = text.indexOf(`\n## ${title}`);
  if (start === -1) return appendToSection(text, title, body);
  const headingEnd = text.indexOf('\n', start + 1);
  const next = text.indexOf('\n## ', headingEnd);
  return `${text.slice(0, headingEnd)}\n\n${body}\n${next === -1 ? '' : text.slice(next)}`;
}

const pad = (n: number) => String(n).padStart(2, '0');
const EVENTS = ['(alert) Error rate above 5% on checkout', '(chat) On-call acknowledged and opened the incident channel', '(deploy) Rollback started', 'Database CPU back under 60%', '(chat) Support reports customer complaints', 'Cache hit rate recovered', '(deploy) Config change reverted on all regions'];

/** Hostile but plausible shapes, each applied to one example. */
const HOSTILE: ((text: string, k: number) => string)[] = [
  // A long incident: 200 entries over two days under day sub-headings, a paragraph between.
  (text) => {
    const out: string[] = ['All times UTC. Entries from the incident channel export.', ''];
    for (let d = 0; d < 2; d++) {
      out.push(`### 2026-11-${20 + d}`, '');
      for (let e = 0; e < 100; e++) {
        const m = e * 14;
        const milestone = d === 0 && e === 3 ? ' [detected]' : d === 1 && e === 40 ? ' [mitigated]' : d === 1 && e === 99 ? ' [resolved]' : '';
        out.push(`- ${pad(Math.floor(m / 60))}:${pad(m % 60)}Z${milestone} ${EVENTS[(e + d) % EVENTS.length]} (step ${e})`);
      }
      out.push('');
    }
    return replaceSection(text, 'Timeline', out.join('\n'));
  },
  // The timeline as a table, as many teams paste it from a spreadsheet.
  (text) => {
    const rows = ['| Time (UTC) | Event |', '| --- | --- |'];
    for (let e = 0; e < 40; e++) rows.push(`| 2026-11-20 ${pad(10 + Math.floor(e / 6))}:${pad((e * 10) % 60)} | ${e === 2 ? '[detected] ' : ''}${EVENTS[e % EVENTS.length]} |`);
    return replaceSection(text, 'Timeline', rows.join('\n'));
  },
  // The template's guidance comments left in, saved on Windows.
  (text) => {
    let t = appendToSection(text, 'Action items', '<!--\nOne item per line, e.g.\n- [ ] Add an alert on pool saturation @alex due:2026-12-01 P2 OPS-1\n-->');
    t = appendToSection(t, 'Timeline', '<!-- Times in UTC: - 14:09Z [detected] (alert) what happened -->');
    t = appendToSection(t, 'Summary', '<!-- Two or three sentences: what happened, impact, how it ended. -->');
    return t.replace(/\r?\n/g, '\r\n');
  },
  // The pm-impact table, one number disagreeing with the front matter.
  (text) => appendToSection(text, 'Impact', '| Measure | Value |\n| --- | --- |\n| Users affected | 1,200 |\n| Downtime (minutes) | 47 min |\n| Revenue lost (USD) | $4,000 |\n| Business impact | Orders delayed by up to an hour |'),
  // Blame wording in a first draft.
  (text) => appendToSection(text, 'Response', 'This was human error: Bob forgot to renew the certificate, and the on-call missed the first page. It was not really anyone\'s fault, but the team should have known.'),
  // A 300-line log pasted into a fence, and a long single line.
  (text) => {
    const log = Array.from({ length: 300 }, (_, e) => `2026-11-20T14:${pad(e % 60)}:${pad((e * 7) % 60)}.${String(e).padStart(3, '0')}Z ERROR pool timeout after 2000 ms (conn=${e % 20}, waiters=${e * 3}) at checkout.db.Pool.acquire`);
    return appendToSection(text, 'Root cause analysis', `\`\`\`text\n${log.join('\n')}\n\`\`\`\n\n${'The retry storm repeated the same request many times. '.repeat(60)}`);
  },
  // Deep nesting and non-Latin text.
  (text) => {
    const nested = Array.from({ length: 12 }, (_, d) => `${'  '.repeat(d)}- level ${d}: 決済サービスのタイムアウト — مهلة الدفع 🚨`).join('\n');
    return appendToSection(text, 'Lessons learned', `${nested}\n\nÜbersicht: Zahlungen schlugen fehl; ζ-Dienst, Ωmega-Cluster, naïve café résumé.`);
  },
  // A quote left open in the front matter while editing.
  (text) => text.replace(/^title: (.+)$/m, (_, t: string) => `title: "${t}`),
];
