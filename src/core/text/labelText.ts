/**
 * User text (a title, a status, an owner) shown in the editor's own UI: tree rows, the status bar,
 * pick lists. Two things there are not text to VS Code: bidirectional controls, which reorder what
 * follows them ("…\u202Egnp.exe" reads "exe.png"), and `$(name)`, which the status bar and pick
 * lists draw as an icon (a front matter's `status: "$(loading~spin) draft"` drew a spinner).
 */

/** Bidi embeddings, overrides and isolates, and the invisible direction marks (LRM, RLM, ALM). */
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** Line breaks and control characters: a label is one line. */
const BREAKS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;

/**
 * One line of plain label text: each bidi control is shown as its escape (`\u202E`, as the CLI
 * prints it), so nothing is reordered and the reader sees that something was there; line breaks
 * and other control characters become one space.
 */
export function labelText(text: string): string {
  return text.replace(BREAKS, ' ').replace(BIDI, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
}

/**
 * Icon syntax as VS Code reads it in a label: `$(` + a name (letters, digits, `-`, a `~spin`
 * modifier) + `)`. Only those get the escaping backslash: VS Code drops it there, elsewhere it would
 * show. Linear: the name's class holds neither `$` nor `)`.
 */
const ICON = /\$\((?=[A-Za-z0-9~-]+\))/g;

/**
 * Label text for places that draw `$(name)` as an icon (status bar text, pick-list labels and
 * descriptions): `labelText`, with every icon reference escaped as `\$(name)` (the documented
 * escape; see "Icons in labels" in the VS Code API reference), so it shows as typed.
 */
export function iconSafeLabel(text: string): string {
  return labelText(text).replace(ICON, '\\$(');
}
