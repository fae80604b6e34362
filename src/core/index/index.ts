export { scanPostmortem, type ScanOptions } from './scan';
export { isOverdue, type FileSummary, type IndexedActionItem } from './summary';
export { WorkspaceIndex, type Disposable, type OpenItem, type OpenItemFilter } from './workspaceIndex';
