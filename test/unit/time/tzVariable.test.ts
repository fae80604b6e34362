import assert from 'node:assert/strict';
import { tzZoneName } from '../../../src/core/time/tzName';
import { readTzVariable } from '../../../src/core/time/tzVariable';

const FIX = 'set TZ=Area/City';
const fixed = (minutes: number) => ({ january: minutes, july: minutes });

describe('a TZ that is not an IANA zone name (readTzVariable, trial9 T13)', () => {
  it('no TZ, or an IANA name: the runtime\'s zone, nothing said', () => {
    assert.deepEqual(readTzVariable(undefined, 'Europe/Berlin', { january: -60, july: -120 }, FIX), { zone: 'Europe/Berlin' });
    assert.deepEqual(readTzVariable('Asia/Kolkata', 'Asia/Kolkata', fixed(-330), FIX), { zone: 'Asia/Kolkata' });
    assert.deepEqual(readTzVariable(':Europe/Paris', 'Europe/Paris', { january: -60, july: -120 }, FIX), { zone: 'Europe/Paris' });
    assert.deepEqual(readTzVariable('UTC', 'UTC', fixed(0), FIX), { zone: 'UTC' });
  });

  it('TZ=UTC+3 (POSIX: three hours west; Node\'s Date uses −03:00): Etc/GMT+3, and it says so', () => {
    const r = readTzVariable('UTC+3', undefined, fixed(180), FIX);
    assert.equal(r.zone, 'Etc/GMT+3');
    assert.equal(r.notice, 'TZ=UTC+3 is not an IANA zone name; using the fixed offset this machine reports for it, UTC\u221203:00 (Etc/GMT+3, no daylight saving) — set TZ=Area/City for a zone with daylight saving');
    assert.equal(readTzVariable('JST-9', undefined, fixed(-540), FIX).zone, 'Etc/GMT-9');
  });

  it('a name the system does not know (read as UTC by the OS too): UTC, said with the value', () => {
    const r = readTzVariable('Garbage/Zone', undefined, fixed(0), FIX);
    assert.deepEqual(r, { zone: 'UTC', notice: 'TZ=Garbage/Zone is not an IANA zone name; times without a zone are read as UTC — set TZ=Area/City' });
    assert.equal(readTzVariable('<+0330>-3:30', 'UTC', fixed(0), FIX).notice?.startsWith('TZ=<+0330>-3:30 is not an IANA zone name; times without a zone are read as UTC'), true);
  });

  it('an offset with no Etc zone (+03:30), or a daylight-saving rule: UTC, said why', () => {
    assert.match(readTzVariable('<+0330>-3:30', undefined, fixed(-210), FIX).notice ?? '', /no fixed-offset Etc\/GMT zone has its offset \(UTC\+03:30; they are whole hours\); times without a zone are read as UTC/);
    const dst = readTzVariable('CET-1CEST,M3.5.0,M10.5.0/3', undefined, { january: -60, july: -120 }, FIX);
    assert.equal(dst.zone, 'UTC');
    assert.match(dst.notice ?? '', /a daylight-saving rule the tools cannot read/);
  });

  // trial13a F11: Intl does not read a zone file's path; the zone is in the path.
  it('a path to a zone file names its zone, whatever the runtime made of it; nothing said', () => {
    assert.deepEqual(readTzVariable('/usr/share/zoneinfo/Asia/Kolkata', undefined, fixed(-330), FIX), { zone: 'Asia/Kolkata' });
    assert.deepEqual(readTzVariable(':/usr/share/zoneinfo/Asia/Kolkata', 'UTC', fixed(0), FIX), { zone: 'Asia/Kolkata' });
    assert.deepEqual(readTzVariable('/var/db/timezone/zoneinfo/America/Argentina/Buenos_Aires', undefined, fixed(180), FIX), { zone: 'America/Argentina/Buenos_Aires' });
    assert.deepEqual(readTzVariable('/usr/share/zoneinfo/right/Europe/Berlin', undefined, { january: -60, july: -120 }, FIX), { zone: 'Europe/Berlin' });
    assert.deepEqual(readTzVariable('/usr/share/zoneinfo/UTC', undefined, fixed(0), FIX), { zone: 'UTC' });
    assert.equal(readTzVariable('/usr/share/zoneinfo/Not/AZone', undefined, fixed(0), FIX).zone, 'UTC', 'a path to no known zone: as before');
    assert.equal(tzZoneName('/home/me/myzoneinfo/Asia/Kolkata'), '/home/me/myzoneinfo/Asia/Kolkata', 'only a folder named zoneinfo');
    assert.equal(tzZoneName(' :Europe/Paris '), 'Europe/Paris');
  });
});
