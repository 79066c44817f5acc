/**
 * The newsroom's controls from the admin chat: feeds, pausing, stats, the audit
 * log, the bot's channel rights, and the admin chat becoming a supergroup.
 */
import { describe, expect, it } from "vitest";

import { editorCommands } from "../../../src/bot/editor-commands.js";
import { createTranslations } from "../../../src/i18n/create-i18n.js";
import { OUTBOX_FORBIDDEN, OUTBOX_PAUSED, publishNextPost } from "../../../src/publish/outbox.js";
import { visibleLength } from "../../../src/publish/telegram-html.js";
import { ADMIN_CHAT_ID, CHANNEL_ID } from "../../support/config.js";
import { TEST_PROVIDERS } from "../../support/database.js";
import { BOT_INFO, groupMessage } from "../../support/telegram.js";
import { rss, serve } from "../../support/web.js";
import { EDITOR, startHarness, useEditorHarness } from "./editor-harness.js";

const NEW_ADMIN_CHAT_ID = -1009999999999;
let updateId = 8_000_000;

function botMembership(chatId: number, member: Record<string, unknown>) {
  return {
    update_id: updateId++,
    my_chat_member: {
      chat: { id: chatId, type: "channel" as const, title: "News" },
      from: { id: EDITOR.id, is_bot: false, first_name: EDITOR.first_name },
      date: 1_790_000_000,
      old_chat_member: { status: "administrator", user: BOT_INFO, can_post_messages: true, can_be_edited: false },
      new_chat_member: { user: BOT_INFO, ...member },
    },
  } as never;
}

