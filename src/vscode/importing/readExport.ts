import * as vscode from 'vscode';
import {
  parseAlertmanager, parseCsvTimeline, parseSlackExport, parseSlackUsers, type CsvOptions, type ImportedEvent, type SlackFile,
} from '../../core/import';
import { baseName } from '../recognise';

export type FileFormat = 'slack' | 'csv' | 'alertmanager';

const decoder = new TextDecoder('utf-8');

async function readText(uri: vscode.Uri): Promise<string> {
  return decoder.decode(await vscode.workspace.fs.readFile(uri));
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    return (await vscode.workspace.fs.stat(uri)).type === vscode.FileType.File;
  } catch {
    return false;
  }
}

/**
 * Reads an export through workspace.fs (works on virtual file systems) and parses it with the
 * core importers, which throw ImportError naming the file and row on bad input.
 */
export async function readExport(format: FileFormat, input: vscode.Uri, csv: Omit<CsvOptions, 'name'> = {}): Promise<ImportedEvent[]> {
  if (format === 'csv') return parseCsvTimeline(await readText(input), { ...csv, name: baseName(input) });
  if (format === 'alertmanager') return parseAlertmanager(await readText(input), baseName(input));
  // Slack: a channel folder of per-day files, or one day file; users.json beside it or one level up.
  const isDir = (await vscode.workspace.fs.stat(input)).type === vscode.FileType.Directory;
  const dir = isDir ? input : vscode.Uri.joinPath(input, '..');
  const dayNames = isDir
    ? (await vscode.workspace.fs.readDirectory(input)).map(([n]) => n).filter((n) => /^\d{4}-\d{2}-\d{2}\.json$/.test(n)).sort()
    : [baseName(input)];
  const files: SlackFile[] = [];
  for (const n of dayNames) files.push({ name: n, text: await readText(vscode.Uri.joinPath(dir, n)) });
  let users: Map<string, string> | undefined;
  for (const candidate of [vscode.Uri.joinPath(dir, 'users.json'), vscode.Uri.joinPath(dir, '..', 'users.json')]) {
    if (await exists(candidate)) {
      users = parseSlackUsers({ name: 'users.json', text: await readText(candidate) });
      break;
    }
  }
  return parseSlackExport(files, users);
}
