/** /edit and /delete: correcting and taking down published posts. */
import { beforeEach, describe, expect, it } from "vitest";

import { publishNextPost } from "../../../src/publish/outbox.js";
import { ADMIN_CHAT_ID, CHANNEL_ID } from "../../support/config.js";
import { TEST_PROVIDERS } from "../../support/database.js";
import { EDITOR, useEditorHarness } from "./editor-harness.js";

describe.each(TEST_PROVIDERS)("corrections on %s", (provider) => {
  const editors = useEditorHarness(provider);

  beforeEach(async () => {
    const { services } = editors.harness.app;
    for (const [i, headline] of ["Harbour reopens after storm", "Waiting story"].entries()) {
      await services.articles.storeBatch([
        {
          url: `https://news.example.com/story-${i}`,
          guid: null,
          feedId: null,
          headline,
          summary: "The harbour reopened on Monday.",
          body: "",
          section: null,
          author: null,
          language: null,
          imageUrl: null,
          publishedAt: null,
          modifiedAt: null,
          sortAt: editors.harness.clock.now,
          headlineKey: `story ${i}`,
          autoPost: false,
          source: "editor",
          topics: [{ slug: "islands", name: "Islands" }],
          otherUrls: [],
        },
      ]);
      await services.posts.create({ articleId: i + 1, origin: "editor" });
    }
    // Post #1 goes out; post #2 stays waiting.
    await publishNextPost(editors.harness.app.outboxDeps, { postId: 1 });
    editors.telegram.reset();
  });

  const prisma = () => editors.harness.app.services.db.prisma;

  it("corrects a published headline in the channel, the article and the audit log", async () => {
    const messageId = Number((await editors.harness.app.services.posts.get(1))!.telegramMessageId);
    await editors.harness.say("/edit 1 headline Harbour <reopens> & ferries return");
    const updated = await editors.harness.app.services.posts.get(1);
    expect(updated!.article.headline).toBe("Harbour <reopens> & ferries return");
    expect(editors.telegram.callsTo("editMessageText").map((c) => c.payload)).toEqual([
      {
        chat_id: CHANNEL_ID,
        message_id: messageId,
        text: '<b>Harbour &lt;reopens&gt; &amp; ferries return</b>\n\nThe harbour reopened on Monday.\n\n<a href="https://news.example.com/story-0">Read more</a> · news.example.com\n\n#islands',
        parse_mode: "HTML",
        // Corrected as it went out: with the large preview above the text.
        link_preview_options: { url: "https://news.example.com/story-0", prefer_large_media: true, show_above_text: true },
      },
    ]);
    expect(editors.harness.sent()).toEqual(["Post #1 corrected in the channel. Headline: “Harbour reopens after storm” → “Harbour &lt;reopens&gt; &amp; ferries return”"]);
    expect(await prisma().auditLog.findMany({ select: { actorId: true, action: true, subject: true, before: true, after: true } })).toEqual([
      {
        actorId: BigInt(EDITOR.id),
        action: "post.edit",
        subject: "post #1",
        before: JSON.stringify({ headline: "Harbour reopens after storm" }),
        after: JSON.stringify({ headline: "Harbour <reopens> & ferries return" }),
      },
    ]);
  });

  it("corrects a post that went out as a photo by editing its caption", async () => {
    await prisma().article.update({ where: { id: 2 }, data: { imageUrl: "https://news.example.com/story-1.jpg", sourceName: "Harbour News" } });
    await publishNextPost(editors.harness.app.outboxDeps, { postId: 2 });
    expect(editors.telegram.callsTo("sendPhoto").map((c) => c.payload.photo)).toEqual(["https://news.example.com/story-1.jpg"]);
    expect(await prisma().channelPost.findUniqueOrThrow({ where: { id: 2 }, select: { media: true } })).toEqual({ media: "photo" });
    const messageId = Number((await editors.harness.app.services.posts.get(2))!.telegramMessageId);
    await editors.harness.say("/edit 2 summary Ferries run again & the port is open.");
    expect(editors.telegram.callsTo("editMessageText")).toEqual([]);
    expect(editors.telegram.callsTo("editMessageCaption").map((c) => c.payload)).toEqual([
      {
        chat_id: CHANNEL_ID,
        message_id: messageId,
        caption:
          '<b>Waiting story</b>\n\nFerries run again &amp; the port is open.\n\n<a href="https://news.example.com/story-1">Read more</a> · Harbour News\n\n#islands',
        parse_mode: "HTML",
      },
    ]);
  });

  it("corrects a waiting post's summary without touching the channel", async () => {
    await editors.harness.say("/edit 2 summary The harbour reopened on Tuesday.");
    expect(editors.harness.sent()).toEqual(["Post #2 corrected before posting. Summary: “The harbour reopened on Monday.” → “The harbour reopened on Tuesday.”"]);
    expect(editors.telegram.callsTo("editMessageText")).toEqual([]);
    expect((await editors.harness.app.services.posts.get(2))!.article.summary).toBe("The harbour reopened on Tuesday.");
  });

  it("changes nothing when Telegram refuses the edit or the input is wrong", async () => {
    editors.telegram.answer("editMessageText", () => ({ error_code: 400, description: "Bad Request: message to edit not found" }));
    await editors.harness.say("/edit 1 headline New headline");
    // Telegram's own words stay as Telegram wrote them, quoted inside the editor's language.
    await editors.harness.say("/edit 1 headline New headline", { ...EDITOR, language_code: "ru" });
    await editors.harness.say("/edit 1 headline Harbour reopens after storm");
    await editors.harness.say("/edit 1 byline Someone");
    await editors.harness.say("/edit 7 summary Text");
    await editors.harness.say("/edit");
    expect(editors.harness.sent()).toEqual([
      "Telegram refused the edit of post #1: Bad Request: message to edit not found. Nothing was changed.",
      "Telegram отказался править пост №1, его ответ: «Bad Request: message to edit not found». Ничего не изменено.",
      "Post #1 already has that headline; nothing changed.",
      "I can correct the headline or the summary, not “byline”. Use /edit &lt;id&gt; headline &lt;new headline&gt; or /edit &lt;id&gt; summary &lt;new summary&gt;",
      "There is no post #7.",
      "Which post? Use /edit &lt;id&gt; headline &lt;new headline&gt; or /edit &lt;id&gt; summary &lt;new summary&gt;",
    ]);
    expect((await editors.harness.app.services.posts.get(1))!.article.headline).toBe("Harbour reopens after storm");
    expect(await prisma().auditLog.count()).toBe(0);
  });

  it("deletes a published post after confirmation", async () => {
    const messageId = Number((await editors.harness.app.services.posts.get(1))!.telegramMessageId);
    await editors.harness.say("/delete 1");
    expect(editors.harness.last()).toEqual({
      chat_id: ADMIN_CHAT_ID,
      text: "Delete post #1 “Harbour reopens after storm” from the channel? Readers will no longer see it.",
      parse_mode: "HTML",
      link_preview_options: { is_disabled: true },
      reply_markup: {
        inline_keyboard: [
          [
            { text: "Yes, delete it", callback_data: "ed:delete:1" },
            { text: "Keep it", callback_data: "ed:keep:1" },
          ],
        ],
      },
    });
    // Nothing happens before the button.
    expect(editors.telegram.callsTo("deleteMessage")).toEqual([]);
    expect((await editors.harness.app.services.posts.get(1))!.status).toBe("sent");

    await editors.harness.press("ed:delete:1");
    expect(editors.telegram.callsTo("deleteMessage").map((c) => c.payload)).toEqual([{ chat_id: CHANNEL_ID, message_id: messageId }]);
    expect((await editors.harness.app.services.posts.get(1))!.status).toBe("deleted");
    expect(editors.telegram.callsTo("answerCallbackQuery").at(-1)?.payload.text).toBe("Deleted.");
    expect(editors.telegram.callsTo("editMessageText").at(-1)?.payload).toMatchObject({
      chat_id: ADMIN_CHAT_ID,
      message_id: 9000,
      text: "Post #1 “Harbour reopens after storm” is deleted from the channel.",
    });
    expect(await prisma().auditLog.findMany({ select: { action: true, after: true } })).toEqual([{ action: "post.delete", after: JSON.stringify({ status: "deleted" }) }]);

    await editors.harness.press("ed:delete:1");
    expect(editors.telegram.callsTo("deleteMessage")).toHaveLength(1);
    expect(editors.telegram.callsTo("answerCallbackQuery").at(-1)?.payload).toMatchObject({ text: "Post #1 is already deleted.", show_alert: true });
  });

  it("keeps the post when the editor changes their mind", async () => {
    await editors.harness.say("/delete 1");
    await editors.harness.press("ed:keep:1");
    expect(editors.telegram.callsTo("deleteMessage")).toEqual([]);
    expect(editors.telegram.callsTo("editMessageText").at(-1)?.payload).toMatchObject({ text: "Post #1 stays in the channel." });
    expect(editors.telegram.callsTo("answerCallbackQuery")).toHaveLength(1);
    expect((await editors.harness.app.services.posts.get(1))!.status).toBe("sent");
  });

  it("refuses to delete after 48 hours, with the reason, and posts that are not in the channel", async () => {
    await editors.harness.say("/delete 1");
    editors.harness.clock.now = new Date(editors.harness.clock.now.getTime() + 48 * 3_600_000);
    await editors.harness.press("ed:delete:1");
    await editors.harness.say("/delete 1");
    await editors.harness.say("/delete 2");
    const refusal = "Post #1 went out on Mon 30 Nov 10:00: Telegram lets bots delete messages only within 48 hours. Delete it by hand in the channel.";
    expect(editors.telegram.callsTo("answerCallbackQuery").at(-1)?.payload).toMatchObject({ text: refusal, show_alert: true });
    expect(editors.harness.sent().slice(1)).toEqual([refusal, "Post #2 is not in the channel (it is queued); to stop a waiting post use /cancel 2."]);
    expect(editors.telegram.callsTo("deleteMessage")).toEqual([]);
    expect((await editors.harness.app.services.posts.get(1))!.status).toBe("sent");
  });

  it("reports a deletion Telegram refuses and changes nothing", async () => {
    editors.telegram.answer("deleteMessage", () => ({ error_code: 400, description: "Bad Request: message can't be deleted" }));
    await editors.harness.say("/delete 1");
    await editors.harness.press("ed:delete:1");
    expect(editors.telegram.callsTo("answerCallbackQuery").at(-1)?.payload).toMatchObject({
      text: "Telegram refused to delete post #1: Bad Request: message can't be deleted. Nothing was changed.",
      show_alert: true,
    });
    expect((await editors.harness.app.services.posts.get(1))!.status).toBe("sent");
    expect(await prisma().auditLog.count()).toBe(0);
  });
});
