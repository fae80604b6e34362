export { ImportError, type ImportedEvent, type ImportFormat } from './events';
export { MissingZoneError, parseExportTime } from './times';
export { parseSlackExport, parseSlackUsers, type SlackFile } from './slack';
export { parseCsv, parseCsvTimeline, UnknownColumnError, type CsvOptions } from './csv';
export { parseAlertmanager } from './alertmanager';
export { parseGitLog, GIT_LOG_FORMAT } from './git';
export { mergeTimeline, formatEntry, type MergeOptions, type MergeResult } from './merge';
export { previewInsertions } from './preview';
export { IMPORTERS, importerFor, importTimelineEvents, type ExportSource, type Importer, type ImportRequest, type TimelineImportOptions } from './registry';
