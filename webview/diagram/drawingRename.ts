import { el } from './dom';

/**
 * The name field a double-click opens over a drawn node: Enter or leaving it keeps the text,
 * Escape cancels. Keys typed in it stay in it (the outline's keys and undo do not fire).
 */
export function openRenameField(rect: DOMRect, label: string, done: (label: string | undefined) => void): HTMLInputElement {
  const input = el('input', { className: 'rename drawing-rename', attrs: { id: 'drawing-rename', type: 'text', 'aria-label': 'Label', value: label } });
  const width = Math.max(rect.width, 180);
  input.style.left = `${Math.max(0, Math.min(rect.left + rect.width / 2 - width / 2, window.innerWidth - width))}px`;
  input.style.top = `${Math.max(0, rect.top + rect.height / 2 - 14)}px`;
  input.style.width = `${width}px`;
  let finished = false;
  const finish = (value: string | undefined): void => {
    if (finished) return;
    finished = true;
    input.remove();
    done(value);
  };
  input.addEventListener('keydown', (e) => {
    e.stopPropagation();
    if (e.key === 'Enter') {
      e.preventDefault();
      finish(input.value);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      finish(undefined);
    }
  });
  input.addEventListener('blur', () => finish(input.value));
  document.body.append(input);
  input.focus();
  input.select();
  return input;
}
