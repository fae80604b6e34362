// Ticket trackers: what hosts use (see types.ts and registry.ts).
export * from './types';
export { TRACKERS, trackerTypes, type TrackerProvider, type TrackerCredentials, type TrackerField } from './registry';
export { readTrackerConfig, readOwnerMap, trackerUser, type TrackerConfig, type OwnerMap } from './config';
export { planTickets, urlPathOf, type PlannedTicket, type DraftSource, type PlanOptions } from './draft';
export { createTickets, type CreateOutcome } from './createTickets';
export { ticketWriteBack, ticketWriteBacks, type WriteBackResult, type WriteBackTarget } from './writeBack';
export { closedOnFor, driftOf, type Drift } from './drift';
export { itemIdOf, markerComment, markersIn } from './marker';
export { adfText, toAdf, type AdfDoc } from './adf';
export { heldBackNote, type HeldBack } from './heldBack';
export { alreadyTracked, type TrackedItem } from './alreadyTracked';
