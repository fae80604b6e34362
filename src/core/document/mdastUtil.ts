import type { Nodes, Root, RootContent, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';

/** Zero-based line of a node's start, relative to the text it was parsed from. */
export function startLine(node: Nodes): number {
  return (node.position?.start.line ?? 1) - 1;
}

/** Visit every node depth-first, children after their parent. */
export function walk(node: Nodes, visit: (node: Nodes, parent: Nodes | undefined) => void, parent?: Nodes): void {
  visit(node, parent);
  if ('children' in node) for (const child of node.children as Nodes[]) walk(child, visit, node);
}

export function plainText(node: Nodes): string {
  return toString(node, { includeImageAlt: false });
}

/** Top-level children grouped under the nearest preceding heading of level ≥ 3 (the section's sub-headings). */
export function childrenWithSubheading(root: Root): { node: RootContent; subheading?: string }[] {
  let sub: string | undefined;
  return root.children.map((node) => {
    if (node.type === 'heading' && node.depth >= 3) sub = plainText(node).trim();
    return { node, subheading: sub };
  });
}

export interface TableColumns {
  readonly header: readonly string[];
  find(...patterns: RegExp[]): number;
}

export function tableColumns(table: Table): TableColumns {
  const header = (table.children[0]?.children ?? []).map((c) => plainText(c).trim().toLowerCase());
  return {
    header,
    find: (...patterns) => header.findIndex((h) => patterns.some((p) => p.test(h))),
  };
}
