/** A fishbone (Ishikawa) diagram: the effect, its categories, and causes nested under them. */
export interface FishboneCause {
  /** Stable within one model (editor selection, undo); not stored in the text. */
  readonly id: string;
  readonly label: string;
  readonly causes: readonly FishboneCause[];
  /** The line this node was read from, reused verbatim while the node is unchanged (small diffs). */
  readonly source?: { readonly text: string; readonly label: string; readonly depth: number };
}

export interface Fishbone {
  readonly effect: string;
  readonly effectSource?: { readonly text: string; readonly label: string };
  /** Top-level nodes are the categories (People, Process, ...). */
  readonly categories: readonly FishboneCause[];
  /** `ishikawa-beta` (default) or `ishikawa`, kept as written. */
  readonly keyword: 'ishikawa-beta' | 'ishikawa';
  readonly keywordSource?: string;
}

export const DEFAULT_CATEGORIES = ['People', 'Process', 'Technology', 'Environment', 'Measurement', 'Vendors'] as const;

let counter = 0;
/** Ids only need to be unique within a session; they never reach the text. */
export function newCauseId(): string {
  counter += 1;
  return `c${counter}`;
}

export function newFishbone(effect: string, categories: readonly string[] = DEFAULT_CATEGORIES): Fishbone {
  return {
    effect,
    keyword: 'ishikawa-beta',
    categories: categories.map((label) => ({ id: newCauseId(), label, causes: [] })),
  };
}
