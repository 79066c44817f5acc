/** /settings: how a reader hears about new stories in their topics (instant, daily digest, off). */
import { Composer } from "grammy";

import type { Translate } from "../../../i18n/translate.js";
import type { SubscriberRecord } from "../../../db/subscribers.js";
import { parseReaderCallback } from "../../../readers/reader-callback.js";
import type { BotContext } from "../../context.js";
import { hourLabel, settingsKeyboard } from "../../keyboards/settings-keyboard.js";
import { editInPlace, ensureReader, type ReaderDeps } from "./reader-deps.js";

/** A short description of the alert mode, as the callback answer and in the settings text. */
function alertModeWords(t: Translate, reader: Pick<SubscriberRecord, "alertMode" | "digestHour">, timezone: string): string {
  switch (reader.alertMode) {
    case "instant":
      return t("settings-words-instant");
    case "digest":
      return t("settings-words-digest", { hour: hourLabel(reader.digestHour), timezone });
    case "off":
      return t("settings-words-off");
  }
}

/** The /settings message: the current choice, the topics it applies to, and what the buttons do. */
function settingsText(t: Translate, reader: Pick<SubscriberRecord, "alertMode" | "digestHour">, topicNames: string[], timezone: string): string {
  const topics = topicNames.length > 0 ? t("settings-topics", { topics: topicNames.join(", ") }) : t("settings-no-topics");
  const hint = reader.alertMode === "digest" ? t("settings-hint-digest") : t("settings-hint");
  return `${t("settings-text", { mode: alertModeWords(t, reader, timezone) })}\n${topics}\n\n${hint}`;
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
    await ctx.reply(settingsText(ctx.t, reader, await topicNames(reader), deps.timezone), { reply_markup: settingsKeyboard(ctx.t, reader) });
  });

  privateChats.callbackQuery(/^(alerts|digest-hour):/, async (ctx) => {
    const callback = parseReaderCallback(ctx.callbackQuery.data);
    if (callback?.kind !== "alert-mode" && callback?.kind !== "digest-hour") {
      await ctx.answerCallbackQuery({ text: ctx.t("button-stale-settings") });
      return;
    }
    const reader = await ensureReader(deps.subscribers, ctx);
    const chosen =
      callback.kind === "alert-mode"
        ? { alertMode: callback.mode, digestHour: reader.digestHour }
        : { alertMode: "digest" as const, digestHour: callback.hour };
    const words = alertModeWords(ctx.t, chosen, deps.timezone);
    const unchanged = chosen.alertMode === reader.alertMode && chosen.digestHour === reader.digestHour;
    if (!unchanged) await deps.subscribers.setAlerts(reader.id, chosen);
    await ctx.answerCallbackQuery({ text: ctx.t(unchanged ? "settings-unchanged" : "settings-changed", { mode: words }) });
    // Edited even when nothing changed: this message may be an older one showing another choice.
    const text = settingsText(ctx.t, chosen, await topicNames(reader), deps.timezone);
    await editInPlace(() => ctx.editMessageText(text, { reply_markup: settingsKeyboard(ctx.t, chosen) }));
  });

  return feature;
}
