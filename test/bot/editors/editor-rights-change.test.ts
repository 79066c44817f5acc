/**
 * An administrator of the editors' chat who is demoted loses editor rights as soon as
 * Telegram tells the bot (a chat_member update), not minutes later when the cached
 * administrator list expires; a promoted member gains them just as fast. EDITOR_IDS
 * stay editors whatever their standing in the chat.
 */
import type { Update } from "grammy/types";
import { beforeEach, describe, expect, it } from "vitest";

import { ALLOWED_UPDATES } from "../../../src/app/create-app.js";
import { createEditorCheck } from "../../../src/bot/filters/editor-guard.js";
import { ADMIN_CHAT_ID } from "../../support/config.js";
import { TEST_PROVIDERS } from "../../support/database.js";
import { BOT_INFO } from "../../support/telegram.js";
import { EDITOR, START, useEditorHarness } from "./editor-harness.js";

const OWNER = { id: 7100, first_name: "Chief" };
const DANA = { id: 7200, first_name: "Dana" };
const GRACE = { id: 7300, first_name: "Grace" };
const OTHER_GROUP = -1003333333333;

const EMPTY_QUEUE = "Nothing is waiting to be posted. Queue a story with /queue &lt;link&gt; or /compose.";
const REFUSAL = "Only editors can use /scheduled: the administrators of this chat and the people listed in EDITOR_IDS.";

type Person = { id: number; first_name: string };
type Status = "creator" | "administrator" | "member" | "restricted" | "left" | "kicked";

/** A chat member as Telegram describes one (the fields the bot reads, and a few it does not). */
function member(user: Person, status: Status) {
  const base = { status, user: { id: user.id, is_bot: false, first_name: user.first_name } };
  if (status === "creator") return { ...base, is_anonymous: false };
  if (status === "administrator") return { ...base, can_be_edited: true, is_anonymous: false, can_manage_chat: true, can_delete_messages: true };
  if (status === "restricted") return { ...base, is_member: true, until_date: 0 };
  if (status === "kicked") return { ...base, until_date: 0 };
  return base;
}

let nextUpdateId = 7_000_000;

/** Telegram's chat_member update: the owner changed `user`'s standing in a chat. */
function standingChange(user: Person, from: Status, to: Status, chatId = ADMIN_CHAT_ID): Update {
  return {
    update_id: nextUpdateId++,
    chat_member: {
      chat: { id: chatId, type: "supergroup", title: "Editors" },
      from: { id: OWNER.id, is_bot: false, first_name: OWNER.first_name },
      date: Math.floor(START.getTime() / 1000),
      old_chat_member: member(user, from),
      new_chat_member: member(user, to),
    },
  } as unknown as Update;
}

describe.each(TEST_PROVIDERS)("editors' rights when the admin chat's administrators change, on %s", (provider) => {
  const editors = useEditorHarness(provider);
  const scheduled = async (who: Person) => {
    await editors.harness.say("/scheduled", who);
    return editors.harness.sent().at(-1);
  };
  const askedForAdministrators = () => editors.telegram.callsTo("getChatAdministrators").length;

  beforeEach(() => {
    editors.telegram.answer("getChatAdministrators", () => ({
      result: [
        member(OWNER, "creator"),
        member(DANA, "administrator"),
        { status: "administrator", user: { id: BOT_INFO.id, is_bot: true, first_name: "Newsdesk" } },
      ],
    }));
  });

  it("asks Telegram for chat_member updates (they come only when asked for)", () => {
    expect(ALLOWED_UPDATES).toContain("chat_member");
  });

  it("refuses a demoted administrator's next command at once, without asking Telegram again", async () => {
    expect(await scheduled(DANA)).toBe(EMPTY_QUEUE);
    expect(askedForAdministrators()).toBe(1);

    await editors.harness.app.bot.handleUpdate(standingChange(DANA, "administrator", "member"));
    expect(await scheduled(DANA)).toBe(REFUSAL);
    expect(askedForAdministrators()).toBe(1);
    // The others are untouched.
    expect(await scheduled(OWNER)).toBe(EMPTY_QUEUE);
    expect(askedForAdministrators()).toBe(1);
  });

  it("treats leaving, being removed or restricted as losing editor rights", async () => {
    for (const status of ["left", "kicked", "restricted"] as const) {
      expect(await scheduled(DANA), status).toBe(EMPTY_QUEUE);
      await editors.harness.app.bot.handleUpdate(standingChange(DANA, "administrator", status));
      expect(await scheduled(DANA), status).toBe(REFUSAL);
      await editors.harness.app.bot.handleUpdate(standingChange(DANA, status, "administrator"));
    }
    expect(askedForAdministrators()).toBe(1);
  });

  it("lets a newly promoted administrator in at once, without asking Telegram again", async () => {
    expect(await scheduled(GRACE)).toBe(REFUSAL);
    expect(askedForAdministrators()).toBe(1);

    await editors.harness.app.bot.handleUpdate(standingChange(GRACE, "member", "administrator"));
    expect(await scheduled(GRACE)).toBe(EMPTY_QUEUE);
    expect(askedForAdministrators()).toBe(1);
  });

  it("ignores standing changes in other groups", async () => {
    expect(await scheduled(DANA)).toBe(EMPTY_QUEUE);
    await editors.harness.app.bot.handleUpdate(standingChange(DANA, "administrator", "member", OTHER_GROUP));
    await editors.harness.app.bot.handleUpdate(standingChange(GRACE, "member", "administrator", OTHER_GROUP));
    expect(await scheduled(DANA)).toBe(EMPTY_QUEUE);
    expect(await scheduled(GRACE)).toBe(REFUSAL);
    expect(editors.telegram.calls.map((c) => c.method).filter((m) => m !== "sendMessage")).toEqual(["getChatAdministrators"]);
  });

  it("keeps EDITOR_IDS as editors whatever their standing in the chat", async () => {
    await editors.harness.app.bot.handleUpdate(standingChange(EDITOR, "administrator", "member"));
    expect(await scheduled(EDITOR)).toBe(EMPTY_QUEUE);
  });
});

describe("the administrator cache", () => {
  it("applies a demotion seen while Telegram was being asked on top of its (older) answer", async () => {
    let answer: (admins: unknown[]) => void = () => undefined;
    let questions = 0;
    const api = {
      getChatAdministrators: () => {
        questions++;
        return new Promise<never>((resolve) => (answer = resolve as unknown as (admins: unknown[]) => void));
      },
    };
    const check = createEditorCheck({ editorIds: [], now: () => START });
    const first = check.isEditor(api, ADMIN_CHAT_ID, DANA.id);
    const second = check.isEditor(api, ADMIN_CHAT_ID, OWNER.id);
    check.memberChanged(ADMIN_CHAT_ID, member(DANA, "member") as never);
    answer([member(OWNER, "creator"), member(DANA, "administrator")]);
    expect(await first).toBe(false);
    expect(await second).toBe(true);
    expect(await check.isEditor(api, ADMIN_CHAT_ID, DANA.id)).toBe(false);
    // One question for both checks, and the corrected answer is the one kept.
    expect(questions).toBe(1);
  });
});
