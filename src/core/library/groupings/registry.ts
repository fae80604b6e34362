import { byFactor } from './factor';
import type { LibraryGrouping } from './grouping';
import { byService } from './service';
import { bySeverity } from './severity';
import { byStatus } from './status';
import { byYear } from './year';

/** Every library grouping, in menu order; the first is the default. Adding one: a file + a line here. */
export const LIBRARY_GROUPINGS: readonly LibraryGrouping[] = [
  byService,
  bySeverity,
  byStatus,
  byYear,
  byFactor,
];

export function libraryGrouping(id: string): LibraryGrouping | undefined {
  return LIBRARY_GROUPINGS.find((g) => g.id === id);
}
