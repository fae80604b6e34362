export { computeMetrics, MetricsOptionError, type MetricsOptions } from './compute';
export type { MetricsSource } from './incident';
export type * from './types';
export { renderMetricsText } from './render/text';
export { renderMetricsMarkdown } from './render/markdown';
export { windowStartDay } from './periods';
