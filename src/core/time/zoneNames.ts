/**
 * Current IANA names for the legacy ones ICU still reports. `Intl` (Node, Chromium) canonicalises a
 * zone to CLDR's id, which froze old spellings: `TZ=Asia/Kolkata` comes back as `Asia/Calcutta`,
 * Europe/Kyiv as `Europe/Kiev`. A person in Kolkata never wrote "Calcutta", so what the tools write
 * and say uses the IANA name of today; both spellings still name the same zone (`sameZone`).
 * The list is CLDR's legacy ids (those `Intl.supportedValuesOf('timeZone')` returns under an old name).
 */
const CURRENT_NAMES: Readonly<Record<string, string>> = {
  'africa/asmera': 'Africa/Asmara',
  'america/buenos_aires': 'America/Argentina/Buenos_Aires',
  'america/catamarca': 'America/Argentina/Catamarca',
  'america/coral_harbour': 'America/Atikokan',
  'america/cordoba': 'America/Argentina/Cordoba',
  'america/godthab': 'America/Nuuk',
  'america/indianapolis': 'America/Indiana/Indianapolis',
  'america/jujuy': 'America/Argentina/Jujuy',
  'america/louisville': 'America/Kentucky/Louisville',
  'america/mendoza': 'America/Argentina/Mendoza',
  'asia/calcutta': 'Asia/Kolkata',
  'asia/katmandu': 'Asia/Kathmandu',
  'asia/rangoon': 'Asia/Yangon',
  'asia/saigon': 'Asia/Ho_Chi_Minh',
  'atlantic/faeroe': 'Atlantic/Faroe',
  'europe/kiev': 'Europe/Kyiv',
  'pacific/enderbury': 'Pacific/Kanton',
  'pacific/ponape': 'Pacific/Pohnpei',
  'pacific/truk': 'Pacific/Chuuk',
};

/** The current IANA name of a zone ICU reports under a legacy one (`Asia/Calcutta` → `Asia/Kolkata`); other names unchanged. */
export function currentZoneName(zone: string): string {
  return CURRENT_NAMES[zone.trim().toLowerCase()] ?? zone;
}

const identityMemo = new Map<string, string | undefined>();

/** What `Intl` resolves a zone name to (one id per zone, whatever alias was written), undefined when it is not one. */
function zoneIdentity(name: string): string | undefined {
  if (identityMemo.has(name)) return identityMemo.get(name);
  let id: string | undefined;
  try {
    id = new Intl.DateTimeFormat('en-US', { timeZone: name.trim() }).resolvedOptions().timeZone;
  } catch {
    id = undefined;
  }
  // Names come from settings and front matter: a bounded memo, cleared rather than grown.
  // The memo holds the current name, as the first answer did: a raw `Asia/Calcutta` from the memo
  // against a fresh `Asia/Kolkata` made one zone two (seen once more callers asked).
  const current = id && currentZoneName(id);
  if (identityMemo.size >= 256) identityMemo.clear();
  identityMemo.set(name, current);
  return current;
}

/**
 * True when two zone names name the same IANA zone: `Asia/Kolkata` and `Asia/Calcutta`,
 * `Europe/Kyiv` and `Europe/Kiev`, `europe/berlin` and `Europe/Berlin`. False when either is not a zone.
 */
export function sameZone(a: string, b: string): boolean {
  if (a.trim().toLowerCase() === b.trim().toLowerCase()) return true;
  const x = zoneIdentity(a);
  return x !== undefined && x === zoneIdentity(b);
}
