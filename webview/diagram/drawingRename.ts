import { el } from './dom';
import { endNameField } from './nameField';

/**
 * The name field a double-click opens over a drawn node: Enter or leaving it keeps the text,
 * Escape cancels. Keys typed in it stay in it (the outline's keys and undo do not fire).
 */
export function openRenameField(rect: DOMRect, label: string, done: (label: string | undefined) => void, typing?: (value: string) => void): HTMLInputElement {
  const input = el('input', { className: 'rename drawing-rename', attrs: { id: 'drawing-rename', type: 'text', 'aria-label': 'Label', value: label } });
  const width = Math.max(rect.width, 180);
  input.style.left = `${Math.max(0, Math.min(rect.left + rect.width / 2 - width / 2, window.innerWidth - width))}px`;
  input.style.top = `${Math.max(0, rect.top + rect.height / 2 - 14)}px`;
  input.style.width = `${width}px`;
  if (typing) input.addEventListener('input', () => typing(input.value));
  endNameField(input, (value) => {
    input.remove();
    done(value);
  });
  document.body.append(input);
  input.focus();
  input.select();
  return input;
}
