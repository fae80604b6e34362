import { resolve } from 'node:path';
import { fileName, isHiddenItemsProblem, isNotReadProblem, isStrayItemsProblem, libraryEntry, SimilarityIndex, type SimilarIncident } from '../../core/api';
import { oneOf, parseCommandArgs, usageError } from '../args';
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, type CliCommand } from '../io';
import { loadIndex } from '../library/loadIndex';
import { useColor } from '../nodeIo';
import { makeStyle, terminalSafe } from '../style';

export const SIMILAR_HELP = `Usage: postmortem similar FILE [paths or globs to search…] [options]

Lists the earlier post-mortems most like FILE, best first, each with its reasons: the services and
contributing factors they share, and the words of title, Summary and Root cause they share (a BM25
search over the prose: link targets, URLs, document ids, hashes, dates and times are not words; no
network). Searches the post-mortems under the working folder unless paths are given.
Earlier means started before FILE's incident when both have a start date.

Options:
  --limit <n>             At most n results (default 5).
  --format <text|json>    Output format (default text).
  --all-markdown          Treat every Markdown file as a post-mortem.
  -h, --help              Show this help.

Example:
  postmortem similar postmortems/2026-11-20-checkout.md --limit 3

Exit codes: 0 listed (even when nothing is similar), 1 listed, but a post-mortem's front matter,
a time or a part of its text was not read (a note names the file and what: it was compared on
what was read), 2 usage or I/O errors (FILE not a readable post-mortem, a path that does not exist).
`;

const similar: CliCommand = async (argv, io) => {
  const { values, positionals } = parseCommandArgs('similar', argv, {
    limit: { type: 'string' },
    format: { type: 'string' },
    'all-markdown': { type: 'boolean' },
  });
  if (values.help) {
    io.out(SIMILAR_HELP);
    return EXIT_OK;
  }
  const [file, ...paths] = positionals;
  if (!file) throw usageError('similar', 'Expected the post-mortem FILE to compare');
  const format = oneOf('similar', values.format as string | undefined, ['text', 'json'] as const, 'text', '--format');
  const limitText = (values.limit as string | undefined) ?? '5';
  if (!/^\d{1,4}$/.test(limitText) || Number(limitText) < 1) throw usageError('similar', `Expected --limit to be a whole number from 1, found "${limitText}"`);
  const loaded = await loadIndex('similar', [file, ...(paths.length ? paths : ['.'])], io, { allMarkdown: values['all-markdown'] === true, settings: ['globs', 'sectionAliases'] });
  if (!loaded) return EXIT_USAGE;
  const target = resolve(io.cwd, file);
  if (!loaded.index.has(target)) {
    io.err(`postmortem similar: ${file} is not a post-mortem that could be read (see above), or not one by the globs (use --all-markdown)\n`);
    return EXIT_USAGE;
  }
  const search = new SimilarityIndex();
  search.sync(loaded.index.entries());
  const found = search.similarTo(target, Number(limitText));
  const display = (uri: string) => loaded.display.get(uri) ?? uri;
  if (format === 'json') {
    io.out(`${JSON.stringify(found.map((f) => toJson(f, display(f.uri))), null, 2)}\n`);
  } else {
    const style = makeStyle(useColor());
    const me = loaded.index.get(target)!;
    const out = [`${style.bold('Similar to')} ${terminalSafe([me.id, me.title ?? fileName(target)].filter(Boolean).join(' · '))}`];
    found.forEach((f, i) => {
      out.push(`${i + 1}. ${terminalSafe([f.summary.id, libraryEntry(f.uri, f.summary).label].filter(Boolean).join(' · '))}  ${style.dim(`score ${f.score.toFixed(2)}`)}${f.alreadyRelated ? style.dim('  (already in related)') : ''}`);
      out.push(`   ${terminalSafe(f.reason)}`);
      out.push(`   ${style.dim(terminalSafe(display(f.uri)))}`);
    });
    if (!found.length) {
      const { compared, later } = search.comparedCount(target);
      const among = compared === 0 ? 'No earlier post-mortem to compare with' : `Nothing similar among the ${compared} ${later ? 'earlier' : 'other'} post-mortem${compared === 1 ? '' : 's'}`;
      out.push(`${among}${later ? ` (${later} later one${later === 1 ? ' is' : 's are'} not compared: only earlier incidents are searched)` : ''}.`);
    }
    io.out(`${out.join('\n')}\n`);
  }
  // A file whose front matter was not read was compared without its services, title and date, and
  // could drop out of the list with nothing said (trial18d F14): named, as `list` names it, exit 1.
  let notRead = false;
  for (const [uri, summary] of loaded.index.entries()) {
    for (const p of summary.problems) {
      if (!isSimilarityInputUnread(p)) continue;
      notRead = true;
      io.err(`note: ${terminalSafe(`${display(uri)}: ${p}`)}\n`);
    }
  }
  return loaded.problems ? EXIT_USAGE : notRead ? EXIT_PROBLEMS : EXIT_OK;
};

/** What `list` calls not read, less the action items' notes: items play no part in similarity. */
function isSimilarityInputUnread(problem: string): boolean {
  return isNotReadProblem(problem) && !isStrayItemsProblem(problem) && !isHiddenItemsProblem(problem);
}

function toJson(f: SimilarIncident, file: string) {
  return {
    file, id: f.summary.id ?? null, title: f.summary.title ?? null, date: libraryEntry(f.uri, f.summary).date ?? null,
    score: Number(f.score.toFixed(3)), textScore: Number(f.textScore.toFixed(3)),
    sharedServices: f.sharedServices, sharedFactors: f.sharedFactors, sharedTerms: f.sharedTerms, alreadyRelated: f.alreadyRelated, reason: f.reason,
  };
}

export default similar;
