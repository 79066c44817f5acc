import { describe, expect, it } from "vitest";

import { formatWhen } from "../../src/editorial/format-when.js";
import { parseWhen, whenExamples } from "../../src/editorial/parse-when.js";
import { createFluentTranslator } from "../../src/i18n/fluent-translator.js";

const t = createFluentTranslator("en");

const LONDON = "Europe/London";
// Monday 30 November 2026, 10:00 in London (GMT, UTC+0).
const NOW = new Date("2026-11-30T10:00:00Z");

function when(text: string, now = NOW, timezone = LONDON): string {
  const result = parseWhen(t, text, now, timezone);
  return result.ok ? result.date.toISOString() : `error: ${result.error}`;
}

describe("parseWhen", () => {
  it("reads the ways editors write a time, in TIMEZONE", () => {
    expect(when("18:30")).toBe("2026-11-30T18:30:00.000Z");
    expect(when("tomorrow 9am")).toBe("2026-12-01T09:00:00.000Z");
    expect(when("Tomorrow  9AM")).toBe("2026-12-01T09:00:00.000Z");
    expect(when("in 2h")).toBe("2026-11-30T12:00:00.000Z");
    expect(when("in 90 minutes")).toBe("2026-11-30T11:30:00.000Z");
    expect(when("in 1 day")).toBe("2026-12-01T10:00:00.000Z");
    expect(when("2026-12-01 07:00")).toBe("2026-12-01T07:00:00.000Z");
    expect(when("now")).toBe(NOW.toISOString());
    expect(when("friday 14:00")).toBe("2026-12-04T14:00:00.000Z");
    expect(when("9am UTC")).toBe("2026-12-01T09:00:00.000Z");
  });

  it("reads wall-clock time in the configured zone, not in UTC", () => {
    // 05:00 in New York (EST, UTC-5).
    expect(when("18:30", NOW, "America/New_York")).toBe("2026-11-30T23:30:00.000Z");
    expect(when("tomorrow 9am", NOW, "Asia/Tokyo")).toBe("2026-12-01T00:00:00.000Z");
  });

  it("refuses a time in the past, saying so", () => {
    expect(when("09:00")).toBe("error: Mon 30 Nov 09:00 is in the past.");
    expect(when("2025-01-01 10:00")).toBe("error: Wed 1 Jan 2025 10:00 is in the past.");
  });

  it("accepts the current minute (an editor typing the time it is now)", () => {
    expect(when("10:00", new Date("2026-11-30T10:00:40Z"))).toBe("2026-11-30T10:00:00.000Z");
  });

  it("explains what it does not understand", () => {
    expect(when("whenever")).toBe("error: I don't understand “whenever” as a time. Try now, 12:00, tomorrow 9am, in 2h, 2026-12-01 07:00.");
    expect(when("")).toBe("error: Say when, e.g. now, 12:00, tomorrow 9am, in 2h, 2026-12-01 07:00.");
    expect(when("tomorrow")).toBe("error: “tomorrow” needs a time of day too, e.g. tomorrow 9am.");
    expect(when("in 2 weeks")).toBe("error: I don't know the unit “weeks”: use minutes, hours or days, e.g. in 90 minutes, in 2h.");
    expect(when("18:30 or so")).toBe("error: I don't understand “18:30 or so” as a time. Try now, 12:00, tomorrow 9am, in 2h, 2026-12-01 07:00.");
    expect(when("2026-02-30 10:00")).toBe("error: “2026-02-30 10:00” is not a real date and time.");
    expect(when("2028-01-01 10:00")).toBe("error: Sat 1 Jan 2028 10:00 is more than a year ahead; check the date.");
  });

  describe("around the clock changes (Europe/London)", () => {
    // Clocks go forward on Sunday 28 March 2027 at 01:00 GMT (to 02:00 BST).
    const beforeSpring = new Date("2027-03-27T12:00:00Z");

    it("refuses a time the clocks skip", () => {
      expect(when("2027-03-28 01:30", beforeSpring)).toBe("error: 01:30 does not exist on Sun 28 Mar in Europe/London: the clocks go forward then.");
    });

    it("gives tomorrow 9am in summer time when the clocks changed overnight", () => {
      expect(when("tomorrow 9am", beforeSpring)).toBe("2027-03-28T08:00:00.000Z");
      expect(when("2027-03-28 02:00", beforeSpring)).toBe("2027-03-28T01:00:00.000Z");
    });

    it("counts 'in 2h' in real hours across the change", () => {
      // 00:30 GMT + 2 h = 02:30 UTC, which London calls 03:30 BST.
      expect(when("in 2h", new Date("2027-03-28T00:30:00Z"))).toBe("2027-03-28T02:30:00.000Z");
    });

    it("takes the first of the two 01:30s when the clocks go back", () => {
      // Sunday 25 October 2026: 01:00-02:00 happens twice (BST, then GMT).
      expect(when("2026-10-25 01:30", new Date("2026-10-24T12:00:00Z"))).toBe("2026-10-25T00:30:00.000Z");
    });
  });
});

