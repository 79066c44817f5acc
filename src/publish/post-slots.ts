/**
 * POST_SLOTS: the times of day (in TIMEZONE) at which the best waiting story goes out,
 * as newsrooms that curate their channel post. Pure.
 */
import { DateTime } from "luxon";

/** "07:30,09:00,12:00" → minutes after midnight, sorted, without repeats; null with the problem. */
export function parsePostSlots(text: string): { ok: true; minutes: number[] } | { ok: false; error: string } {
  const minutes = new Set<number>();
  for (const item of text.split(",").map((s) => s.trim()).filter(Boolean)) {
    const match = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(item);
    if (!match) return { ok: false, error: `POST_SLOTS must be times like 07:30,12:00,18:00 (24-hour, in TIMEZONE); "${item}" is not one` };
    minutes.add(Number(match[1]) * 60 + Number(match[2]));
  }
  if (minutes.size === 0) return { ok: false, error: "POST_SLOTS must list at least one time, like 07:30,12:00,18:00" };
  return { ok: true, minutes: [...minutes].sort((a, b) => a - b) };
}

/** The latest slot at or before `now` (today's, or yesterday's last one), in `timezone`. */
export function latestSlotAtOrBefore(now: Date, slots: readonly number[], timezone: string): Date {
  const local = DateTime.fromJSDate(now, { zone: timezone });
  for (const day of [local.startOf("day"), local.minus({ days: 1 }).startOf("day")]) {
    for (const minute of [...slots].reverse()) {
      const slot = day.set({ hour: Math.floor(minute / 60), minute: minute % 60 });
      // A slot the clocks skip (spring forward) falls on the next valid minute, as luxon places it.
      if (slot.toMillis() <= now.getTime()) return slot.toJSDate();
    }
  }
  throw new Error("POST_SLOTS has no slots");
}

/** The next slot after `now`, in `timezone` (for the editors: "next slot 12:00"). */
export function nextSlotAfter(now: Date, slots: readonly number[], timezone: string): Date {
  const local = DateTime.fromJSDate(now, { zone: timezone });
  for (const day of [local.startOf("day"), local.plus({ days: 1 }).startOf("day")]) {
    for (const minute of slots) {
      const slot = day.set({ hour: Math.floor(minute / 60), minute: minute % 60 });
      if (slot.toMillis() > now.getTime()) return slot.toJSDate();
    }
  }
  throw new Error("POST_SLOTS has no slots");
}

/**
 * The slot to serve now, or null: the latest slot not yet served, unless it passed more than
 * `graceMs` ago (after an outage the channel does not catch up on every missed slot at once).
 */
export function slotToServe(input: { now: Date; slots: readonly number[]; timezone: string; lastServed: Date | null; graceMs: number }): Date | null {
  const slot = latestSlotAtOrBefore(input.now, input.slots, input.timezone);
  if (input.lastServed && input.lastServed.getTime() >= slot.getTime()) return null;
  if (input.now.getTime() - slot.getTime() > input.graceMs) return null;
  return slot;
}
