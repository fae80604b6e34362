/**
 * A code fence as a message quotes it: as written up to ten characters, else its kind and length
 * ("a fence of 20,000 backticks"). A hostile or pasted opener of 20,000 backticks had the
 * message quote all of them (a 20,250-character diagnostic in Problems and the terminal) while the
 * closer the fix writes keeps the full length — a closer must be at least as long as its opener.
 */
export function fenceInMessage(fence: string): string {
  if (fence.length <= 10) return fence;
  const kind = fence[0] === '~' ? 'tildes' : 'backticks';
  return `fence of ${fence.length.toLocaleString('en-US')} ${kind}`;
}
