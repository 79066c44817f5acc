/** Which digest is due: the local hour and day in the newsroom's time zone. */
import { DateTime } from "luxon";

import type { Language } from "../../i18n/languages.js";

export interface DigestSlot {
  /** 0-23 in the time zone: readers whose digestHour this is get their digest now. */
  hour: number;
  /** The local day (YYYY-MM-DD), unique per reader: one digest per day. */
  digestKey: string;
  /** The day as readers see it, e.g. "Sat 28 Nov" (or "сб 28 нояб." in Russian). */
  dateLabel: string;
}

/** The digest slot `now` falls in, in `timezone` (an IANA zone). */
export function digestSlot(now: Date, timezone: string, language: Language = "en"): DigestSlot {
  const local = DateTime.fromJSDate(now, { zone: timezone });
  return { hour: local.hour, digestKey: local.toISODate() ?? "", dateLabel: local.setLocale(language === "en" ? "en-GB" : language).toFormat("ccc d LLL") };
}
