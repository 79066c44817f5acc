/** How people say a wait or an age: "90 seconds", "14 minutes", "3 hours", "2 days". Pure. */
import type { Translate } from "../i18n/translate.js";

/** In English unless a translator is given (locales' "duration-<unit>" keys, with plural forms). */
export function describeDuration(ms: number, t?: Translate): string {
  const plural = (n: number, unit: "second" | "minute" | "hour" | "day") => (t ? t(`duration-${unit}s`, { count: n }) : `${n} ${unit}${n === 1 ? "" : "s"}`);
  const seconds = Math.max(0, Math.floor(ms / 1000));
  if (seconds < 120) return plural(seconds, "second");
  const minutes = Math.floor(seconds / 60);
  if (minutes < 120) return plural(minutes, "minute");
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return plural(hours, "hour");
  return plural(Math.floor(hours / 24), "day");
}
