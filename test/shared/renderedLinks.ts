import type { Link, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

/** A Markdown page as GitHub reads it (CommonMark + GFM): each link's shown text and its target. */
export function renderedLinks(md: string): { text: string; url: string; inside: string[] }[] {
  const links: { text: string; url: string; inside: string[] }[] = [];
  const visit = (node: Root | Root['children'][number]) => {
    if (node.type === 'link') links.push({ text: toString(node), url: (node as Link).url, inside: (node as Link).children.map((c) => c.type) });
    if ('children' in node) for (const c of node.children) visit(c as Root['children'][number]);
  };
  visit(unified().use(remarkParse).use(remarkGfm).parse(md));
  return links;
}
