/**
 * A post whose send was interrupted may already be in the channel: the watchdog's notice
 * and /postnow ask the editors to check first, then Send anyway, Mark as sent or Cancel.
 */
import { beforeEach, describe, expect, it } from "vitest";

import { recoverOutbox } from "../../../src/publish/outbox.js";
import { ADMIN_CHAT_ID, CHANNEL_ID } from "../../support/config.js";
import { storyArticle } from "../../support/articles.js";
import { TEST_PROVIDERS } from "../../support/database.js";
import { EDITOR, useEditorHarness } from "./editor-harness.js";

const CHOICE = {
  inline_keyboard: [
    [
      { text: "Send anyway", callback_data: "ed:resend:1" },
      { text: "Mark as sent", callback_data: "ed:marksent:1" },
      { text: "Cancel", callback_data: "ed:leave:1" },
    ],
  ],
};

describe.each(TEST_PROVIDERS)("posts that may already be in the channel, on %s", (provider) => {
  const editors = useEditorHarness(provider);
  const prisma = () => editors.harness.app.services.db.prisma;
  const channelPosts = () => editors.telegram.callsTo("sendMessage").filter((c) => c.payload.chat_id === CHANNEL_ID);
  const edited = () => editors.telegram.callsTo("editMessageText").map((c) => c.payload);

  beforeEach(async () => {
    const { services } = editors.harness.app;
    await services.articles.storeBatch([storyArticle(1, { headline: "Harbour <reopens> & ferries return", autoPost: false, source: "editor" })]);
    await services.posts.create({ articleId: 1, origin: "editor" });
    // A process claimed it at 09:30 London time, called Telegram and died before the answer.
    expect(await services.posts.claim(1, "a-process-that-died", new Date("2026-11-30T09:30:00Z"), 90_000)).toBe(true);
    // At 10:00 the watchdog finds its lease long gone.
    await recoverOutbox(editors.harness.app.outboxDeps);
  });

  it("the watchdog's notice asks to check the channel first, and Send anyway sends it once", async () => {
    expect(editors.harness.last()).toEqual({
      chat_id: ADMIN_CHAT_ID,
      text:
        "⚠️ Post #1 “Harbour &lt;reopens&gt; &amp; ferries return” may already be in the channel " +
        "(the send was interrupted at Mon 30 Nov 09:30: the sending process stopped before Telegram answered). Check the channel first.",
      parse_mode: "HTML",
      link_preview_options: { is_disabled: true },
      reply_markup: CHOICE,
    });
    expect(channelPosts()).toEqual([]);

    await editors.harness.press("ed:resend:1");
    expect(channelPosts().map((c) => c.payload.text)).toEqual([expect.stringContaining("Harbour &lt;reopens&gt; &amp; ferries return")]);
    expect(editors.telegram.callsTo("answerCallbackQuery").map((c) => c.payload.text)).toEqual(["Sending post #1…"]);
    // The notice becomes the answer, so its buttons cannot be pressed twice.
    expect(edited()).toEqual([{ chat_id: ADMIN_CHAT_ID, message_id: 9000, text: "Post #1 is in the channel now.", parse_mode: "HTML" }]);
    expect(await editors.harness.app.services.posts.get(1)).toMatchObject({ status: "sent", chatId: String(CHANNEL_ID) });
    expect(await prisma().auditLog.findMany({ select: { actorId: true, action: true, before: true } })).toEqual([
      { actorId: BigInt(EDITOR.id), action: "post.post_now", before: JSON.stringify({ status: "uncertain", scheduledAt: null }) },
    ]);

    // An old copy of the buttons: nothing goes out twice.
    await editors.harness.press("ed:resend:1");
    expect(channelPosts()).toHaveLength(1);
    expect(edited().at(-1)?.text).toBe("Post #1 is already in the channel (sent Mon 30 Nov 10:00).");
  });

  it("/postnow asks first; Cancel changes nothing; Mark as sent records it without a message, audited", async () => {
    await editors.harness.say("/postnow 1");
    expect(editors.harness.last()).toEqual({
      chat_id: ADMIN_CHAT_ID,
      text: "Post #1 “Harbour &lt;reopens&gt; &amp; ferries return” may already be in the channel (the send was interrupted at Mon 30 Nov 09:30). Check the channel first.",
      parse_mode: "HTML",
      link_preview_options: { is_disabled: true },
      reply_markup: CHOICE,
    });
    expect(channelPosts()).toEqual([]);

    await editors.harness.press("ed:leave:1");
    expect(editors.telegram.callsTo("answerCallbackQuery").at(-1)?.payload.text).toBe("Nothing changed.");
    expect(edited().at(-1)?.text).toBe("Post #1 was left as it is: nothing was sent or recorded.");
    expect(await editors.harness.app.services.posts.get(1)).toMatchObject({ status: "uncertain" });

    await editors.harness.press("ed:marksent:1");
    expect(edited().at(-1)?.text).toBe(
      "Post #1 is recorded as sent. I do not know its channel message, so /edit and /delete cannot reach it: correct or delete it in the channel itself.",
    );
    expect(await prisma().channelPost.findUniqueOrThrow({ where: { id: 1 }, select: { status: true, sentAt: true, chatId: true, telegramMessageId: true } })).toEqual({
      status: "sent",
      sentAt: new Date("2026-11-30T09:30:00Z"),
      chatId: null,
      telegramMessageId: null,
    });
    expect(await prisma().auditLog.findMany({ select: { actorId: true, action: true, subject: true, before: true, after: true } })).toEqual([
      {
        actorId: BigInt(EDITOR.id),
        action: "post.mark_sent",
        subject: "post #1",
        before: JSON.stringify({ status: "uncertain", sendStartedAt: "2026-11-30T09:30:00.000Z" }),
        after: JSON.stringify({ status: "sent", messageId: null }),
      },
    ]);

    await editors.harness.press("ed:marksent:1");
    expect(edited().at(-1)?.text).toBe("Post #1 is already recorded as sent; nothing changed.");
    await editors.harness.say("/postnow 1");
    await editors.harness.say("/edit 1 headline Harbour reopens");
    await editors.harness.say("/delete 1");
    expect(editors.harness.sent().slice(-3)).toEqual([
      "Post #1 is already in the channel (sent Mon 30 Nov 09:30).",
      "Post #1 was marked as sent by hand, so I have no record of its channel message: correct it in the channel itself.",
      "Post #1 was marked as sent by hand, so I have no record of its channel message: delete it in the channel itself.",
    ]);
    expect(channelPosts()).toEqual([]);
    expect(editors.telegram.callsTo("deleteMessage")).toEqual([]);
    expect(editors.telegram.callsTo("editMessageText").filter((c) => c.payload.chat_id === CHANNEL_ID)).toEqual([]);
  });
});
