import { groupLibrary, LIBRARY_GROUPINGS, libraryEntries, LibraryList, SimilarityIndex, type WorkspaceIndex } from '../../src/core/api';
import { timeWallAndCpu } from './measure';

type Row = (what: string, ours: string, theirs: string, note: string) => void;
type Timing = { readonly wall: number; readonly cpu: number };

/**
 * The library and the similar-incidents search over an index already built (issue 15: < 1 s for
 * 2,000 post-mortems, < 20 ms per changed file), side by side with the index build they come from.
 * The per-file update is what the editor does when one file is saved: the index re-reads that file,
 * the library list recomputes that file's row and the view groups the rows again, the similarity
 * search replaces that file's postings, and the open file's similar list is ranked.
 */
export function libraryRows(index: WorkspaceIndex, indexBuild: Timing, texts: readonly (readonly [string, string])[], row: Row, fmt: (ms: number) => string, load: () => string): void {
  const both = (t: Timing) => `${fmt(t.wall)} wall, ${fmt(t.cpu)} CPU`;
  const perFile = { wall: indexBuild.wall / Math.max(1, index.size), cpu: indexBuild.cpu / Math.max(1, index.size) };
  const met = (t: Timing, goal: number) => (t.wall < goal ? 'MET' : t.cpu < goal ? 'MET in CPU time, not in wall time at this load' : 'NOT MET');
  let groups = 0;
  const library = timeWallAndCpu(() => {
    const entries = libraryEntries(index.entries());
    groups = 0;
    for (const g of LIBRARY_GROUPINGS) groups += groupLibrary(entries, g).length;
  }, 5, 1);
  let search = new SimilarityIndex();
  const similarity = timeWallAndCpu(() => {
    search = new SimilarityIndex();
    search.sync(index.entries());
  }, 5, 1);
  const built = { wall: library.wall + similarity.wall, cpu: library.cpu + similarity.cpu };
  row(
    `real shapes: library (all ${LIBRARY_GROUPINGS.length} groupings) + similarity build over ${index.size} summaries`,
    both(built), both(indexBuild),
    `baseline: the index build; library ${fmt(library.wall)}, similarity ${fmt(similarity.wall)} (wall); goal < 1 s: ${met(built, 1000)}; ${groups} groups (${load()})`,
  );
  // A query for each of 41 files in turn (some share a service with hundreds of others).
  const uris = texts.map(([u]) => u);
  let k = 0;
  const similar = timeWallAndCpu(() => void search.similarTo(uris[(k++ * 47) % uris.length]!, 5), 41, 5);
  row('real shapes: similar: rank one file against the library (median of 41 files)', both(similar), both(perFile), `baseline: the index build per file (${load()})`);
  const [uri, text] = texts[0]!;
  const list = new LibraryList();
  list.sync(index.entries());
  let n = 0;
  // Each edit changes the shown part (a new open item), so the index tells its listeners, as on a save.
  const update = timeWallAndCpu(() => {
    index.set(uri, `${text}\n\n## Action items\n\n- [ ] Check the pool again ${n++} @bob due:2026-12-01\n`);
    groupLibrary(list.sync(index.entries()), LIBRARY_GROUPINGS[0]!);
    search.sync(index.entries());
    search.similarTo(uri, 5);
  }, 21, 3);
  row('real shapes: one file changed: index re-read + library row + regroup + similarity update + its similar list', both(update), both(perFile), `baseline: the index build per file; goal < 20 ms: ${met(update, 20)} (${load()})`);
}
