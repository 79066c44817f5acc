/**
 * When Telegram makes the bot wait in the admin chat (429 with retry_after), the bot's
 * messages there go out after the wait, and the editors are told once why they were late.
 * The send budget runs on virtual time here: a 35-second wait takes none.
 */
import { describe, expect, it } from "vitest";

import { ADMIN_CHAT_ID } from "../../support/config.js";
import type { FakeAnswer } from "../../support/telegram.js";
import { useEditorHarness } from "./editor-harness.js";

const NOTICE = "Telegram asked me to slow down in this chat: my replies were delayed by 35 seconds.";

describe("a flood wait in the admin chat", () => {
  const editors = useEditorHarness("sqlite");

  /** Telegram answers the first `floods` messages to the admin chat with 429; the texts it took, in order. */
  const floodAdminChat = (floods: number) => {
    const delivered: string[] = [];
    let left = floods;
    editors.telegram.answer("sendMessage", (payload): FakeAnswer => {
      if (payload.chat_id === ADMIN_CHAT_ID && left-- > 0) {
        return { error_code: 429, description: "Too Many Requests: retry after 35", parameters: { retry_after: 35 } };
      }
      delivered.push(String(payload.text));
      return { result: { message_id: 500 + delivered.length, date: 0, chat: { id: payload.chat_id, type: "supergroup" }, text: payload.text } };
    });
    return delivered;
  };

  it("sends the delayed messages after the wait and tells the editors once, not per message", async () => {
    const delivered = floodAdminChat(2);
    // An editor's command and a notice from the background work hit the flood wait together.
    await Promise.all([editors.harness.say("/scheduled"), editors.harness.app.admin.notify("Feed #3 is paused.")]);

    expect(delivered).toHaveLength(3);
    expect(delivered.slice(0, 2).sort()).toEqual(["Feed #3 is paused.", "Nothing is waiting to be posted. Queue a story with /queue &lt;link&gt; or /compose."].sort());
    expect(delivered[2]).toBe(NOTICE);
    // Each message was tried again after the wait; nothing failed, nobody saw an apology.
    expect(editors.harness.sent().filter((text) => text.startsWith("Sorry"))).toEqual([]);

    // The next reply goes straight through: the episode is over, nothing more is said.
    await editors.harness.say("/scheduled");
    expect(delivered.slice(3)).toEqual(["Nothing is waiting to be posted. Queue a story with /queue &lt;link&gt; or /compose."]);
  });

  it("says nothing about a reader's chat, whose reply still goes out after its wait", async () => {
    const delivered: string[] = [];
    let left = 1;
    editors.telegram.answer("sendMessage", (payload): FakeAnswer => {
      if (payload.chat_id !== ADMIN_CHAT_ID && left-- > 0) {
        return { error_code: 429, description: "Too Many Requests: retry after 35", parameters: { retry_after: 35 } };
      }
      delivered.push(`${String(payload.chat_id)}: ${String(payload.text).split("\n")[0]}`);
      return { result: { message_id: 600 + delivered.length, date: 0, chat: { id: payload.chat_id, type: "private" }, text: payload.text } };
    });
    await editors.harness.sayPrivately("/help");
    expect(delivered).toHaveLength(1);
    expect(delivered[0]).toMatch(/^7001: /);
    expect(editors.harness.sent()).toEqual([]);
  });
});
