export { libraryEntry, describeEntry, formatDuration, fileName, type LibraryEntry } from './entry';
export { matchesFilter, isFilterEmpty, describeFilter, type LibraryFilter } from './filter';
export { groupLibrary, libraryEntries, compareEntries, type LibraryGroup } from './library';
export { LIBRARY_GROUPINGS, libraryGrouping } from './groupings/registry';
export type { LibraryGrouping, GroupKey } from './groupings/grouping';
export { severityRank } from './severity';
