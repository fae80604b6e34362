import { isMap } from 'yaml';
import type { FrontMatter } from '../document/frontMatter';
import type { LineIndex } from '../text/lineIndex';
import type { TextEdit } from '../types';
import { parseYamlBounded } from './yamlParse';

/**
 * Why an edit of the front matter must not be offered, or undefined when it is safe: the edited
 * YAML still parses, and reads `expected` at `path` (compared as JSON). Edits into a flow mapping
 * or list depend on the package's node ranges and on what the user wrote around them (comments,
 * trailing commas, lines spread out); rather than trust the text arithmetic, the result is read
 * back, so a fix never hands the user front matter that no reader takes.
 */
export function editRefusal(fm: FrontMatter, lines: LineIndex, edit: TextEdit, path: readonly string[], expected: unknown): string | undefined {
  const start = lines.offsetAt(edit.range.start) - fm.contentOffset;
  const end = lines.offsetAt(edit.range.end) - fm.contentOffset;
  if (start < 0 || end > fm.content.length || end < start) return 'the edit would fall outside the front matter';
  const content = fm.content.slice(0, start) + edit.newText + fm.content.slice(end);
  const doc = parseYamlBounded(content);
  if (doc.errors.length > 0) return `written there, it would not be valid YAML (${doc.errors[0].message.split('\n')[0]})`;
  if (!isMap(doc.contents)) return 'the front matter would no longer be a mapping';
  let read: unknown;
  try {
    read = doc.getIn(path, false);
    read = read && typeof read === 'object' && 'toJSON' in read ? (read as { toJSON(): unknown }).toJSON() : read;
  } catch {
    read = undefined;
  }
  return JSON.stringify(read) === JSON.stringify(expected) ? undefined : `written there, \`${path.join('.')}\` would not read back as the value meant`;
}
