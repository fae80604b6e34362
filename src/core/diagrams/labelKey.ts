/**
 * A diagram label as a reader tells labels apart: case and surrounding spaces do not make two names.
 * One rule for the fault-tree editor's unique placeholders and the analysis naming duplicates by id,
 * so the two never disagree about which labels are "the same".
 */
export const labelKey = (label: string): string => label.trim().toLowerCase();
