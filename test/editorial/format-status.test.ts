/** /status words why posts wait in the reader's language, from the codes the posting state holds. */
import { describe, expect, it } from "vitest";

import { formatStatus } from "../../src/editorial/format-status.js";
import { createFluentTranslator } from "../../src/i18n/fluent-translator.js";
import type { NewsroomStatus } from "../../src/newsroom/newsroom-status.js";

const QUIET = { code: "quiet-hours", start: "23:00", end: "07:00" } as const;

function status(posting: NewsroomStatus["posting"], heldBy: NewsroomStatus["nextPosts"][number]["heldBy"]): NewsroomStatus {
  return {
    checkedAt: new Date("2026-12-06T23:30:00Z"),
    problems: [],
    posting,
    nextPosts: [{ id: 3, headline: "Harbour reopens", origin: "auto", at: null, heldBy }],
    waitingCount: 1,
    reviewWaiting: 0,
    lastPost: { id: 2, headline: "Ferry line opens", sentAt: new Date("2026-12-06T18:30:00Z") },
    lastIngestAt: null,
    feeds: { total: 0, failing: [], paused: [] },
    alertsWaiting: 0,
    notPosted: 0,
    unsentPosts: { total: 0, posts: [] },
    thisBot: null,
    otherBots: [],
  };
}

describe("formatStatus", () => {
  it("says why automatic posts wait, and when things happened, in English and in Russian", () => {
    const quiet = status({ paused: null, forbidden: null, autoHeld: QUIET }, { kind: "auto", reason: QUIET });
    const en = formatStatus(createFluentTranslator("en"), quiet, "Europe/London").split("\n");
    expect(en.slice(0, 5)).toEqual([
      "Newsdesk status at Sun 6 Dec 23:30 (Europe/London)",
      "Problems: none",
      "Posting: on, automatic posts held now: quiet hours (23:00-07:00)",
      "Channel: the bot may post",
      "Next posts (1 waiting):",
    ]);
    expect(en[5]).toBe("  #3 held (quiet hours (23:00-07:00)) “Harbour reopens”");
    const ru = formatStatus(createFluentTranslator("ru"), quiet, "Europe/London").split("\n");
    expect(ru[0]).toBe("Состояние Newsdesk на вс 6 декабря 23:30 (Europe/London)");
    expect(ru[2]).toBe("Публикация: включена, автоматические посты сейчас задержаны: тихие часы (23:00-07:00)");
    expect(ru[5]).toBe("  #3 задержан (тихие часы (23:00-07:00)) “Harbour reopens”");
    expect(ru).toContain("Последний пост: №2, вс 6 декабря 18:30, «Ferry line opens»");
  });

  it("words a coded reason the bot may not post, and shows an earlier version's sentence as it is", () => {
    const kicked = { code: "telegram-refused", description: "Forbidden: bot was kicked from the channel chat" } as const;
    const ru = formatStatus(createFluentTranslator("ru"), status({ paused: null, forbidden: kicked, autoHeld: null }, { kind: "forbidden", reason: kicked }), "UTC").split("\n");
    expect(ru[3]).toBe("Канал: бот не может публиковать: Telegram отказал в публикации: «Forbidden: bot was kicked from the channel chat»");
    expect(ru[5]).toBe("  #3 задержан (Telegram отказал в публикации: «Forbidden: bot was kicked from the channel chat») “Harbour reopens”");
    const legacy = { code: "stored-text", text: "the bot is not an administrator of the channel" } as const;
    const en = formatStatus(createFluentTranslator("en"), status({ paused: null, forbidden: legacy, autoHeld: null }, { kind: "forbidden", reason: legacy }), "UTC").split("\n");
    expect(en[3]).toBe("Channel: the bot may not post: the bot is not an administrator of the channel");
  });
});
