/**
 * Reasons Newsdesk stores and shows later — why a feed failed or was paused, why a story waits
 * for review, why the outbox did not send a post — reach each
 * editor in their own language: they are stored as codes and worded when shown. Notices to the
 * whole chat follow ADMIN_LANGUAGE. A reason an earlier version stored as an English sentence
 * is shown as it was stored.
 */
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";

import { INGEST_JOB, ingestAllFeeds } from "../../../src/ingest/ingest-feeds.js";
import { TEST_PROVIDERS } from "../../support/database.js";
import { server } from "../../support/msw.js";
import { rss, serve } from "../../support/web.js";
import { OUTBOX_FORBIDDEN, recoverOutbox } from "../../../src/publish/outbox.js";
import { CHANNEL_ID } from "../../support/config.js";
import { EDITOR, queueEditorPost, useEditorHarness } from "./editor-harness.js";

const RU_EDITOR = { ...EDITOR, language_code: "ru" };
const EN_EDITOR = { ...EDITOR, language_code: "en" };

const GONE = "https://gone.example.com/rss.xml";
const FLAKY = "https://flaky.example.com/rss.xml";

/** A feed item with text enough that its page is not fetched. */
function story(title: string, link: string) {
  return { title, link, description: `${title}, the harbour authority confirmed on Monday in a statement to the island's council and residents.` };
}

