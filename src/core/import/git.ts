import { ImportError, oneLine, type ImportedEvent } from './events';
import { parseExportTime } from './times';

/** The `--pretty` format the CLI asks git for: hash, ISO-strict committer date, subject, tab-separated. */
export const GIT_LOG_FORMAT = '%h%x09%cI%x09%s';

/**
 * Output of `git log --date=iso-strict --pretty=format:%h%x09%cI%x09%s`: one commit per line.
 * Commits become `(deploy)` entries: in most repositories a merge to the deployed branch is a
 * deploy or a config change, which is what a timeline needs. Authors are left out (blameless).
 */
export function parseGitLog(text: string, name = 'git log'): ImportedEvent[] {
  const events: ImportedEvent[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    const where = `${name} line ${i + 1}`;
    const [hash, date, ...subject] = line.split('\t');
    if (!date || subject.length === 0 || !/^[0-9a-f]{4,40}$/i.test(hash)) throw new ImportError(`${where}: expected "hash<TAB>date<TAB>subject", found "${oneLine(line, 80)}"`);
    events.push({ instant: parseExportTime(date, where), text: oneLine(`${hash} ${subject.join(' ')}`), source: 'deploy', origin: where });
  });
  return events;
}
