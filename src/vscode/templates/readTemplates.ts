import * as vscode from 'vscode';
import type { ConfigStore } from '../config/configStore';
import { isTemplateFileName, MAX_TEMPLATE_CHARS, MAX_TEMPLATES, parseTemplateFile, unreadableTemplate, type PostmortemTemplate } from '../../core/template/templateFile';

/** The templates folder of a workspace folder: `templatesFolder` (from settings / .postmortemrc.json) under its root. */
export function templatesFolderUri(root: vscode.Uri, templatesFolder: string): vscode.Uri {
  return vscode.Uri.joinPath(root, ...templatesFolder.split(/[\\/]+/).filter(Boolean));
}

/** The templates folder of a workspace folder as its configuration names it (`name`, for messages) and its uri. */
export async function templatesFolderOf(config: ConfigStore, root: vscode.Uri): Promise<{ readonly name: string; readonly uri: vscode.Uri }> {
  const name = (await config.ensureFor(vscode.Uri.joinPath(root, '.postmortemrc.json'))).templatesFolder;
  return { name, uri: templatesFolderUri(root, name) };
}

/**
 * Reads every `*.md` in the templates folder through workspace.fs (so it works on virtual file
 * systems and in the web worker), sorted by name, at most MAX_TEMPLATES. A missing folder is no
 * templates; a file that cannot be read is listed with the reason.
 */
export async function readTemplates(folder: vscode.Uri): Promise<PostmortemTemplate[]> {
  let entries: [string, vscode.FileType][];
  try {
    entries = await vscode.workspace.fs.readDirectory(folder);
  } catch {
    return [];
  }
  const names = entries.filter(([name, type]) => (type & vscode.FileType.File) !== 0 && isTemplateFileName(name)).map(([name]) => name).sort().slice(0, MAX_TEMPLATES);
  return Promise.all(names.map(async (name) => {
    try {
      const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, name));
      if (bytes.byteLength > MAX_TEMPLATE_CHARS * 4) return unreadableTemplate(name, `it is larger than ${MAX_TEMPLATE_CHARS / 1024} KB; not read`);
      const text = new TextDecoder().decode(bytes);
      return text.length > MAX_TEMPLATE_CHARS ? unreadableTemplate(name, `it is larger than ${MAX_TEMPLATE_CHARS / 1024} KB; not read`) : parseTemplateFile(name, text);
    } catch (e) {
      return unreadableTemplate(name, `it could not be read (${(e as Error).message})`);
    }
  }));
}
