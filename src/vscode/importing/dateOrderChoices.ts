import type { AmbiguousDateOrderError, DateOrder } from '../../core/import';

/**
 * The two readings of a numeric date no row of a CSV settles (`12/6/2026`), as Quick Pick items:
 * each says what the export's first such date would be, so the user picks a date, not a jargon word.
 */
export function dateOrderChoices(example: AmbiguousDateOrderError['example']): { label: string; description: string; order: DateOrder }[] {
  return [
    { label: `${example.value} is ${example.monthFirst}`, description: 'month first', order: 'month-first' },
    { label: `${example.value} is ${example.dayFirst}`, description: 'day first', order: 'day-first' },
  ];
}
