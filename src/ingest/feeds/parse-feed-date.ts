const monthNumbers: Record<string, number> = {
  jan: 0, feb: 1, mar: 2, apr: 3, may: 4, jun: 5, jul: 6, aug: 7, sep: 8, oct: 9, nov: 10, dec: 11,
};

/**
 * Zone names seen in feeds, in minutes east of UTC: RFC 822's own (UT, GMT,
 * EST…PDT) and the common non-standard ones publishers write anyway.
 */
const zoneOffsets: Record<string, number> = {
  ut: 0, utc: 0, gmt: 0, z: 0,
  est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360, pst: -480, pdt: -420,
  akst: -540, akdt: -480, hst: -600,
  bst: 60, ist: 330, cet: 60, cest: 120, met: 60, mest: 120, eet: 120, eest: 180, wet: 0, west: 60,
  msk: 180, jst: 540, kst: 540, hkt: 480, sgt: 480, awst: 480, acst: 570, aest: 600, aedt: 660, nzst: 720, nzdt: 780,
};

function offsetMinutes(zone: string | undefined): number | null {
  if (zone === undefined || zone === "") return 0;
  const numeric = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (numeric) {
    const minutes = Number(numeric[2]) * 60 + Number(numeric[3] ?? "0");
    return numeric[1] === "-" ? -minutes : minutes;
  }
  return zoneOffsets[zone.toLowerCase()] ?? null;
}

function buildDate(
  parts: { year: number; month: number; day: number; hour: number; minute: number; second: number; millisecond: number },
  offset: number,
): Date | null {
  const { year, month, day, hour, minute, second, millisecond } = parts;
  if (month < 0 || month > 11 || day < 1 || day > 31 || hour > 24 || minute > 59 || second > 60) return null;
  const time = Date.UTC(year, month, day, hour, minute, second, millisecond) - offset * 60_000;
  return Number.isNaN(time) ? null : new Date(time);
}

// 2023-09-11, 2023-09-11T08:12:00Z, 2023-09-11 08:12:00, 2023-09-11T08:12:00.123+02:00
const isoLike =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?(?:\d{2})?|[A-Za-z]{1,5})?$/;

// [Mon,] 11 Sep 2023 08:12[:00] [GMT|+0000|EDT]
const rfc822Like =
  /^(?:[A-Za-z]{2,9}\.?,?\s+)?(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{2}|\d{4}),?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{2}:?\d{2}|[A-Za-z]{1,5})?(?:\s*\(.*\))?$/;

function parseIsoLike(text: string): Date | null {
  const match = isoLike.exec(text);
  if (!match) return null;
  const offset = offsetMinutes(match[8]);
  if (offset === null) return null;
  return buildDate(
    {
      year: Number(match[1]),
      month: Number(match[2]) - 1,
      day: Number(match[3]),
      hour: Number(match[4] ?? "0"),
      minute: Number(match[5] ?? "0"),
      second: Number(match[6] ?? "0"),
      millisecond: Number((match[7] ?? "0").slice(0, 3).padEnd(3, "0")),
    },
    offset,
  );
}

function parseRfc822Like(text: string): Date | null {
  const match = rfc822Like.exec(text);
  if (!match) return null;
  const month = monthNumbers[(match[2] ?? "").slice(0, 3).toLowerCase()];
  const offset = offsetMinutes(match[7]);
  if (month === undefined || offset === null) return null;
  let year = Number(match[3]);
  // RFC 822 allowed two-digit years; read them the way RFC 2822 says.
  if (year < 100) year += year < 50 ? 2000 : 1900;
  return buildDate(
    {
      year,
      month,
      day: Number(match[1]),
      hour: Number(match[4]),
      minute: Number(match[5]),
      second: Number(match[6] ?? "0"),
      millisecond: 0,
    },
    offset,
  );
}

/**
 * Parses a feed date: RFC 822/2822 (with named zones such as EDT or CEST), ISO
 * 8601/RFC 3339, and the SQL-ish `2023-09-11 08:12:00` (read as UTC). Returns
 * null for anything it cannot read with confidence. Future dates are returned
 * as they are; clamping is the caller's policy.
 */
export function parseFeedDate(raw: string | null | undefined): Date | null {
  const text = raw?.trim().replace(/\s+/g, " ");
  if (!text) return null;
  const parsed = parseIsoLike(text) ?? parseRfc822Like(text);
  if (parsed) return parsed;
  // Last resort for other shapes ("September 11, 2023 8:12 AM GMT"), only when a
  // four-digit year is present so numbers like "1" are not taken for dates.
  if (!/\b\d{4}\b/.test(text)) return null;
  const fallback = Date.parse(text);
  return Number.isNaN(fallback) ? null : new Date(fallback);
}
