import { describe, expect, it } from "vitest";

import { TEST_PROVIDERS } from "../../support/database.js";
import { privateMessage } from "../../support/telegram.js";
import { buttonTap, buttons, createTopics, OTHER_READER, READER, useReaderApp } from "./reader-harness.js";

const HELP = [
  "Here is what I can do:",
  "",
  "/start — Welcome and register",
  "/topics — Choose the topics you follow",
  "/subscribe — Follow a topic: /subscribe asia",
  "/unsubscribe — Unfollow a topic, or all: /unsubscribe all",
  "/latest — The latest stories, optionally for one topic",
  "/popular — The most-read stories, today or this week",
  "/search — Find stories: /search election",
  "/settings — Instant alerts, a daily digest, or none",
  "/stop — Unfollow everything and forget me",
  "/language — Speak English or Russian with me",
  "/help — What I can do",
  "",
  "In any chat, type @newsdesk_test_bot and some words to share a story.",
  "Or just send me some words: I search the stories for them.",
].join("\n");
const WELCOME = "Welcome to Newsdesk! I bring you the stories of the channel “Newsdesk Daily”: https://t.me/newsdesk_daily";

describe.each(TEST_PROVIDERS)("readers' topics and subscriptions (%s)", (provider) => {
  const readers = useReaderApp(provider);

  const say = (text: string, from: { id: number; first_name: string; username?: string } = READER) =>
    readers.app.bot.handleUpdate(privateMessage(text, from));
  const lastReply = () => readers.telegram.callsTo("sendMessage").at(-1)!.payload;
  const followed = async (telegramId = READER.id) => {
    const rows = await readers.db.prisma.subscription.findMany({
      where: { subscriber: { telegramId: BigInt(telegramId) } },
      select: { topic: { select: { slug: true } } },
      orderBy: { topic: { slug: "asc" } },
    });
    return rows.map((r) => r.topic.slug);
  };

  it("/start welcomes, registers the reader and offers the topics as buttons", async () => {
    const [asia, europe, korea] = await createTopics(readers.app, "asia", "europe", "north-korea");
    await say("/start");

    expect(lastReply()).toMatchObject({
      chat_id: READER.id,
      text: `${WELCOME}\n\n${HELP}\n\nPick the topics you want to follow:`,
    });
    expect(buttons(lastReply())).toEqual([
      [
        ["Asia", `topic:${asia!.id}`],
        ["Europe", `topic:${europe!.id}`],
      ],
      [["North Korea", `topic:${korea!.id}`]],
    ]);
    const reader = await readers.db.prisma.subscriber.findUniqueOrThrow({ where: { telegramId: BigInt(READER.id) } });
    expect(reader).toMatchObject({ chatId: BigInt(READER.id), username: "ada", firstName: "Ada", status: "active", alertMode: "instant" });
  });

  it("/start without any topics yet welcomes without buttons", async () => {
    await say("/start");
    expect(lastReply().text).toBe(`${WELCOME}\n\n${HELP}`);
    expect(lastReply().reply_markup).toBeUndefined();
  });

  it("a deep link subscribes directly and confirms the topic by name", async () => {
    await createTopics(readers.app, "asia", "north-korea");
    await say("/start topic_north_korea");

    expect(lastReply().text).toBe(
      "✅ You now follow North Korea. Choose how I tell you about new stories with /settings; see everything I can do with /help.",
    );
    expect(await followed()).toEqual(["north-korea"]);

    await say("/start topic_north-korea");
    expect(lastReply().text).toBe(
      "You already follow North Korea. Choose how I tell you about new stories with /settings; see everything I can do with /help.",
    );
    expect(await followed()).toEqual(["north-korea"]);
  });

  it("a deep link to an unknown topic offers the list instead", async () => {
    const [asia] = await createTopics(readers.app, "asia");
    await say("/start topic_atlantis");

    expect(lastReply().text).toBe("I don't know the topic “atlantis”. Pick from these:");
    expect(buttons(lastReply())).toEqual([[["Asia", `topic:${asia!.id}`]]]);
    expect(await followed()).toEqual([]);
  });

  it("/topics marks the reader's topics; a tap toggles and edits the keyboard in place, twice", async () => {
    const [asia, europe] = await createTopics(readers.app, "asia", "europe");
    await say("/subscribe Europe");
    await say("/topics");
    expect(lastReply().text).toBe("Tap a topic to follow or unfollow it. ✅ marks the ones you follow.");
    expect(buttons(lastReply())).toEqual([[["Asia", `topic:${asia!.id}`], ["✅ Europe", `topic:${europe!.id}`]]]);

    await readers.app.bot.handleUpdate(buttonTap(`topic:${asia!.id}`));
    expect(readers.telegram.callsTo("answerCallbackQuery").at(-1)!.payload).toMatchObject({ text: "✅ Following Asia" });
    expect(readers.telegram.callsTo("editMessageReplyMarkup").at(-1)!.payload).toMatchObject({ chat_id: READER.id, message_id: 500 });
    expect(buttons(readers.telegram.callsTo("editMessageReplyMarkup").at(-1)!.payload)).toEqual([
      [["✅ Asia", `topic:${asia!.id}`], ["✅ Europe", `topic:${europe!.id}`]],
    ]);
    expect(await followed()).toEqual(["asia", "europe"]);

    await readers.app.bot.handleUpdate(buttonTap(`topic:${asia!.id}`));
    expect(readers.telegram.callsTo("answerCallbackQuery").at(-1)!.payload).toMatchObject({ text: "Unfollowed Asia" });
    expect(buttons(readers.telegram.callsTo("editMessageReplyMarkup").at(-1)!.payload)).toEqual([
      [["Asia", `topic:${asia!.id}`], ["✅ Europe", `topic:${europe!.id}`]],
    ]);
    expect(await followed()).toEqual(["europe"]);
    expect(readers.telegram.callsTo("answerCallbackQuery")).toHaveLength(2);
  });

  it("many topics come in pages of forty, and a tap keeps the reader on their page", async () => {
    const slugs = Array.from({ length: 45 }, (_, i) => `topic-${String(i + 1).padStart(2, "0")}`);
    const topics = await createTopics(readers.app, ...slugs);
    const ids = topics.map((t) => t.id);
    await say("/topics");
    const first = buttons(lastReply());
    expect(first).toHaveLength(21);
    expect(first[0]).toEqual([["Topic 01", `topic:${ids[0]}`], ["Topic 02", `topic:${ids[1]}`]]);
    expect(first[20]).toEqual([["Next ▶", "topics-page:1"]]);

    await readers.app.bot.handleUpdate(buttonTap("topics-page:1"));
    expect(readers.telegram.callsTo("answerCallbackQuery").at(-1)!.payload).toMatchObject({ text: "Page 2 of 2" });
    expect(buttons(readers.telegram.callsTo("editMessageReplyMarkup").at(-1)!.payload)).toEqual([
      [["Topic 41", `topic:${ids[40]}:1`], ["Topic 42", `topic:${ids[41]}:1`]],
      [["Topic 43", `topic:${ids[42]}:1`], ["Topic 44", `topic:${ids[43]}:1`]],
      [["Topic 45", `topic:${ids[44]}:1`]],
      [["◀ Previous", "topics-page:0"]],
    ]);

    await readers.app.bot.handleUpdate(buttonTap(`topic:${ids[44]}:1`));
    expect(readers.telegram.callsTo("answerCallbackQuery").at(-1)!.payload).toMatchObject({ text: "✅ Following Topic 45" });
    expect(buttons(readers.telegram.callsTo("editMessageReplyMarkup").at(-1)!.payload)[2]).toEqual([["✅ Topic 45", `topic:${ids[44]}:1`]]);
    expect(await followed()).toEqual(["topic-45"]);
  });

  it("a tap under an older topics message that already shows the result is no error", async () => {
    const [asia] = await createTopics(readers.app, "asia");
    readers.telegram.answer("editMessageReplyMarkup", () => ({
      error_code: 400,
      description: "Bad Request: message is not modified: specified new message content and reply markup are exactly the same",
    }));
    await readers.app.bot.handleUpdate(buttonTap(`topic:${asia!.id}`));
    expect(readers.telegram.callsTo("answerCallbackQuery")[0]!.payload).toMatchObject({ text: "✅ Following Asia" });
    expect(readers.telegram.callsTo("sendMessage")).toEqual([]);
    expect(await followed()).toEqual(["asia"]);
  });

  it("a tap on a topic deleted meanwhile is answered and the keyboard refreshed, nothing stored", async () => {
    const [asia, europe] = await createTopics(readers.app, "asia", "europe");
    await readers.db.prisma.topic.delete({ where: { id: europe!.id } });
    await readers.app.bot.handleUpdate(buttonTap(`topic:${europe!.id}`));

    expect(readers.telegram.callsTo("answerCallbackQuery")[0]!.payload).toMatchObject({ text: "That topic no longer exists." });
    expect(buttons(readers.telegram.callsTo("editMessageReplyMarkup")[0]!.payload)).toEqual([[["Asia", `topic:${asia!.id}`]]]);
    expect(await readers.db.prisma.subscriber.count()).toBe(0);
  });

  it("a forged button is answered and changes nothing", async () => {
    await createTopics(readers.app, "asia");
    await readers.app.bot.handleUpdate(buttonTap("topic:abc"));
    await readers.app.bot.handleUpdate(buttonTap("alerts:loud"));
    await readers.app.bot.handleUpdate(buttonTap("stop:maybe"));

    expect(readers.telegram.callsTo("answerCallbackQuery").map((c) => c.payload.text)).toEqual([
      "This button no longer works. Send /topics again.",
      "This button no longer works. Send /settings again.",
      "This button no longer works.",
    ]);
    expect(readers.telegram.callsTo("editMessageReplyMarkup")).toEqual([]);
    expect(await readers.db.prisma.subscriber.count()).toBe(0);
    expect(await readers.db.prisma.subscription.count()).toBe(0);
  });

  it("/subscribe and /unsubscribe take topic names as people type them", async () => {
    await createTopics(readers.app, "asia", "north-korea");
    await say("/subscribe  North Korea ");
    expect(lastReply().text).toBe("✅ You now follow North Korea.");
    await say("/subscribe north-korea");
    expect(lastReply().text).toBe("You already follow North Korea.");
    await say("/subscribe ASIA");
    expect(await followed()).toEqual(["asia", "north-korea"]);

    await say("/unsubscribe North korea");
    expect(lastReply().text).toBe("You no longer follow North Korea.");
    await say("/unsubscribe north-korea");
    expect(lastReply().text).toBe("You don't follow North Korea.");
    expect(await followed()).toEqual(["asia"]);
  });

  it("an unknown topic gets the list and stores nothing", async () => {
    await createTopics(readers.app, "asia", "europe");
    await say("/subscribe Atlantis");
    expect(lastReply().text).toBe("I don't know the topic “Atlantis”. Topics: asia, europe");
    await say("/unsubscribe %%%");
    expect(lastReply().text).toBe("I don't know the topic “%%%”. Topics: asia, europe");
    await say("/subscribe");
    expect(lastReply().text).toBe("Which topic? Send /subscribe <topic>, or pick from /topics. Topics: asia, europe");
    expect(await readers.db.prisma.subscription.count()).toBe(0);
    expect(await readers.db.prisma.subscriber.count()).toBe(0);
  });

  it("/unsubscribe all drops every topic of that reader only", async () => {
    await createTopics(readers.app, "asia", "europe");
    await say("/subscribe asia");
    await say("/subscribe europe");
    await say("/subscribe asia", OTHER_READER);

    await say("/unsubscribe all");
    expect(lastReply().text).toBe("You no longer follow any topics.");
    expect(await followed()).toEqual([]);
    expect(await followed(OTHER_READER.id)).toEqual(["asia"]);

    await say("/unsubscribe ALL");
    expect(lastReply().text).toBe("You don't follow any topics.");
  });

  it("a reader who talks to the bot is registered once", async () => {
    await createTopics(readers.app, "asia");
    await say("/start");
    await say("/start topic_asia");
    await say("/topics");
    await say("/settings");
    await readers.app.bot.handleUpdate(buttonTap("alerts:off"));
    await say("/subscribe asia", { ...READER, username: "ada_lovelace" });

    const rows = await readers.db.prisma.subscriber.findMany({ select: { telegramId: true, username: true, alertMode: true } });
    expect(rows).toEqual([{ telegramId: BigInt(READER.id), username: "ada_lovelace", alertMode: "off" }]);
  });

  it("counts readers by status and followers per topic for the editors' stats", async () => {
    await createTopics(readers.app, "asia", "europe", "africa");
    await say("/subscribe asia");
    await say("/subscribe europe");
    await say("/subscribe asia", OTHER_READER);
    await readers.db.prisma.subscriber.update({ where: { telegramId: BigInt(OTHER_READER.id) }, data: { status: "blocked" } });

    expect(await readers.app.services.subscribers.countByStatus()).toEqual({ active: 1, blocked: 1 });
    expect(await readers.app.services.subscribers.countPerTopic()).toEqual([
      { slug: "asia", subscribers: 2 },
      { slug: "europe", subscribers: 1 },
      { slug: "africa", subscribers: 0 },
    ]);

    // A blocked reader who comes back with /start is active again.
    await say("/start", OTHER_READER);
    expect(await readers.app.services.subscribers.countByStatus()).toEqual({ active: 2, blocked: 0 });
  });

  it("/help lists every reader command and inline mode", async () => {
    await say("/help");
    expect(lastReply().text).toBe(HELP);
  });
});
