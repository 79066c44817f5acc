import { describe, expect, it } from "vitest";

import { TEST_PROVIDERS } from "../../support/database.js";
import { privateMessage } from "../../support/telegram.js";
import {
  buttons,
  buttonTap,
  createTopics,
  markPosted,
  OTHER_READER,
  READER,
  storeArticle,
  useReaderApp,
} from "./reader-harness.js";

const MODES_ROW: [string, string][] = [
  ["Instant", "alerts:instant"],
  ["Daily digest", "alerts:digest"],
  ["Off", "alerts:off"],
];
const hourRows = (chosen: number): [string, string][][] =>
  [0, 6, 12, 18].map((start) =>
    Array.from({ length: 6 }, (_, i) => {
      const hour = start + i;
      const label = `${String(hour).padStart(2, "0")}:00`;
      return [hour === chosen ? `✅ ${label}` : label, `digest-hour:${hour}`] as [string, string];
    }),
  );
const mark = (row: [string, string][], data: string) => row.map(([label, d]): [string, string] => [d === data ? `✅ ${label}` : label, d]);

describe.each(TEST_PROVIDERS)("/settings and /stop (%s)", (provider) => {
  const readers = useReaderApp(provider);

  const say = (text: string, from: { id: number; first_name: string } = READER) => readers.app.bot.handleUpdate(privateMessage(text, from));
  const lastReply = () => readers.telegram.callsTo("sendMessage").at(-1)!.payload;
  const lastAnswer = () => readers.telegram.callsTo("answerCallbackQuery").at(-1)!.payload;
  const lastEdit = () => readers.telegram.callsTo("editMessageText").at(-1)!.payload;
  const stored = () =>
    readers.db.prisma.subscriber.findUniqueOrThrow({ where: { telegramId: BigInt(READER.id) }, select: { alertMode: true, digestHour: true } });

  it("/settings shows the alert mode, the topics it covers and the choices", async () => {
    await createTopics(readers.app, "asia", "north-korea");
    await say("/subscribe asia");
    await say("/subscribe north korea");
    await say("/settings");
    expect(lastReply().text).toBe(
      "🔔 Alerts: instant — a message for each new story in your topics.\nThey cover your topics: Asia, North Korea.\n\nTap a mode to change it.",
    );
    expect(buttons(lastReply())).toEqual([mark(MODES_ROW, "alerts:instant")]);
  });

  it("choosing the daily digest and its hour is stored and shown in place", async () => {
    await say("/settings");
    expect(lastReply().text).toBe(
      "🔔 Alerts: instant — a message for each new story in your topics.\nYou don't follow any topics yet: pick some with /topics.\n\nTap a mode to change it.",
    );

    await readers.app.bot.handleUpdate(buttonTap("alerts:digest"));
    expect(lastAnswer()).toMatchObject({ text: "Alerts: a daily digest at 08:00 (Europe/London)" });
    expect(lastEdit()).toMatchObject({
      chat_id: READER.id,
      message_id: 500,
      text: "🔔 Alerts: a daily digest at 08:00 (Europe/London).\nYou don't follow any topics yet: pick some with /topics.\n\nTap a mode, or the hour your digest should come.",
    });
    expect(buttons(lastEdit())).toEqual([mark(MODES_ROW, "alerts:digest"), ...hourRows(8)]);
    expect(await stored()).toEqual({ alertMode: "digest", digestHour: 8 });

    await readers.app.bot.handleUpdate(buttonTap("digest-hour:19"));
    expect(lastAnswer()).toMatchObject({ text: "Alerts: a daily digest at 19:00 (Europe/London)" });
    expect(lastEdit().text).toBe(
      "🔔 Alerts: a daily digest at 19:00 (Europe/London).\nYou don't follow any topics yet: pick some with /topics.\n\nTap a mode, or the hour your digest should come.",
    );
    expect(buttons(lastEdit())).toEqual([mark(MODES_ROW, "alerts:digest"), ...hourRows(19)]);
    expect(await stored()).toEqual({ alertMode: "digest", digestHour: 19 });

    await readers.app.bot.handleUpdate(buttonTap("alerts:off"));
    expect(lastAnswer()).toMatchObject({ text: "Alerts: off — I only answer when you ask" });
    expect(lastEdit().text).toBe(
      "🔔 Alerts: off — I only answer when you ask.\nYou don't follow any topics yet: pick some with /topics.\n\nTap a mode to change it.",
    );
    expect(buttons(lastEdit())).toEqual([mark(MODES_ROW, "alerts:off")]);
    // The digest hour is remembered for when the digest is chosen again.
    expect(await stored()).toEqual({ alertMode: "off", digestHour: 19 });
    expect(readers.telegram.callsTo("answerCallbackQuery")).toHaveLength(3);
  });

  it("tapping the current choice confirms it; Telegram's \"not modified\" is no error", async () => {
    await say("/settings");
    readers.telegram.answer("editMessageText", () => ({
      error_code: 400,
      description: "Bad Request: message is not modified: specified new message content and reply markup are exactly the same",
    }));
    await readers.app.bot.handleUpdate(buttonTap("alerts:instant"));
    expect(lastAnswer()).toMatchObject({ text: "Already set: instant — a message for each new story in your topics" });
    expect(readers.telegram.callsTo("sendMessage")).toHaveLength(1);
    expect(await stored()).toEqual({ alertMode: "instant", digestHour: 8 });
  });

  it("a tap under an older settings message brings that message up to date", async () => {
    await say("/settings");
    await readers.app.bot.handleUpdate(buttonTap("alerts:digest", READER, 501));
    await readers.app.bot.handleUpdate(buttonTap("alerts:digest", READER, 500));
    expect(lastAnswer()).toMatchObject({ text: "Already set: a daily digest at 08:00 (Europe/London)" });
    expect(lastEdit()).toMatchObject({ message_id: 500 });
    expect(buttons(lastEdit())).toEqual([mark(MODES_ROW, "alerts:digest"), ...hourRows(8)]);
  });

  it("a forged hour is answered and changes nothing", async () => {
    await say("/settings");
    for (const data of ["digest-hour:24", "digest-hour:-1", "digest-hour:7:30", "alerts:"]) await readers.app.bot.handleUpdate(buttonTap(data));
    expect(readers.telegram.callsTo("answerCallbackQuery").map((c) => c.payload.text)).toEqual(
      Array(4).fill("This button no longer works. Send /settings again."),
    );
    expect(readers.telegram.callsTo("editMessageText")).toEqual([]);
    expect(await stored()).toEqual({ alertMode: "instant", digestHour: 8 });
  });

  it("/stop, confirmed, unsubscribes from everything and forgets the reader (alerts too)", async () => {
    await createTopics(readers.app, "asia", "europe");
    await say("/subscribe asia");
    await say("/subscribe europe");
    await say("/subscribe asia", OTHER_READER);
    const articleId = await storeArticle(readers.app, { url: "https://news.example.com/a", headline: "A", sortAt: new Date("2026-11-28T10:00:00Z") });
    const postId = await markPosted(readers.app, articleId, 77, new Date("2026-11-28T11:00:00Z"));
    const reader = await readers.db.prisma.subscriber.findUniqueOrThrow({ where: { telegramId: BigInt(READER.id) } });
    await readers.db.prisma.alertDelivery.create({ data: { subscriberId: reader.id, postId, kind: "instant", text: "A" } });

    await say("/stop");
    expect(lastReply().text).toBe("This unfollows every topic, stops all alerts and deletes what I store about you. Are you sure?");
    expect(buttons(lastReply())).toEqual([
      [
        ["Yes, forget me", "stop:confirm"],
        ["Cancel", "stop:cancel"],
      ],
    ]);
    expect(await readers.db.prisma.subscriber.count()).toBe(2);

    await readers.app.bot.handleUpdate(buttonTap("stop:confirm"));
    expect(lastAnswer()).toMatchObject({ text: "Forgotten" });
    expect(lastEdit()).toMatchObject({
      chat_id: READER.id,
      message_id: 500,
      text: "Done: you follow no topics and I have forgotten you. Send /start if you ever want to come back.",
    });
    expect(lastEdit().reply_markup).toBeUndefined();
    expect(await readers.db.prisma.subscriber.findMany({ select: { telegramId: true } })).toEqual([{ telegramId: BigInt(OTHER_READER.id) }]);
    expect(await readers.db.prisma.subscription.count()).toBe(1);
    expect(await readers.db.prisma.alertDelivery.count()).toBe(0);

    await say("/stop");
    expect(lastReply().text).toBe("I don't store anything about you. Send /start to begin.");
  });

  it("/stop, cancelled, keeps everything", async () => {
    await createTopics(readers.app, "asia");
    await say("/subscribe asia");
    await say("/stop");
    await readers.app.bot.handleUpdate(buttonTap("stop:cancel"));
    expect(lastAnswer()).toMatchObject({ text: "Cancelled" });
    expect(lastEdit().text).toBe("Nothing changed: you keep your topics and alerts.");
    expect(await readers.db.prisma.subscriber.count()).toBe(1);
    expect(await readers.db.prisma.subscription.count()).toBe(1);
  });
});