describe.each(TEST_PROVIDERS)("the newsroom's controls on %s", (provider) => {
  const editors = useEditorHarness(provider);

  const prisma = () => editors.harness.app.services.db.prisma;

  const storeStory = async (i: number, headline: string) => {
    await editors.harness.app.services.articles.storeBatch([
      {
        url: `https://news.example.com/s/${i}`,
        guid: null,
        feedId: null,
        headline,
        summary: "Summary.",
        body: "",
        section: null,
        author: null,
        language: null,
        imageUrl: null,
        publishedAt: editors.harness.clock.now,
        modifiedAt: null,
        sortAt: editors.harness.clock.now,
        headlineKey: `s ${i}`,
        autoPost: true,
        source: "feed",
        topics: [],
        otherUrls: [],
      },
    ]);
  };

  it("adds, lists and removes feeds like the CLI", async () => {
    serve("https://news.example.com/rss.xml", rss([{ title: "Kim visits Moscow", link: "https://news.example.com/kim" }], "Korea Desk"));
    await editors.harness.say("/feeds");
    await editors.harness.say("/addfeed https://news.example.com/rss.xml North Korea");
    await editors.harness.say("/addfeed https://news.example.com/rss.xml");
    await editors.harness.say("/addfeed ftp://news.example.com/rss.xml");
    await editors.harness.say("/addfeed https://news.example.com/b.xml !!!");
    await prisma().feed.update({ where: { id: 1 }, data: { lastError: "HTTP 500 <html>", consecutiveFailures: 2 } });
    await editors.harness.say("/feeds");
    await editors.harness.say("/removefeed 1");
    await editors.harness.say("/removefeed 1");
    await editors.harness.say("/removefeed one");
    expect(editors.harness.sent()).toEqual([
      "No feeds yet: add one with /addfeed &lt;feed link&gt; [topic] [priority 1-5] [review] [force], e.g. /addfeed https://example.com/rss.xml asia priority 4 review",
      "Added feed #1 https://news.example.com/rss.xml [north-korea]: “Korea Desk”, 1 item. It is fetched at the next ingest.",
      "This feed is already there as #1.",
      "“ftp://news.example.com/rss.xml” is not a web address: only http:// and https:// feeds are supported, not ftp://. Nothing was added.",
      "“!!!” is not a usable topic name: use letters or digits, e.g. asia or north-korea. Nothing was added.",
      "<b>Feeds</b>\n#1 https://news.example.com/rss.xml [north-korea] — error (HTTP 500 &lt;html&gt;; 2 failures in a row)",
      "Removed feed #1 https://news.example.com/rss.xml. Its stored stories stay.",
      "There is no feed #1.",
      "“one” is not a feed id. Use /removefeed &lt;id&gt;, e.g. /removefeed 3 (ids are in /feeds)",
    ]);
    expect(await prisma().feed.count()).toBe(0);
    expect(await prisma().auditLog.findMany({ select: { action: true, subject: true }, orderBy: { id: "asc" } })).toEqual([
      { action: "feed.add", subject: "feed #1" },
      { action: "feed.remove", subject: "feed #1" },
    ]);
  });

  it("cuts a long feed list at whole lines", async () => {
    for (let i = 0; i < 80; i++) await editors.harness.app.services.feeds.add({ url: `https://news-site-number-${i}.example.com/sections/world/asia/rss.xml` });
    await editors.harness.say("/feeds");
    const text = editors.harness.sent()[0]!;
    expect(visibleLength(text)).toBeLessThanOrEqual(4096);
    const lines = text.split("\n");
    expect(lines.at(-1)).toMatch(/^… and \d+ more$/);
    const shown = lines.slice(1, -1);
    for (const line of shown) expect(line).toMatch(/^#\d+ https:\/\/news-site-number-\d+\.example\.com\/sections\/world\/asia\/rss\.xml — new \(not fetched yet\)$/);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.length + Number(/(\d+) more/.exec(lines.at(-1)!)![1])).toBe(80);
  });

  it("pauses and resumes automatic posting", async () => {
    await storeStory(1, "Automatic story");
    await editors.harness.say("/pause");
    await editors.harness.say("/pause");
    expect(await publishNextPost(editors.harness.app.outboxDeps)).toEqual({ kind: "idle", reason: { code: "auto-held", block: { code: "paused" } } });
    expect(JSON.parse((await editors.harness.app.services.settings.get(OUTBOX_PAUSED))!)).toEqual({ by: "Ann", at: "2026-11-30T10:00:00.000Z" });
    await editors.harness.say("/resume");
    await editors.harness.say("/resume");
    expect(await publishNextPost(editors.harness.app.outboxDeps)).toMatchObject({ kind: "sent" });
    expect(editors.harness.sent()).toEqual([
      "Automatic posting is paused. Editors' posts still go out: /postnow &lt;id&gt; sends one at once. /resume turns it back on.",
      "Automatic posting is already paused. /resume turns it back on.",
      "Automatic posting is back on (quiet hours and the hourly limit still apply).",
      "Automatic posting is not paused; nothing changed.",
    ]);
    expect(await prisma().auditLog.findMany({ select: { action: true }, orderBy: { id: "asc" } })).toEqual([{ action: "posting.pause" }, { action: "posting.resume" }]);
  });

  it("shows readers, subscribers per topic, posts, top stories and failing feeds", async () => {
    const asia = await editors.harness.app.services.topics.ensure("asia", "Asia");
    await editors.harness.app.services.topics.ensure("sport", "Sport");
    for (const [i, status] of ["active", "active", "blocked"].entries()) {
      const reader = await prisma().subscriber.create({ data: { telegramId: BigInt(100 + i), chatId: BigInt(100 + i), status } });
      if (i < 2) await prisma().subscription.create({ data: { subscriberId: reader.id, topicId: asia.id } });
    }
    for (let i = 1; i <= 3; i++) {
      await storeStory(i, i === 2 ? "<Big> story & more" : `Story ${i}`);
      await publishNextPost(editors.harness.app.outboxDeps);
    }
    await prisma().channelPost.update({ where: { id: 2 }, data: { reactionCount: 7, clickCount: 5 } });
    await prisma().channelPost.update({ where: { id: 3 }, data: { reactionCount: 1, clickCount: 0 } });
    // Post #1 went out eight days ago: in no window.
    await prisma().channelPost.update({ where: { id: 1 }, data: { sentAt: new Date("2026-11-22T10:00:00Z"), reactionCount: 50 } });
    // Post #3 went out two days ago: in the week, not the day.
    await prisma().channelPost.update({ where: { id: 3 }, data: { sentAt: new Date("2026-11-28T10:00:00Z") } });
    await editors.harness.app.services.feeds.add({ url: "https://ok.example.com/rss.xml" });
    const broken = await editors.harness.app.services.feeds.add({ url: "https://broken.example.com/rss.xml" });
    await prisma().feed.update({ where: { id: broken.id }, data: { lastError: "HTTP 503", consecutiveFailures: 4 } });

    await editors.harness.say("/stats");
    expect(editors.harness.sent()).toEqual([
      [
        "<b>Newsroom stats</b>",
        "Readers: 2 active, 1 blocked",
        "Posts: 1 in the last 24 h, 2 in the last 7 days",
        "",
        "<b>Subscribers per topic</b>",
        "asia: 2",
        "sport: 0",
        "",
        "<b>Top stories (7 days)</b>",
        "#2 &lt;Big&gt; story &amp; more — 7 reactions, 5 clicks",
        "#3 Story 3 — 1 reaction, 0 clicks",
        "",
        "<b>Feeds with errors</b>",
        "#2 https://broken.example.com/rss.xml — error (HTTP 503; 4 failures in a row)",
      ].join("\n"),
    ]);
  });

  it("shows the last 20 editor actions, newest first", async () => {
    for (let i = 0; i < 11; i++) {
      await editors.harness.say("/pause");
      await editors.harness.say("/resume");
    }
    await editors.harness.say("/log");
    const lines = editors.harness.sent().at(-1)!.split("\n");
    expect(lines[0]).toBe("<b>Last 20 editor actions</b>");
    expect(lines.slice(1)).toHaveLength(20);
    expect(lines[1]).toMatch(/^\w{3} \d{1,2} \w{3} \d\d:\d\d · Ann resumed posting$/);
    expect(lines[2]).toMatch(/^\w{3} \d{1,2} \w{3} \d\d:\d\d · Ann paused posting$/);
  });

  it("says when the audit log is empty", async () => {
    await editors.harness.say("/log");
    expect(editors.harness.sent()).toEqual(["The audit log is empty: no editor has done anything yet."]);
  });

  it("pauses posting when the bot loses its right to post in the channel, and resumes when it returns", async () => {
    await storeStory(1, "Story while forbidden");
    await editors.harness.app.bot.handleUpdate(botMembership(CHANNEL_ID, { status: "administrator", can_post_messages: false, can_be_edited: false }));
    await editors.harness.app.bot.handleUpdate(botMembership(CHANNEL_ID, { status: "left" }));
    expect(await editors.harness.app.services.settings.get(OUTBOX_FORBIDDEN)).toBe(`{"code":"cannot-post","channel":"${CHANNEL_ID}"}`);
    expect(await publishNextPost(editors.harness.app.outboxDeps)).toEqual({ kind: "idle", reason: { code: "posting-forbidden" } });

    await editors.harness.app.bot.handleUpdate(botMembership(CHANNEL_ID, { status: "administrator", can_post_messages: true, can_be_edited: false }));
    expect(await editors.harness.app.services.settings.get(OUTBOX_FORBIDDEN)).toBeNull();
    expect(await publishNextPost(editors.harness.app.outboxDeps)).toMatchObject({ kind: "sent" });
    expect(editors.harness.sent()).toEqual([
      `⛔ I can no longer post in the channel: the bot is an administrator of the channel ${CHANNEL_ID} but may not post: give it the &quot;Post messages&quot; right. Posting is paused until I see my rights return.`,
      "✅ I may post in the channel again. Posting resumes.",
    ]);
    expect(await prisma().auditLog.findMany({ select: { action: true }, orderBy: { id: "asc" } })).toEqual([{ action: "channel.rights_lost" }, { action: "channel.rights_back" }]);
  });

  it("clears a pause set by the outbox's 403 when the rights return, and ignores other chats", async () => {
    // A reason stored as a sentence by an earlier version is shown as it is.
    await editors.harness.app.services.settings.set(OUTBOX_FORBIDDEN, "Forbidden: bot is not a member of the channel chat");
    await editors.harness.say("/status");
    expect(editors.harness.sent().at(-1)!.split("\n")).toContain("Channel: the bot may not post: Forbidden: bot is not a member of the channel chat");
    await editors.harness.app.bot.handleUpdate(botMembership(-1004444444444, { status: "administrator", can_post_messages: true, can_be_edited: false }));
    expect(await editors.harness.app.services.settings.get(OUTBOX_FORBIDDEN)).not.toBeNull();
    await editors.harness.app.bot.handleUpdate(botMembership(CHANNEL_ID, { status: "creator", is_anonymous: false }));
    expect(await editors.harness.app.services.settings.get(OUTBOX_FORBIDDEN)).toBeNull();
    expect(editors.harness.sent().slice(1)).toEqual(["✅ I may post in the channel again. Posting resumes."]);
  });

  it("follows the admin chat when Telegram makes it a supergroup", async () => {
    await editors.harness.app.bot.handleUpdate({
      update_id: updateId++,
      message: {
        message_id: 77,
        date: 1_790_000_000,
        chat: { id: ADMIN_CHAT_ID, type: "group", title: "Editors" },
        from: { id: EDITOR.id, is_bot: false, first_name: "Ann" },
        migrate_to_chat_id: NEW_ADMIN_CHAT_ID,
      },
    } as never);
    expect(editors.harness.app.services.adminChat.get()).toBe(NEW_ADMIN_CHAT_ID);
    expect(editors.telegram.callsTo("setMyCommands").map((c) => c.payload)).toEqual([
      { commands: editorCommands(createTranslations().translator("en")), scope: { type: "chat", chat_id: NEW_ADMIN_CHAT_ID } },
      { commands: editorCommands(createTranslations().translator("ru")), scope: { type: "chat", chat_id: NEW_ADMIN_CHAT_ID }, language_code: "ru" },
    ]);
    expect(editors.harness.sent(NEW_ADMIN_CHAT_ID)).toEqual(["This chat is now a supergroup. Editors' commands and notices work here as before."]);

    await editors.harness.app.bot.handleUpdate(groupMessage("/pause", NEW_ADMIN_CHAT_ID, EDITOR));
    await editors.harness.say("/resume");
    expect(editors.harness.sent(NEW_ADMIN_CHAT_ID).at(-1)).toBe("Automatic posting is paused. Editors' posts still go out: /postnow &lt;id&gt; sends one at once. /resume turns it back on.");
    expect(editors.harness.sent(ADMIN_CHAT_ID)).toEqual(["/resume is an editors' command: it works only in the editors' chat."]);

    // A restart remembers the new chat.
    await editors.harness.app.stop();
    editors.harness = await startHarness(editors.database, editors.telegram);
    expect(editors.harness.app.services.adminChat.get()).toBe(NEW_ADMIN_CHAT_ID);
  });
});
