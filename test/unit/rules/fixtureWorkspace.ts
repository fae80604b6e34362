import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WorkspaceFacts } from '../../../src/core/lint/rule';
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
