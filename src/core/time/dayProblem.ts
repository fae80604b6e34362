const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Arithmetic, not `Date.UTC`, which reads years 0–99 as 1900–1999 (`0000-02-29` is a real day). */
function daysIn(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * Why a day written year first (`2024-02-30`, `2026/13/01`) is not on the calendar, in words a
 * person checks against a calendar: "February 2024 has 29 days", "there is no month 13". Undefined
 * when it is a real day or not written year first at all (then "not a date" says enough).
 */
export function dayProblem(value: string): string | undefined {
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(value.trim());
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12) return `there is no month ${month}`;
  const last = daysIn(year, month);
  if (day < 1) return `there is no day ${day}`;
  return day > last ? `${MONTHS[month - 1]} ${m[1]} has ${last} days` : undefined;
}
