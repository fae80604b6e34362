import { groupLibrary, LIBRARY_GROUPINGS, libraryEntries, readSummary, SimilarityIndex, type WorkspaceIndex } from '../../src/core/api';
import { timeMedian } from './measure';

type Row = (what: string, ours: string, theirs: string, note: string) => void;

/**
 * The library and the similar-incidents search over an index already built (issue 15: < 1 s for
 * 2,000 post-mortems, < 20 ms per changed file), side by side with the index build they come from.
 */
export function libraryRows(index: WorkspaceIndex, indexBuildMs: number, texts: readonly (readonly [string, string])[], row: Row, fmt: (ms: number) => string): void {
  let groups = 0;
  const library = timeMedian(() => {
    const entries = libraryEntries(index.entries());
    groups = 0;
    for (const g of LIBRARY_GROUPINGS) groups += groupLibrary(entries, g).length;
  }, 5, 1);
  let search = new SimilarityIndex();
  const similarity = timeMedian(() => {
    search = new SimilarityIndex();
    search.sync(index.entries());
  }, 5, 1);
  const [uri, text] = texts[0];
  let n = 0;
  const update = timeMedian(() => {
    const summary = readSummary(`${text}\n\nThe pool was exhausted again ${n++}.\n`);
    search.set(uri, summary);
    search.similarTo(uri, 5);
  }, 20, 2);
  row(
    `Library (all ${LIBRARY_GROUPINGS.length} groupings) + similarity search: build over ${index.size} summaries vs the index build`,
    fmt(library + similarity), fmt(indexBuildMs),
    `library ${fmt(library)}, similarity ${fmt(similarity)} (goal < 1 s); ratio ${((library + similarity) / indexBuildMs).toFixed(2)}×; ${groups} groups`,
  );
  row('Similarity: one file changed (read it, update the search, rank its similar)', fmt(update), fmt(indexBuildMs / Math.max(1, index.size)), 'goal < 20 ms; baseline: the index build per file');
}
