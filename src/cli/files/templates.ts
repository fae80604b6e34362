import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readUserFile } from './userFile';
import { isTemplateFileName, MAX_TEMPLATE_CHARS, MAX_TEMPLATES, parseTemplateFile, unreadableTemplate, type PostmortemTemplate } from '../../core/template/templateFile';

export interface TemplateFolder {
  readonly folder: string;
  /** False when the folder does not exist (then there are no templates, and that is fine). */
  readonly exists: boolean;
  readonly templates: readonly PostmortemTemplate[];
  /** Set when more files were there than were read. */
  readonly skipped?: number;
}

/** Reads every `*.md` in the templates folder (sorted by name, at most MAX_TEMPLATES). */
export function readTemplateFolder(folder: string): TemplateFolder {
  let names: string[];
  try {
    names = readdirSync(folder).filter(isTemplateFileName).sort();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { folder, exists: false, templates: [] };
    throw e;
  }
  const templates: PostmortemTemplate[] = [];
  for (const name of names.slice(0, MAX_TEMPLATES)) {
    const path = join(folder, name);
    try {
      const read = readUserFile(path, MAX_TEMPLATE_CHARS * 4);
      if (!read.ok) {
        templates.push(unreadableTemplate(name, read.kind === 'too-large' ? `it is larger than ${MAX_TEMPLATE_CHARS / 1024} KB; not read` : `it could not be read (${read.reason})`));
        continue;
      }
      const text = read.bytes.toString('utf8');
      templates.push(text.length > MAX_TEMPLATE_CHARS ? unreadableTemplate(name, `it is larger than ${MAX_TEMPLATE_CHARS / 1024} KB; not read`) : parseTemplateFile(name, text));
    } catch (e) {
      templates.push(unreadableTemplate(name, `it could not be read (${(e as Error).message})`));
    }
  }
  return { folder, exists: true, templates, ...(names.length > MAX_TEMPLATES ? { skipped: names.length - MAX_TEMPLATES } : {}) };
}
