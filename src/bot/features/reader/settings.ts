/** /settings: how a reader hears about new stories in their topics (instant, daily digest, off). */
import { Composer } from "grammy";

import type { SubscriberRecord } from "../../../db/subscribers.js";
import { parseReaderCallback } from "../../../readers/reader-callback.js";
import type { BotContext } from "../../context.js";
import { hourLabel, settingsKeyboard } from "../../keyboards/settings-keyboard.js";
import { editInPlace, ensureReader, type ReaderDeps } from "./reader-deps.js";

/** A short description of the alert mode, as the callback answer and in the settings text. */
function alertModeWords(reader: Pick<SubscriberRecord, "alertMode" | "digestHour">, timezone: string): string {
  switch (reader.alertMode) {
    case "instant":
      return "instant — a message for each new story in your topics";
    case "digest":
      return `a daily digest at ${hourLabel(reader.digestHour)} (${timezone})`;
    case "off":
      return "off — I only answer when you ask";
  }
}

/** The /settings message: the current choice, the topics it applies to, and what the buttons do. */
function settingsText(reader: Pick<SubscriberRecord, "alertMode" | "digestHour">, topicNames: string[], timezone: string): string {
  const topics =
    topicNames.length > 0 ? `They cover your topics: ${topicNames.join(", ")}.` : "You don't follow any topics yet: pick some with /topics.";
  const hint = reader.alertMode === "digest" ? "Tap a mode, or the hour your digest should come." : "Tap a mode to change it.";
  return `🔔 Alerts: ${alertModeWords(reader, timezone)}.\n${topics}\n\n${hint}`;
}

export function createSettingsFeature(deps: Pick<ReaderDeps, "subscribers" | "topics" | "timezone">): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const privateChats = feature.chatType("private");

  const topicNames = async (reader: SubscriberRecord): Promise<string[]> => {
    const followed = new Set(reader.topicIds);
    return (await deps.topics.list()).filter((t) => followed.has(t.id)).map((t) => t.name);
  };

  privateChats.command("settings", async (ctx) => {
    const reader = await ensureReader(deps.subscribers, ctx);
    await ctx.reply(settingsText(reader, await topicNames(reader), deps.timezone), { reply_markup: settingsKeyboard(reader) });
  });

  privateChats.callbackQuery(/^(alerts|digest-hour):/, async (ctx) => {
    const callback = parseReaderCallback(ctx.callbackQuery.data);
    if (callback?.kind !== "alert-mode" && callback?.kind !== "digest-hour") {
      await ctx.answerCallbackQuery({ text: "This button no longer works. Send /settings again." });
      return;
    }
    const reader = await ensureReader(deps.subscribers, ctx);
    const chosen =
      callback.kind === "alert-mode"
        ? { alertMode: callback.mode, digestHour: reader.digestHour }
        : { alertMode: "digest" as const, digestHour: callback.hour };
    const words = alertModeWords(chosen, deps.timezone);
    const unchanged = chosen.alertMode === reader.alertMode && chosen.digestHour === reader.digestHour;
    if (!unchanged) await deps.subscribers.setAlerts(reader.id, chosen);
    await ctx.answerCallbackQuery({ text: unchanged ? `Already set: ${words}` : `Alerts: ${words}` });
    // Edited even when nothing changed: this message may be an older one showing another choice.
    const text = settingsText(chosen, await topicNames(reader), deps.timezone);
    await editInPlace(() => ctx.editMessageText(text, { reply_markup: settingsKeyboard(chosen) }));
  });

  return feature;
}
