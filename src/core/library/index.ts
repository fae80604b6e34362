export { libraryEntry, describeEntry, formatDuration, fileName, type LibraryEntry } from './entry';
export { matchesFilter, isFilterEmpty, describeFilter, type LibraryFilter } from './filter';
export { groupLibrary, libraryEntries, compareEntries, type LibraryGroup } from './library';
export { LIBRARY_GROUPINGS, libraryGrouping } from './groupings/registry';
export type { LibraryGrouping, GroupKey } from './groupings/grouping';
export { severityRank } from './severity';
export { findIdOccurrences, idOccurrenceAt, renameProblem, ID_PATTERN, type IdOccurrence, type IdPlace } from './idOccurrences';
export { idDirectory, type IdTarget } from './idDirectory';
export { DEFAULT_FACTORS, mergeFactors, FACTOR_ID, type Factor } from './factors';
