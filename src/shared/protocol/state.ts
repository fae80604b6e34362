import { EXPORT_SCALES, MAX_TEXT_LENGTH, MAX_URI_LENGTH, type DiagramKind, type DocumentMessage, type ExportBackground } from './messages';
import { isMetricsViewOptions, type MetricsViewOptions } from './metrics';
import { isRecord, matches, nonNegativeInt, oneOf, str, type Shape, type Validated } from './validate';

/**
 * What our webviews keep with `acquireVsCodeApi().setState` so that VS Code can bring their panels
 * back after a window reload: it hands the last saved state to the extension's panel serializer.
 * The state is written by the webview, so on the way back it is hostile input: the validators below
 * check its exact shape, and the extension then treats every value as a claim to verify (the URI
 * must name a file of the workspace, the block must be found again in the text).
 */

/** Bumped when a state's shape changes: an older state is then refused with a clear message, never misread. */
export const PANEL_STATE_VERSION = 1;

/** Which diagram block a diagram panel shows, as the webview last learned it from a `document` message. */
export interface DiagramPanelState {
  readonly v: typeof PANEL_STATE_VERSION;
  /** The post-mortem's URI as the extension sent it (`Uri.toString()`). */
  readonly uri: string;
  readonly kind: DiagramKind;
  /** 0-based index among the document's mermaid blocks. */
  readonly blockIndex: number;
  /** 0-based line of the block's first content line (the line after its opening fence). */
  readonly firstLine: number;
  /** `contentFingerprint` of the block's text: finds the block again when lines or indexes moved. */
  readonly fingerprint: string;
  /** The outline row the user had selected (restored by the page itself). */
  readonly selected?: string;
  /** Where the splitter between the outline and the drawing was left, in percent of the width. */
  readonly split?: number;
  /** The Export section's choices. */
  readonly exportBackground?: ExportBackground;
  readonly exportScale?: number;
}

/** The metrics dashboard's filters. */
export interface MetricsPanelState {
  readonly v: typeof PANEL_STATE_VERSION;
  readonly options: MetricsViewOptions;
}

/**
 * A short fingerprint of a block's text (32-bit FNV-1a over its UTF-16 code units, 8 hex digits).
 * Not a security measure: it only tells "the same block text" from "another one" on restore.
 */
export function contentFingerprint(content: string): string {
  const text = content.replace(/\r\n/g, '\n');
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** The page's own view settings kept with the block (splitter, export choices). */
export type DiagramViewState = Pick<DiagramPanelState, 'split' | 'exportBackground' | 'exportScale'>;

/** The state a diagram page saves for the block a `document` message describes. */
export function diagramStateOf(msg: DocumentMessage, selected: string | undefined, view: DiagramViewState = {}): DiagramPanelState {
  return {
    v: PANEL_STATE_VERSION, uri: msg.uri, kind: msg.kind, blockIndex: msg.blockIndex, firstLine: msg.firstLine,
    fingerprint: contentFingerprint(msg.content), ...(selected !== undefined ? { selected } : {}), ...view,
  };
}

/** The splitter is kept between 10% and 90%: a pane is never dragged out of sight for good. */
export const SPLIT_RANGE = { min: 10, max: 90 } as const;

const DIAGRAM_STATE: Shape = {
  required: {
    v: oneOf(PANEL_STATE_VERSION),
    uri: (v) => typeof v === 'string' && v.length > 0 && v.length <= MAX_URI_LENGTH,
    kind: oneOf('fishbone', 'fault-tree'),
    blockIndex: nonNegativeInt,
    firstLine: nonNegativeInt,
    fingerprint: (v) => typeof v === 'string' && /^[0-9a-f]{8}$/.test(v),
  },
  optional: {
    selected: str(MAX_TEXT_LENGTH),
    split: (v) => typeof v === 'number' && Number.isFinite(v) && v >= SPLIT_RANGE.min && v <= SPLIT_RANGE.max,
    exportBackground: oneOf('transparent', 'light', 'dark', 'theme'),
    exportScale: oneOf(...EXPORT_SCALES),
  },
};

const METRICS_STATE: Shape = {
  required: { v: oneOf(PANEL_STATE_VERSION), options: isMetricsViewOptions },
};

function validateState<T>(value: unknown, shape: Shape): Validated<T> {
  if (value === undefined || value === null) return { ok: false, error: 'no saved state' };
  if (!isRecord(value)) return { ok: false, error: 'the saved state is not a plain object' };
  // `matches` passes over a `type` key (messages have one); a state has none.
  const error = Object.hasOwn(value, 'type') ? 'unexpected field "type"' : matches(value, shape);
  if (error) return { ok: false, error: `saved state: ${error}` };
  return { ok: true, message: value as T };
}

/** Checks what a diagram page saved (as the serializer receives it, or as the page reads it back). */
export function validateDiagramPanelState(value: unknown): Validated<DiagramPanelState> {
  return validateState<DiagramPanelState>(value, DIAGRAM_STATE);
}

/** Checks what the metrics page saved. */
export function validateMetricsPanelState(value: unknown): Validated<MetricsPanelState> {
  return validateState<MetricsPanelState>(value, METRICS_STATE);
}
