import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WorkspaceFacts } from '../../../src/core/lint/rule';
import { withFolders, UNLISTED_FOLDERS, type DocumentFiles } from '../../../src/core/links/workspaceFiles';
import { parsePostmortem } from '../../../src/core/document/parse';

/** The fixed "now" of every fixture: results must not depend on the day the tests run. */
export const FIXTURE_NOW = new Date('2026-11-27T12:00:00Z');

/** Ids of the fixtures and examples, standing in for the workspace index in `related` checks. */
export function fixtureWorkspace(): WorkspaceFacts {
  const ids = new Set<string>();
  for (const dir of [join(__dirname, '../../fixtures/lint'), join(__dirname, '../../../examples'), join(__dirname, '../../../examples/postmortems')]) {
    let names: string[] = [];
    try {
      names = readdirSync(dir);
    } catch {
      continue;
    }
    for (const f of names.filter((n) => n.endsWith('.md'))) {
      const id = parsePostmortem(readFileSync(join(dir, f), 'utf8')).meta.id;
      if (typeof id === 'string') ids.add(id);
    }
  }
  return { knownIds: ids };
}

/**
 * A stand-in workspace for links/missing-file: every fixture sits in `postmortems/`, beside runbooks
 * and docs a team would link to. Listed here, not read from disk, so the fixtures say exactly which
 * files exist.
 */
const FIXTURE_FILES = withFolders([
  'runbooks/db-failover.md',
  'runbooks/Cache-Warmup.md',
  'runbooks/payments/provider-timeouts.md',
  'docs/architecture/checkout.md',
  'docs/on call handbook.md',
  'docs/dashboards/checkout.json',
  'teams/search/runbooks/reindex.md',
  'teams/payments/runbooks/reindex.md',
  'README.md',
]);

export function fixtureFiles(fixtureName: string): DocumentFiles {
  const paths = new Set(FIXTURE_FILES);
  paths.add(`postmortems/${fixtureName}`);
  paths.add('postmortems');
  return { workspace: { paths, unlisted: UNLISTED_FOLDERS }, documentPath: `postmortems/${fixtureName}` };
}
