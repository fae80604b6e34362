import { byteIssueFact } from '../text/byteIssueWords';
import { decodeText } from '../text/decodeText';
import { isShiftJis } from '../text/shiftJis';
import { decodeLegacy } from '../text/windows1252';
import { ImportError } from './events';

/**
 * The text of an export (CSV, Slack JSON, Alertmanager JSON), as both hosts read it: UTF-8 (a
 * byte-order mark dropped) or UTF-16 (Excel's "Unicode text", PowerShell's `>`), by the one decoder
 * of user files (core/text/decodeText.ts). Bytes that are not valid UTF-8 are refused, naming the
 * file and the first bad byte: a Shift-JIS CSV (Japanese Excel's "CSV") was imported as U+FFFD
 * with exit 0, its words lost for good (trial14a F28), and a UTF-16 one was refused for its
 * "columns". Windows-1252 is named when the bytes look like it, but not decoded: an export is
 * data, and a guessed encoding would write wrong letters into the timeline without a word.
 */
export function decodeExport(name: string, bytes: Uint8Array): string {
  const decoding = decodeText(bytes);
  if (decoding.ok) {
    const { text, bom } = decoding.decoded;
    return bom ? text.slice(1) : text;
  }
  const candidates = [...(isShiftJis(bytes) ? [SHIFT_JIS] : []), ...(decodeLegacy(bytes) ? [WINDOWS_1252] : [])];
  const looks = candidates.length === 0
    ? 'It is not Shift-JIS or Windows-1252 either (UTF-8 with damaged bytes, or another encoding).'
    : `It reads as ${candidates.map((c) => c.what).join(' or as ')}${candidates.length > 1 ? ': which one, the tool cannot tell' : ''}.`;
  const convert = `iconv -f ${candidates[0]?.iconv ?? '<its encoding>'} -t UTF-8 ${name} > utf8-${baseName(name)}`;
  throw new ImportError(`Cannot read ${name}: ${byteIssueFact(decoding.issue)} ${looks} Exports are read as UTF-8 or UTF-16: re-save it as UTF-8 (Excel: "CSV UTF-8"), or convert it (${convert}).`);
}

const SHIFT_JIS = { what: 'Shift-JIS (what Japanese Excel\'s "CSV" writes)', iconv: 'SHIFT_JIS' };
const WINDOWS_1252 = { what: 'Windows-1252 or Latin-1 (what Excel\'s "CSV (Comma delimited)" writes on Western Windows)', iconv: 'WINDOWS-1252' };

function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}
