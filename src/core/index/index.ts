export { readSummary, isNotReadProblem, MILESTONE_KEYS, isFrontMatterUnreadProblem, isRestUnreadProblem, isHiddenInCommentProblem, isStrayItemsProblem, isHiddenItemsProblem, isUnknownZoneProblem, isUnreadTimeProblem, type SummaryOptions } from './readSummary';
export { isOverdue, type DiagramLocation, type IndexedActionItem, type Milestones, type PostmortemSummary, type SummarySection } from './summary';
export { summaryAsOf } from './summaryAsOf';
export { WorkspaceIndex, type Disposable, type OpenItem, type OpenItemFilter } from './workspaceIndex';
export { ownerKey } from '../actions/ownerKey';
