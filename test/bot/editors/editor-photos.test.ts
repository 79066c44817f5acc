/**
 * Editors' photos: a photo sent in reply to a post's preview in the admin chat becomes the
 * story's picture (audited), the editor is answered, the preview is refreshed, and the post
 * goes out with that photo.
 */
import { describe, expect, it } from "vitest";

import { publishNextPost } from "../../../src/publish/outbox.js";
import { ADMIN_CHAT_ID, CHANNEL_ID } from "../../support/config.js";
import { TEST_PROVIDERS } from "../../support/database.js";
import { BOT_INFO } from "../../support/telegram.js";
import { EDITOR, OUTSIDER, queueEditorPost, useEditorHarness } from "./editor-harness.js";

const KEYBOARD = {
  inline_keyboard: [
    [
      { text: "Post now", callback_data: "ed:now:1" },
      { text: "Schedule", callback_data: "ed:schedule:1" },
    ],
    [
      { text: "Edit", callback_data: "ed:edit:1" },
      { text: "Cancel", callback_data: "ed:cancel:1" },
    ],
  ],
};
const CAPTION = '<b>Harbour reopens</b>\n\nHarbour reopens.\n\n<a href="https://news.example.com/harbour-reopens">Read more</a> · news.example.com';

/** The bot's preview message as Telegram includes it in a reply. */
function preview(kind: "text" | "photo") {
  return {
    message_id: 777,
    date: 0,
    chat: { id: ADMIN_CHAT_ID, type: "supergroup", title: "Editors" },
    from: { id: BOT_INFO.id, is_bot: true, first_name: BOT_INFO.first_name },
    ...(kind === "text" ? { text: "Harbour reopens" } : { photo: [{ file_id: "old", file_unique_id: "old", width: 800, height: 600 }], caption: "Harbour reopens" }),
    reply_markup: KEYBOARD,
  };
}

describe.each(TEST_PROVIDERS)("editors' photos on %s", (provider) => {
  const editors = useEditorHarness(provider);
  const prisma = () => editors.harness.app.services.db.prisma;

  it("a photo in reply to a text preview becomes the story's picture; a new preview shows it and the post goes out with it", async () => {
    await queueEditorPost(editors.harness.app, "Harbour reopens", null);
    await editors.harness.showPhoto("AgACAgEditors", { replyTo: preview("text") });

    expect(await prisma().article.findUniqueOrThrow({ where: { id: 1 }, select: { editorImage: true } })).toEqual({ editorImage: "AgACAgEditors" });
    expect(editors.harness.sent()).toEqual(["🖼 Post #1 now has your photo."]);
    expect(editors.telegram.callsTo("sendPhoto").map((c) => c.payload)).toEqual([
      { chat_id: ADMIN_CHAT_ID, photo: "AgACAgEditors", caption: CAPTION, parse_mode: "HTML", reply_markup: KEYBOARD },
    ]);
    // The old preview loses its buttons, so only the new one is acted on.
    expect(editors.telegram.callsTo("editMessageReplyMarkup").map((c) => c.payload)).toEqual([{ chat_id: ADMIN_CHAT_ID, message_id: 777 }]);
    expect(await prisma().auditLog.findMany({ select: { actorId: true, action: true, subject: true, after: true } })).toEqual([
      { actorId: BigInt(EDITOR.id), action: "post.photo", subject: "post #1", after: JSON.stringify({ photo: "AgACAgEditors" }) },
    ]);

    editors.telegram.reset();
    await publishNextPost(editors.harness.app.outboxDeps, { postId: 1 });
    expect(editors.telegram.callsTo("sendPhoto").map((c) => c.payload)).toEqual([
      { chat_id: CHANNEL_ID, photo: "AgACAgEditors", caption: CAPTION, parse_mode: "HTML", disable_notification: true },
    ]);
  });

  it("a photo preview is refreshed in place with the new photo", async () => {
    await queueEditorPost(editors.harness.app, "Harbour reopens", null);
    await prisma().article.update({ where: { id: 1 }, data: { imageUrl: "https://news.example.com/harbour.jpg" } });
    await editors.harness.showPhoto("AgACAgNewer", { replyTo: preview("photo") });
    expect(editors.telegram.callsTo("editMessageMedia").map((c) => c.payload)).toEqual([
      {
        chat_id: ADMIN_CHAT_ID,
        message_id: 777,
        media: { type: "photo", media: "AgACAgNewer", caption: CAPTION, parse_mode: "HTML" },
        reply_markup: KEYBOARD,
      },
    ]);
    expect(editors.telegram.callsTo("sendPhoto")).toEqual([]);
  });

  it("ignores photos from others and photos that answer no preview", async () => {
    await queueEditorPost(editors.harness.app, "Harbour reopens", null);
    await editors.harness.showPhoto("AgACAgOutsider", { replyTo: preview("text"), from: OUTSIDER });
    await editors.harness.showPhoto("AgACAgLoose");
    await editors.harness.showPhoto("AgACAgReply", { replyTo: { ...preview("text"), reply_markup: undefined } });
    expect(await prisma().article.findUniqueOrThrow({ where: { id: 1 }, select: { editorImage: true } })).toEqual({ editorImage: null });
    expect(editors.telegram.calls.filter((c) => c.method !== "getChatAdministrators")).toEqual([]);
  });
});
