import { InlineKeyboard } from "grammy";

import type { AlertMode } from "../../db/subscribers.js";
import type { Translate } from "../../i18n/translate.js";
import { readerCallbackData } from "../../readers/reader-callback.js";

/** "08:00". */
export function hourLabel(hour: number): string {
  return `${String(hour).padStart(2, "0")}:00`;
}

/** A mode's button label. */
function modeLabel(t: Translate, mode: AlertMode): string {
  switch (mode) {
    case "instant":
      return t("settings-mode-instant");
    case "digest":
      return t("settings-mode-digest");
    case "off":
      return t("settings-mode-off");
  }
}

/** Hours of the digest-hour grid per row (four rows of six). */
const HOURS_PER_ROW = 6;

/**
 * The alert choices, the current one marked ✅; with the daily digest chosen, a
 * grid of the 24 hours to pick when it comes.
 */
export function settingsKeyboard(t: Translate, current: { alertMode: AlertMode; digestHour: number }): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const mode of ["instant", "digest", "off"] as const) {
    const label = mode === current.alertMode ? `✅ ${modeLabel(t, mode)}` : modeLabel(t, mode);
    keyboard.text(label, readerCallbackData({ kind: "alert-mode", mode }));
  }
  if (current.alertMode === "digest") {
    for (let hour = 0; hour < 24; hour++) {
      if (hour % HOURS_PER_ROW === 0) keyboard.row();
      const label = hourLabel(hour);
      keyboard.text(hour === current.digestHour ? `✅ ${label}` : label, readerCallbackData({ kind: "digest-hour", hour }));
    }
  }
  return keyboard;
}
