/**
 * Builds DOM nodes from data. User text only ever goes through `textContent` or attribute values,
 * never innerHTML, so every label is escaped by construction.
 */
export interface ElProps {
  readonly className?: string;
  readonly text?: string;
  readonly attrs?: Record<string, string | undefined>;
}

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: ElProps = {}, children: readonly (Node | string)[] = []): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.className) node.className = props.className;
  if (props.text !== undefined) node.textContent = props.text;
  for (const [name, value] of Object.entries(props.attrs ?? {})) {
    if (value !== undefined) node.setAttribute(name, value);
  }
  for (const child of children) node.append(child);
  return node;
}
