/**
 * Who may use the editors' commands: editors (EDITOR_IDS and the admin chat's
 * administrators), in the admin chat only. Everyone else is refused and nothing changes.
 */
import { beforeEach, describe, expect, it } from "vitest";

import { EDITOR_COMMANDS } from "../../../src/bot/editor-commands.js";
import { ADMIN_CHAT_ID } from "../../support/config.js";
import { TEST_PROVIDERS } from "../../support/database.js";
import { BOT_INFO, groupMessage } from "../../support/telegram.js";
import { EDITOR, OUTSIDER, useEditorHarness } from "./editor-harness.js";

const OTHER_GROUP = -1003333333333;

/** Each editors' command with arguments that would change something if it ran. */
const ATTEMPTS: Record<string, string> = {
  queue: "/queue https://news.example.com/story",
  review: "/review",
  compose: "/compose",
  scheduled: "/scheduled",
  postnow: "/postnow 1",
  breaking: "/breaking 1",
  reschedule: "/reschedule 1 tomorrow 9am",
  cancel: "/cancel 1",
  edit: "/edit 1 headline Changed",
  delete: "/delete 1",
  kill: "/kill 1",
  feeds: "/feeds",
  addfeed: "/addfeed https://news.example.com/rss.xml",
  removefeed: "/removefeed 1",
  resumefeed: "/resumefeed 1",
  topics: "/topics remove asia",
  pause: "/pause",
  resume: "/resume",
  status: "/status",
  stats: "/stats",
  log: "/log",
};

