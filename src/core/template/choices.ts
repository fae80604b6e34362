/** The severities as *New Post-mortem* offers them (the schema's words). */
export const SEVERITY_CHOICES: readonly { readonly value: string; readonly label: string; readonly description: string }[] = [
  { value: 'SEV1', label: 'SEV1', description: 'Critical: major outage, data loss' },
  { value: 'SEV2', label: 'SEV2', description: 'Major: significant degradation' },
  { value: 'SEV3', label: 'SEV3', description: 'Minor: limited impact' },
  { value: 'SEV4', label: 'SEV4', description: 'Low: little or no user impact' },
];

/** Common incident types (`incident_type`), compared like with like in metrics; templates may name others. */
export const INCIDENT_TYPE_CHOICES: readonly { readonly value: string; readonly description: string }[] = [
  { value: 'outage', description: 'A service was unavailable' },
  { value: 'degradation', description: 'Slow or partly failing' },
  { value: 'data-loss', description: 'Data lost or corrupted' },
  { value: 'security', description: 'Confidentiality, integrity or access' },
  { value: 'capacity', description: 'Ran out of room: disk, memory, quota, connections' },
  { value: 'dependency', description: 'A vendor or upstream service failed' },
];