describe("whenExamples, the hint beside every time an editor types", () => {
  it("suggests only times still ahead: two hours on, tomorrow, and tomorrow's date", () => {
    expect(whenExamples(NOW, LONDON)).toBe("now, 12:00, tomorrow 9am, in 2h, 2026-12-01 07:00");
    expect(whenExamples(new Date("2026-11-30T18:45:00Z"), LONDON)).toBe("now, 20:00, tomorrow 9am, in 2h, 2026-12-01 07:00");
  });

  it("leaves out a clock time that would be past midnight, and turns the year", () => {
    expect(whenExamples(new Date("2026-12-31T22:10:00Z"), LONDON)).toBe("now, tomorrow 9am, in 2h, 2027-01-01 07:00");
  });

  it("every example it gives is understood and in the future", () => {
    for (const now of [NOW, new Date("2026-11-30T21:59:00Z"), new Date("2026-11-30T23:59:00Z")]) {
      for (const example of whenExamples(now, LONDON).split(", ").filter((e) => e !== "now")) {
        const result = parseWhen(t, example, now, LONDON);
        expect(result.ok && result.date.getTime() > now.getTime(), `${example} at ${now.toISOString()}`).toBe(true);
      }
    }
  });
});

describe("formatWhen, the one time format for people", () => {
  const now = new Date("2026-12-06T12:00:00Z");

  it("names the day and the time in TIMEZONE", () => {
    expect(formatWhen(new Date("2026-12-06T18:30:00Z"), LONDON, now)).toBe("Sun 6 Dec 18:30");
    expect(formatWhen(new Date("2026-07-01T07:00:00Z"), LONDON, now)).toBe("Wed 1 Jul 08:00");
    expect(formatWhen(new Date("2026-12-06T18:30:00Z"), "Asia/Tokyo", now)).toBe("Mon 7 Dec 03:30");
  });

  it("shows the year of a date in another year than now's", () => {
    expect(formatWhen(new Date("2027-01-04T09:00:00Z"), LONDON, now)).toBe("Mon 4 Jan 2027 09:00");
    expect(formatWhen(new Date("2025-12-06T18:30:00Z"), LONDON, now)).toBe("Sat 6 Dec 2025 18:30");
  });

  it("names the day and the month in Russian for a Russian reader, the month in full", () => {
    expect(formatWhen(new Date("2026-12-06T18:30:00Z"), LONDON, now, "ru")).toBe("вс 6 декабря 18:30");
    expect(formatWhen(new Date("2026-05-01T07:00:00Z"), LONDON, now, "ru")).toBe("пт 1 мая 08:00");
    expect(formatWhen(new Date("2025-09-06T18:30:00Z"), LONDON, now, "ru")).toBe("сб 6 сентября 2025 19:30");
    expect(formatWhen(new Date("2026-12-06T18:30:00Z"), LONDON, now, "en")).toBe("Sun 6 Dec 18:30");
  });

  it("writes a refused time in the editor's language", () => {
    expect(parseWhen(createFluentTranslator("ru"), "09:00", NOW, LONDON)).toEqual({ ok: false, error: expect.stringContaining("пн 30 ноября 09:00") as unknown });
  });

  it("compares years in TIMEZONE: New Year's Eve in UTC is already next year in Tokyo", () => {
    const newYearsEve = new Date("2026-12-31T20:00:00Z");
    expect(formatWhen(newYearsEve, "Asia/Tokyo", newYearsEve)).toBe("Fri 1 Jan 05:00");
    expect(formatWhen(newYearsEve, "Asia/Tokyo", now)).toBe("Fri 1 Jan 2027 05:00");
  });
});