describe.each(TEST_PROVIDERS)("stored reasons in the editor's language on %s", (provider) => {
  const editors = useEditorHarness(provider, { ADMIN_LANGUAGE: "ru", FEED_MAX_FAILURES: "2" });
  const say = (text: string, from: { id: number; first_name?: string; language_code?: string }) => editors.harness.say(text, from);
  const lastText = () => editors.harness.sent().at(-1);
  const ingest = () => ingestAllFeeds(editors.harness.app.ingestDeps);

  it("says why a feed failed and why it was paused in the editor's language, and the paused notice in ADMIN_LANGUAGE", async () => {
    serve(GONE, rss([story("Harbour reopens", "https://gone.example.com/a")], "Harbour News"));
    serve(FLAKY, rss([story("Ferry line opens", "https://flaky.example.com/a")], "Flaky"));
    await say(`/addfeed ${GONE}`, EN_EDITOR);
    await say(`/addfeed ${FLAKY}`, EN_EDITOR);
    await ingest();
    server.use(
      http.get(GONE, () => new HttpResponse(null, { status: 410, statusText: "Gone" })),
      http.get(FLAKY, () => new HttpResponse(null, { status: 500, statusText: "Internal Server Error" })),
    );
    editors.telegram.reset();
    await ingest();
    expect(editors.harness.sent()).toEqual([
      `⏸ Лента #1 ${GONE} (Harbour News) приостановлена: лента ответила 410 Gone: её удалили. Исправьте причину, затем нажмите «Возобновить» или отправьте /resumefeed 1.`,
    ]);

    await say("/feeds", RU_EDITOR);
    expect(lastText()!.split("\n").slice(1)).toEqual([
      `#1 ${GONE} — на паузе с пн 30 ноября 10:00 (лента ответила 410 Gone: её удалили)`,
      `#2 ${FLAKY} — ошибка (по адресу ${FLAKY} сервер ответил ошибкой 500 Internal Server Error; 1 сбой подряд; следующая попытка пн 30 ноября 10:05)`,
    ]);
    await say("/feeds", EN_EDITOR);
    expect(lastText()!.split("\n").slice(1)).toEqual([
      `#1 ${GONE} — paused since Mon 30 Nov 10:00 (the feed answered 410 Gone: it was removed)`,
      `#2 ${FLAKY} — error (${FLAKY} answered 500 Internal Server Error; 1 failure in a row; next try Mon 30 Nov 10:05)`,
    ]);
    await say("/status", RU_EDITOR);
    expect(lastText()).toContain(`Загрузка не удаётся ни для одной ленты (она единственная); №2 ${FLAKY}: по адресу ${FLAKY} сервер ответил ошибкой 500 Internal Server Error.`);

    // The second failure in a row pauses the flaky feed (FEED_MAX_FAILURES=2), with its last failure.
    editors.harness.clock.now = new Date(editors.harness.clock.now.getTime() + 10 * 60_000);
    editors.telegram.reset();
    await ingest();
    expect(editors.harness.sent()).toEqual([
      `⏸ Лента #2 ${FLAKY} (Flaky) приостановлена: 2 сбоя подряд; последний: по адресу ${FLAKY} сервер ответил ошибкой 500 Internal Server Error. ` +
        "Исправьте причину, затем нажмите «Возобновить» или отправьте /resumefeed 2.",
    ]);
    await say("/feeds", EN_EDITOR);
    expect(lastText()!.split("\n")[2]).toBe(`#2 ${FLAKY} — paused since Mon 30 Nov 10:10 (2 failures in a row; last: ${FLAKY} answered 500 Internal Server Error)`);

    await editors.harness.press("ed:feed-resume:1", RU_EDITOR);
    expect(editors.telegram.callsTo("editMessageText").at(-1)!.payload.text).toBe(
      `⏸ Лента #1 ${GONE} (Harbour News) была приостановлена: лента ответила 410 Gone: её удалили.\n▶️ Возобновил(а) Ann; лента будет загружена при следующем опросе.`,
    );
    await say("/feeds", RU_EDITOR);
    expect(lastText()!.split("\n")[1]).toBe(`#1 ${GONE} — снова включена, с тех пор не загружалась (последняя ошибка: по адресу ${GONE} сервер ответил ошибкой 410 Gone)`);
    await say("/log", RU_EDITOR);
    expect(lastText()).toContain("Ann: лента №1 снова включена (была на паузе: лента ответила 410 Gone: её удалили)");
    await say("/log", EN_EDITOR);
    expect(lastText()).toContain("Ann resumed feed #1 (paused because the feed answered 410 Gone: it was removed)");
  });

  it("says on a review card in ADMIN_LANGUAGE why a story was held; a reason stored as an English sentence stays as it is", async () => {
    const feed = await editors.harness.app.services.feeds.add({ url: FLAKY, title: "Harbour Times", review: false });
    // Past its first fetch: its new stories may be posted.
    await editors.harness.app.services.db.prisma.feed.update({ where: { id: feed.id }, data: { primedAt: new Date(editors.harness.clock.now.getTime() - 3_600_000) } });
    server.use(http.get("https://flaky.example.com/gone", () => new HttpResponse("not here", { status: 404 })));
    serve(FLAKY, rss([{ title: "Ferry timetable changes", link: "https://flaky.example.com/gone", pubDate: new Date(editors.harness.clock.now.getTime() - 600_000) }]));
    // The ingest job, which sends the cards of stories held for review.
    expect(await editors.harness.app.scheduler.runNow(INGEST_JOB)).toBe(true);
    const held = "⚠️ Не опубликовано автоматически: страница статьи ответила ошибкой 404, а в ленте нет её текста.";
    expect(String(editors.harness.last().text).split("\n")).toContain(held);

    await editors.harness.app.services.db.prisma.article.updateMany({ data: { holdReason: "its page answered 404 and the feed gave no text" } });
    await editors.harness.press("ed:rskip:1", RU_EDITOR);
    const card = String(editors.telegram.callsTo("editMessageText").at(-1)!.payload.text).split("\n");
    expect(card).toContain("⚠️ Не опубликовано автоматически: its page answered 404 and the feed gave no text.");
    expect(card.at(-1)).toMatch(/^🗑 Пропущено/);
  });

  it("shows a feed's reasons stored as English sentences by an earlier version as they are", async () => {
    const { feeds } = editors.harness.app.services;
    const feed = await feeds.add({ url: FLAKY, defaultTopic: null });
    const failedAt = editors.harness.clock.now;
    await feeds.recordFailure(feed.id, { now: failedAt, error: "flaky.example.com answered 500", nextFetchAt: null, pauseReason: "10 failures in a row; last: answered 500" });
    await say("/feeds", RU_EDITOR);
    expect(lastText()!.split("\n")[1]).toBe(`#1 ${FLAKY} — на паузе с пн 30 ноября 10:00 (10 failures in a row; last: answered 500)`);
    await say(`/resumefeed ${feed.id}`, RU_EDITOR);
    await say("/feeds", RU_EDITOR);
    expect(lastText()!.split("\n")[1]).toBe(`#1 ${FLAKY} — снова включена, с тех пор не загружалась (последняя ошибка: flaky.example.com answered 500)`);
    await say("/log", RU_EDITOR);
    expect(lastText()).toContain("Ann: лента №1 снова включена (была на паузе: 10 failures in a row; last: answered 500)");
  });

  /** Telegram answers the channel's posts with `refusal`, everything else as usual. */
  const channelAnswers = (refusal: { error_code: number; description: string }) =>
    editors.telegram.answer("sendMessage", (payload) =>
      payload.chat_id === CHANNEL_ID ? refusal : { result: { message_id: 1, date: 0, chat: { id: Number(payload.chat_id), type: "supergroup" }, text: payload.text } },
    );

  it("says why the outbox did not send a post in the editor's language, and the failed post's notice in ADMIN_LANGUAGE", async () => {
    const id = await queueEditorPost(editors.harness.app, "Ferry line opens", null);
    channelAnswers({ error_code: 400, description: "Bad Request: can't parse entities" });
    await say(`/postnow ${id}`, RU_EDITOR);
    expect(editors.harness.sent().slice(-2)).toEqual([
      `❌ Пост №${id} «Ferry line opens» не удалось отправить: Telegram отказал в публикации: «Bad Request: can't parse entities».`,
      `Пост №${id} не удалось отправить: Telegram отказал в публикации: «Bad Request: can't parse entities».`,
    ]);
    await say("/status", RU_EDITOR);
    expect(lastText()).toContain(`  #${id} не удался: Telegram отказал в публикации: «Bad Request: can't parse entities» “Ferry line opens”`);
    await say("/status", EN_EDITOR);
    expect(lastText()).toContain(`  #${id} failed: Telegram refused the post: “Bad Request: can't parse entities” “Ferry line opens”`);
    await say(`/postnow ${id}`, EN_EDITOR);
    expect(lastText()).toBe(`Post #${id} could not be sent: Telegram refused the post: “Bad Request: can't parse entities”.`);

    // Telegram failing (a 5xx) is retried: /scheduled says why.
    channelAnswers({ error_code: 502, description: "Bad Gateway" });
    await say(`/postnow ${id}`, RU_EDITOR);
    expect(lastText()).toBe(`Пост №${id} не удалось отправить: сбой на стороне Telegram: «Bad Gateway».`);
    await say("/scheduled", RU_EDITOR);
    expect(lastText()).toContain("(повторная попытка: сбой на стороне Telegram: «Bad Gateway»)");
    await say("/scheduled", EN_EDITOR);
    expect(lastText()).toContain("(retrying: Telegram failed: “Bad Gateway”)");

    // A reason an earlier version stored as a sentence is shown as it is.
    await editors.harness.app.services.db.prisma.channelPost.update({ where: { id }, data: { lastError: "Bad Gateway" } });
    await say("/scheduled", RU_EDITOR);
    expect(lastText()).toContain("(повторная попытка: Bad Gateway)");

    // While the bot may not post, a post sent now waits, and the editor hears why.
    await editors.harness.app.services.settings.set(OUTBOX_FORBIDDEN, JSON.stringify({ code: "cannot-post", channel: String(CHANNEL_ID) }));
    await say(`/postnow ${id}`, RU_EDITOR);
    expect(lastText()).toBe(`Пост №${id} не отправлен: бот не может публиковать в канале; ждём, пока права вернутся.`);
    await say(`/postnow ${id}`, EN_EDITOR);
    expect(lastText()).toBe(`Post #${id} was not sent: the bot may not post in the channel; waiting for its rights to return.`);
  });

  it("words an interrupted send in ADMIN_LANGUAGE in the watchdog's notice", async () => {
    const id = await queueEditorPost(editors.harness.app, "Ferry line opens", null);
    const { services, outboxDeps } = editors.harness.app;
    // A process claimed it at 09:30 London time, called Telegram and died before the answer.
    expect(await services.posts.claim(id, "a-process-that-died", new Date("2026-11-30T09:30:00Z"), 90_000)).toBe(true);
    await recoverOutbox(outboxDeps);
    expect(lastText()).toBe(
      `⚠️ Возможно, пост №${id} «Ferry line opens» уже в канале (отправка прервалась пн 30 ноября 09:30: отправлявший процесс остановился, не дождавшись ответа Telegram). Сначала проверьте канал.`,
    );
  });

  it("says on a review card and in the button's answer why an approved story is not in the channel yet", async () => {
    const feed = await editors.harness.app.services.feeds.add({ url: FLAKY, title: "Harbour Times", review: true });
    await editors.harness.app.services.db.prisma.feed.update({ where: { id: feed.id }, data: { primedAt: new Date(editors.harness.clock.now.getTime() - 3_600_000) } });
    serve(FLAKY, rss([story("Ferry timetable changes", "https://flaky.example.com/ferry"), story("Harbour reopens", "https://flaky.example.com/harbour")]));
    expect(await editors.harness.app.scheduler.runNow(INGEST_JOB)).toBe(true);
    channelAnswers({ error_code: 502, description: "Bad Gateway" });
    await editors.harness.press("ed:rpost:1", RU_EDITOR);
    await editors.harness.press("ed:rpost:2", EN_EDITOR);
    expect(editors.telegram.callsTo("answerCallbackQuery").map((c) => c.payload.text)).toEqual([
      "№1 одобрен, но в канал ещё не ушёл: сбой на стороне Telegram: «Bad Gateway».",
      "#2 is approved but not in the channel yet: Telegram failed: “Bad Gateway”.",
    ]);
    const card = String(editors.telegram.callsTo("editMessageText")[0]!.payload.text).split("\n");
    expect(card.at(-1)).toMatch(/^✅ Одобрено как №1 \(Ann, \d\d:\d\d\), но в канал ещё не ушло.*сбой на стороне Telegram: «Bad Gateway»/);
  });
});