describe.each(TEST_PROVIDERS)("editors' access on %s", (provider) => {
  const editors = useEditorHarness(provider);

  beforeEach(async () => {
    // One feed and one waiting post, so that commands which ran would visibly change them.
    const { services } = editors.harness.app;
    await services.feeds.add({ url: "https://news.example.com/old.xml" });
    await services.feeds.recordFailure(1, { now: new Date(), error: "answered 410 Gone", nextFetchAt: null, pauseReason: "the feed answered 410 Gone" });
    await services.topics.adopt("asia", "Asia");
    await services.articles.storeBatch([
      {
        url: "https://news.example.com/kept",
        guid: null,
        feedId: null,
        headline: "Kept story",
        summary: "Kept.",
        body: "",
        section: null,
        author: null,
        language: null,
        imageUrl: null,
        publishedAt: null,
        modifiedAt: null,
        sortAt: new Date(),
        headlineKey: "kept story",
        autoPost: false,
        source: "editor",
        topics: [],
        otherUrls: [],
      },
    ]);
    await services.posts.create({ articleId: 1, origin: "editor" });
  });

  const snapshot = async () => {
    const prisma = editors.harness.app.services.db.prisma;
    return {
      posts: await prisma.channelPost.findMany({ select: { id: true, status: true, scheduledAt: true } }),
      articles: await prisma.article.findMany({ select: { id: true, headline: true, removedAt: true } }),
      feeds: await prisma.feed.findMany({ select: { id: true, url: true, pausedAt: true } }),
      topics: await prisma.topic.findMany({ select: { slug: true } }),
      settings: await prisma.setting.findMany({ select: { key: true, value: true } }),
      audit: await prisma.auditLog.count(),
      sessions: await prisma.session.count(),
    };
  };

  it("lists every editors' command for the admin chat's command menu", () => {
    expect(EDITOR_COMMANDS.map((c) => c.command).sort()).toEqual(Object.keys(ATTEMPTS).sort());
  });

  it("refuses every editors' command to a member of the admin chat who is not an editor", async () => {
    const before = await snapshot();
    for (const [command, text] of Object.entries(ATTEMPTS)) {
      editors.telegram.reset();
      await editors.harness.say(text, OUTSIDER);
      expect(editors.harness.sent(), command).toEqual([`Only editors can use /${command}: the administrators of this chat and the people listed in EDITOR_IDS.`]);
      // The administrators are cached: asked for the first command only.
      expect(editors.telegram.calls.map((c) => c.method), command).toEqual(command === "queue" ? ["getChatAdministrators", "sendMessage"] : ["sendMessage"]);
    }
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a command whose bot_command entity is not the message's first entity", async () => {
    // grammY runs a command for any bot_command entity at offset 0, so the guard must read it the same way.
    const before = await snapshot();
    const update = groupMessage("/removefeed 1", ADMIN_CHAT_ID, OUTSIDER);
    update.message.entities = [
      { type: "bold", offset: 0, length: 13 },
      { type: "bot_command", offset: 0, length: 11 },
    ] as unknown as typeof update.message.entities;
    await editors.harness.app.bot.handleUpdate(update);
    expect(editors.harness.sent()).toEqual(["Only editors can use /removefeed: the administrators of this chat and the people listed in EDITOR_IDS."]);
    expect(await snapshot()).toEqual(before);
  });

  /** The editors' commands readers do not have (readers have /topics of their own). */
  const editorsOnly = Object.entries(ATTEMPTS).filter(([command]) => command !== "topics");

  it("refuses every editors' command in a private chat, even to an editor, and readers' features stay silent", async () => {
    const before = await snapshot();
    for (const [command, text] of editorsOnly) {
      editors.telegram.reset();
      await editors.harness.sayPrivately(text, EDITOR);
      expect(editors.harness.sent(EDITOR.id), command).toEqual([`/${command} is an editors' command: it works only in the editors' chat.`]);
      expect(editors.telegram.calls.map((c) => c.method), command).toEqual(["sendMessage"]);
    }
    expect(await snapshot()).toEqual(before);
  });

  it("refuses every editors' command in another group", async () => {
    const before = await snapshot();
    for (const [command, text] of editorsOnly) {
      editors.telegram.reset();
      await editors.harness.sayIn(OTHER_GROUP, text, EDITOR);
      expect(editors.harness.sent(OTHER_GROUP), command).toEqual([`/${command} is an editors' command: it works only in the editors' chat.`]);
      expect(editors.telegram.calls.map((c) => c.method), command).toEqual(["sendMessage"]);
    }
    expect(await snapshot()).toEqual(before);
  });

  it("refuses the editors' buttons to a non-editor, answering the button", async () => {
    const before = await snapshot();
    for (const data of ["ed:now:1", "ed:cancel:1", "ed:delete:1", "ed:compose:post", "ed:feed-resume:1"]) await editors.harness.press(data, OUTSIDER);
    const answers = editors.telegram.callsTo("answerCallbackQuery").map((c) => c.payload);
    expect(answers).toHaveLength(5);
    for (const answer of answers) {
      expect(answer).toMatchObject({ text: "Only editors can use these buttons: the administrators of this chat and the people listed in EDITOR_IDS.", show_alert: true });
    }
    expect(editors.telegram.callsTo("sendMessage")).toEqual([]);
    expect(await snapshot()).toEqual(before);
  });

  it("takes the admin chat's administrators as editors, asking Telegram once in a few minutes", async () => {
    const chief = { id: 7100, first_name: "Chief" };
    editors.telegram.answer("getChatAdministrators", () => ({
      result: [
        { status: "creator", user: { id: chief.id, is_bot: false, first_name: "Chief" }, is_anonymous: false },
        { status: "administrator", user: { id: BOT_INFO.id, is_bot: true, first_name: "Newsdesk" } },
      ],
    }));
    await editors.harness.say("/pause", chief);
    await editors.harness.say("/resume", chief);
    await editors.harness.say("/pause", OUTSIDER);
    expect(editors.harness.sent()).toEqual([
      "Automatic posting is paused. Editors' posts still go out: /postnow &lt;id&gt; sends one at once. /resume turns it back on.",
      "Automatic posting is back on (quiet hours and the hourly limit still apply).",
      "Only editors can use /pause: the administrators of this chat and the people listed in EDITOR_IDS.",
    ]);
    expect(editors.telegram.callsTo("getChatAdministrators")).toEqual([{ method: "getChatAdministrators", payload: { chat_id: ADMIN_CHAT_ID } }]);

    // After the cache expires the list is asked for again.
    editors.harness.clock.now = new Date(editors.harness.clock.now.getTime() + 6 * 60_000);
    await editors.harness.say("/pause", chief);
    expect(editors.telegram.callsTo("getChatAdministrators")).toHaveLength(2);
  });

  it("says so when Telegram cannot tell who the administrators are", async () => {
    editors.telegram.answer("getChatAdministrators", () => ({ error_code: 400, description: "Bad Request: chat not found" }));
    await editors.harness.say("/pause", OUTSIDER);
    expect(editors.harness.sent()).toEqual(["I could not check who the editors are (Telegram did not answer). Please try again in a moment."]);
    expect(await editors.harness.app.services.settings.get("outbox.paused")).toBeNull();
  });

  it("leaves /topics outside the admin chat to the readers: their keyboard in a private chat, silence in another group", async () => {
    const before = await snapshot();
    await editors.harness.sayPrivately("/topics remove asia", EDITOR);
    expect(editors.harness.sent(EDITOR.id)).toEqual(["Tap a topic to follow or unfollow it. ✅ marks the ones you follow."]);
    await editors.harness.sayIn(OTHER_GROUP, "/topics remove asia", EDITOR);
    expect(editors.harness.sent(OTHER_GROUP)).toEqual([]);
    const { topics, ...rest } = await snapshot();
    expect(topics).toEqual(before.topics);
    expect(rest.feeds).toEqual(before.feeds);
  });

  it("leaves /start and other readers' commands in private chats to the readers' features", async () => {
    await editors.harness.sayPrivately("/start", { id: 4242, first_name: "Reader" });
    expect(editors.harness.sent(4242)[0]).toMatch(/^Welcome to Newsdesk!/);
  });
});
