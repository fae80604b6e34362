/** Elements with text set through textContent only: labels from documents are never parsed as HTML. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const c of children) node.append(typeof c === 'string' ? document.createTextNode(c) : c);
  return node;
}

export type Cell = string | Node;

/**
 * `columns`: a class per column; `nowrap` for dates, severities and types, which never break
 * inside ("2026-11-/28", "degradatio/n" in a narrow panel, U3) while free text gives up the width.
 */
export function table(caption: string, header: readonly string[], rows: readonly (readonly Cell[])[], empty = 'None.', columns: readonly (string | undefined)[] = []): HTMLElement {
  if (rows.length === 0) return el('p', { class: 'empty' }, `${caption}: ${empty}`);
  const t = el('table', { 'data-table': caption });
  t.append(el('caption', {}, caption));
  t.append(el('thead', {}, el('tr', {}, ...header.map((h) => el('th', { scope: 'col' }, h)))));
  const body = el('tbody');
  for (const r of rows) body.append(el('tr', {}, ...r.map((c, i) => el('td', columns[i] ? { class: columns[i]! } : {}, c))));
  t.append(body);
  // A wide table scrolls inside its own box at narrow widths instead of widening the whole page
  // (a panel beside the text is half the window); it is labelled so the scroll region is announced.
  return el('div', { class: 'table-scroll', role: 'region', 'aria-label': caption, tabindex: '0' }, t);
}
