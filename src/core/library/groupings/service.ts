import { listKeys, type LibraryGrouping } from './grouping';

/** Under every service of `services:`; a post-mortem of two services is listed twice. */
export const byService: LibraryGrouping = {
  id: 'service',
  label: 'Service',
  icon: 'server',
  keysOf: (entry) => listKeys(entry.summary.services),
  none: { key: '', label: 'No service' },
};
