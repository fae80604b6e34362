import type { Importer } from '../../core/import';

/**
 * The title of the dialog that picks what to import: "The Slack channel export to import: a
 * folder or one file", "The CSV export file to import". A label that already says "export" is not
 * followed by another ("The Slack channel export export to import", trial12 T11).
 */
export function importPickerTitle(importer: Pick<Importer, 'label' | 'input'>): string {
  if (importer.input === 'folder') return `Repository folder to read ${importer.label} from`;
  const thing = /\bexport$/i.test(importer.label.trim()) ? importer.label.trim() : `${importer.label.trim()} export`;
  return importer.input === 'file-or-folder' ? `The ${thing} to import: a folder or one file` : `The ${thing} file to import`;
}
