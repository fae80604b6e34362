import { fullFormats } from 'ajv-formats/dist/formats';
import { instantProblem, parseInstant } from './instant';

/** RFC 3339's date-time as ajv-formats checks it (full mode): the shape, any offset to ±23:59, 0000-02-29. */
const rfc3339 = (fullFormats['date-time'] as { validate: (value: string) => boolean }).validate;

/**
 * The schema's `date-time`, and so lint's `schema/format`: an RFC 3339 date-time that the readers
 * (list, metrics, actions, lint's own time rules) also read as one instant. RFC 3339 alone let
 * `+14:01`, `-23:59` and a year-0 leap day through lint while every reader dropped the time "which
 * lint rejects" (trial19b F1): one rule now says what a readable time is, for both.
 */
export function isReadableDateTime(value: string): boolean {
  return rfc3339(value) && parseInstant(value) !== undefined && instantProblem(value) === undefined;
}

/** The formats the generated validator (src/core/schema/postmortemValidate.generated.ts) checks with. */
export const schemaFormats = { 'date-time': { validate: isReadableDateTime } };
