/**
 * How every name field of the diagram editor ends (the outline's row field and the one a
 * double-click opens over the drawing): Enter or leaving it keeps the text, Escape cancels, and
 * `done` is called exactly once (a redraw's late blur after Enter does nothing). Keys typed in the
 * field stay in it, so the outline's keys and undo do not fire while naming.
 */
export function endNameField(input: HTMLInputElement, done: (label: string | undefined) => void): void {
  let finished = false;
  const finish = (label: string | undefined): void => {
    if (finished) return;
    finished = true;
    done(label);
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
}
