import type { Rule } from '../lint/rule';
import { timeImplausible } from './time/implausible';
import { timeNotUtc } from './time/notUtc';
import { timeOrder } from './time/order';
import { timeConvertDoubt } from './time/convertDoubt';
import { timelineAmbiguousZone } from './timeline/ambiguousZone';
import { timelineAssumedZone } from './timeline/assumedZone';
import { timelineCarriedDate } from './timeline/carriedDate';
import { timelineDayHeading } from './timeline/dayHeading';
import { timelineFuture } from './timeline/future';
import { timelineGmtInSummer } from './timeline/gmtInSummer';
import { timelineInsideHtml } from './timeline/insideHtml';
import { timelineMilestoneMismatch } from './timeline/milestoneMismatch';
import { timelineMissing } from './timeline/missing';
import { timelineMissingMilestone } from './timeline/missingMilestone';
import { timelineNextDay } from './timeline/nextDay';
import { timelineNotListItem } from './timeline/notListItem';
import { timelineNestedEntry } from './timeline/nestedEntry';
import { timelineNotUtc } from './timeline/notUtc';
import { timelinePlaceholder } from './timeline/placeholder';
import { timelineOutOfOrder } from './timeline/outOfOrder';
import { timelineOutsideWindow } from './timeline/outsideWindow';
import { timelineUnknownZoneWord } from './timeline/unknownZoneWord';
import { timelineUnparseable } from './timeline/unparseable';
import { timelineUtcOrLocal } from './timeline/utcOrLocal';
import { timelineZoneNote } from './timeline/zoneNote';

/** Rules about front-matter times and the timeline (owned by src/core/rules/time and timeline). */
export const TIME_RULES: readonly Rule[] = [
  timeNotUtc,
  timeOrder,
  timeImplausible,
  timeConvertDoubt,
  timelineNotUtc,
  timelineUnparseable,
  timelineAmbiguousZone,
  timelineUnknownZoneWord,
  timelineGmtInSummer,
  timelinePlaceholder,
  timelineOutOfOrder,
  timelineNextDay,
  timelineFuture,
  timelineCarriedDate,
  timelineDayHeading,
  timelineOutsideWindow,
  timelineMissing,
  timelineMissingMilestone,
  timelineNotListItem,
  timelineNestedEntry,
  timelineInsideHtml,
  timelineMilestoneMismatch,
  timelineZoneNote,
  timelineUtcOrLocal,
  timelineAssumedZone,
];
