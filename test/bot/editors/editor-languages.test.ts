/**
 * Editors' texts follow the editor: a reply to an editor whose Telegram speaks Russian is
 * in Russian, an English editor's stays English, in the same admin chat. Notices that
 * answer no one editor follow ADMIN_LANGUAGE, and the editors' menu is registered in both.
 */
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";

import { registerCommands } from "../../../src/app/create-app.js";
import { createTranslations } from "../../../src/i18n/create-i18n.js";
import { ADMIN_CHAT_ID, CHANNEL_ID } from "../../support/config.js";
import { TEST_PROVIDERS } from "../../support/database.js";
import { server } from "../../support/msw.js";
import { BOT_INFO } from "../../support/telegram.js";
import { EDITOR, queueEditorPost, startHarness, useEditorHarness } from "./editor-harness.js";

/** The same editor (an editor by EDITOR_IDS), with a Russian Telegram app. */
const RU_EDITOR = { ...EDITOR, language_code: "ru" };
const EN_EDITOR = { ...EDITOR, language_code: "en-GB" };

function channelRights(canPost: boolean) {
  return {
    update_id: Math.floor(Math.random() * 1e9),
    my_chat_member: {
      chat: { id: CHANNEL_ID, type: "channel" as const, title: "News" },
      from: { id: EDITOR.id, is_bot: false, first_name: EDITOR.first_name },
      date: 1_790_000_000,
      old_chat_member: { status: "administrator", user: BOT_INFO, can_post_messages: !canPost, can_be_edited: false },
      new_chat_member: { status: "administrator", user: BOT_INFO, can_post_messages: canPost, can_be_edited: false },
    },
  } as never;
}

describe.each(TEST_PROVIDERS)("editors' languages on %s", (provider) => {
  const editors = useEditorHarness(provider);
  const say = (text: string, from: { id: number; first_name?: string; language_code?: string }) => editors.harness.say(text, from);
  const lastText = () => editors.harness.sent().at(-1);

  it("answers a Russian editor in Russian and an English editor in English, command by command", async () => {
    await say("/pause", RU_EDITOR);
    expect(lastText()).toBe(
      "Автоматическая публикация приостановлена. Посты редакторов по-прежнему выходят: /postnow &lt;номер&gt; отправит пост сразу. /resume включит её снова.",
    );
    await say("/pause", EN_EDITOR);
    expect(lastText()).toBe("Automatic posting is already paused. /resume turns it back on.");

    await say("/feeds", RU_EDITOR);
    expect(lastText()).toBe(
      "Лент пока нет: добавьте ленту командой /addfeed &lt;ссылка на ленту&gt; [тема] [priority 1-5] [review] [force], например /addfeed https://example.com/rss.xml asia priority 4 review",
    );

    const postId = await queueEditorPost(editors.harness.app, "Ferry line opens", null);
    await say(`/reschedule ${postId}`, RU_EDITOR);
    expect(lastText()).toMatch(new RegExp(`^Когда отправить пост №${postId}\\? Используйте /reschedule &lt;номер&gt; &lt;когда&gt;`));
    await say(`/cancel ${postId}`, RU_EDITOR);
    expect(lastText()).toBe(`Пост №${postId} отменён: он не будет опубликован.`);
    await say(`/cancel ${postId}`, EN_EDITOR);
    expect(lastText()).toBe(`Post #${postId} is not waiting to be sent (it is cancelled); nothing changed.`);
    await say(`/cancel ${postId}`, RU_EDITOR);
    expect(lastText()).toBe(`Пост №${postId} не ждёт отправки (его состояние: «отменён»); ничего не изменилось.`);
    // Ids keep their digits together, in either language (Fluent would group them: "12 345").
    await say("/cancel 12345", RU_EDITOR);
    expect(lastText()).toBe("Поста №12345 нет.");
    await say("/cancel 12345", EN_EDITOR);
    expect(lastText()).toBe("There is no post #12345.");

    await say("/kill", RU_EDITOR);
    expect(lastText()).toBe("Какую новость? Используйте /kill &lt;номер поста&gt; или /kill &lt;ссылка&gt;, например /kill 12");
    await say("/log", RU_EDITOR);
    expect(lastText()).toMatch(/^<b>Последние действия редакторов: \d+<\/b>\n/);

    await say("/status", RU_EDITOR);
    const status = lastText()!.split("\n");
    expect(status[0]).toMatch(/^Состояние Newsdesk на пн 30 ноября \d\d:\d\d \(Europe\/London\)$/);
    expect(status).toContain("Публикация: автоматические посты приостановлены (Ann) с пн 30 ноября 10:00; посты редакторов по-прежнему выходят");
    await say("/status", EN_EDITOR);
    expect(lastText()!.split("\n")[0]).toMatch(/^Newsdesk status at Mon 30 Nov \d\d:\d\d \(Europe\/London\)$/);

    await say("/help", RU_EDITOR);
    const help = lastText()!;
    expect(help.split("\n")[0]).toBe("Команды редакторов в этом чате:");
    expect(help).toContain("/log — Последние 20 действий редакторов");
  });

  it("writes /log, /topics, a card button's answer and a time's error in the editor's language", async () => {
    const postId = await queueEditorPost(editors.harness.app, "Ferry line opens", null);
    await say(`/reschedule ${postId} whenever`, RU_EDITOR);
    expect(lastText()).toContain("Не понимаю «whenever» как время. Попробуйте now, ");
    await say(`/cancel ${postId}`, RU_EDITOR);

    await say("/log", RU_EDITOR);
    expect(lastText()).toContain(` · Ann: №${postId} отменён`);
    await say("/log", EN_EDITOR);
    expect(lastText()).toContain(` · Ann cancelled #${postId}`);

    await say("/topics", RU_EDITOR);
    expect(lastText()).toBe("Тем пока нет: они приходят из лент, или добавьте тему командой /topics add &lt;название&gt;.");
    await say("/topics add Азия", RU_EDITOR);
    expect(lastText()).toMatch(/^Создана тема \S+ \(Азия\)\.$/);
    await say("/topics", RU_EDITOR);
    expect(lastText()).toMatch(/^<b>Темы<\/b>\n\S+ \(Азия\): тема редакции, 0 статей, 0 подписчиков$/);

    await editors.harness.press(`ed:rskip:${postId}`, RU_EDITOR);
    await editors.harness.press(`ed:rskip:${postId}`, EN_EDITOR);
    expect(editors.telegram.callsTo("answerCallbackQuery").map((c) => c.payload.text)).toEqual([
      `Пост №${postId} не ждёт решения (сейчас он отменён).`,
      `Post #${postId} is not waiting for a decision (it is cancelled).`,
    ]);
  });

  it("says in the editor's language why a link was refused or could not be fetched", async () => {
    const gone = "https://gone.example.com/rss.xml";
    server.use(
      http.get(gone, () => new HttpResponse("gone", { status: 404, statusText: "Not Found" })),
      http.get("https://news.example.com/missing", () => new HttpResponse("gone", { status: 404 })),
      http.get("https://news.example.com/empty.xml", () => new HttpResponse("", { headers: { "content-type": "application/xml" } })),
      http.get(
        "https://harbour.example.com/rss.xml",
        () =>
          new HttpResponse('<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour News</title><item><title>Ferry</title><link>https://harbour.example.com/ferry</link></item></channel></rss>', {
            headers: { "content-type": "application/rss+xml" },
          }),
      ),
    );
    await say(`/addfeed ${gone}`, RU_EDITOR);
    expect(lastText()).toBe(
      `Не удаётся добавить ${gone}: по адресу ${gone} сервер ответил ошибкой 404 Not Found. Ничего не добавлено. Проверьте ссылку или добавьте ленту всё равно: /addfeed &lt;ссылка&gt; [тема] force.`,
    );
    await say(`/addfeed ${gone}`, EN_EDITOR);
    expect(lastText()).toBe(
      `Cannot add ${gone}: ${gone} answered 404 Not Found. Nothing was added. Check the link, or add it anyway with /addfeed &lt;link&gt; [topic] force.`,
    );
    await say("/addfeed http://127.0.0.1:8080/rss.xml", RU_EDITOR);
    expect(lastText()).toBe(
      "Не удаётся добавить http://127.0.0.1:8080/rss.xml: http://127.0.0.1:8080/rss.xml — адрес во внутренней или локальной сети; чтобы разрешить такие адреса, задайте ALLOW_PRIVATE_URLS. " +
        "Ничего не добавлено. Проверьте ссылку или добавьте ленту всё равно: /addfeed &lt;ссылка&gt; [тема] force.",
    );
    await say("/addfeed ftp://news.example.com/rss.xml", RU_EDITOR);
    expect(lastText()).toBe("«ftp://news.example.com/rss.xml» — не веб-адрес: поддерживаются только ленты http:// и https://, а не ftp://. Ничего не добавлено.");
    await say("/addfeed https://editor:secret@news.example.com/rss.xml", RU_EDITOR);
    expect(lastText()).toBe(
      "В адресе «https://editor:secret@news.example.com/rss.xml» есть имя пользователя или пароль; ленты с учётными данными не поддерживаются. Ничего не добавлено.",
    );
    await say("/addfeed https://news.example.com/rss.xml priority nine", RU_EDITOR);
    expect(lastText()).toBe(
      "Приоритет — целое число от 1 (наименьший) до 5 (наибольший), по умолчанию 3; «nine» не подходит. Ничего не добавлено. Например: /addfeed https://example.com/rss.xml priority 4",
    );
    await say("/addfeed https://news.example.com/empty.xml force", RU_EDITOR);
    expect(lastText()).toBe(
      "Лента №1 https://news.example.com/empty.xml добавлена, как вы просили, несмотря на проверку: документ пуст. Как проходят загрузки, видно в /feeds.",
    );
    await say("/addfeed https://harbour.example.com/rss.xml", RU_EDITOR);
    expect(lastText()).toBe("Лента №2 https://harbour.example.com/rss.xml добавлена: «Harbour News», 1 запись. Она будет загружена при следующем опросе.");
    await say("/queue https://news.example.com/missing", RU_EDITOR);
    expect(lastText()).toBe(
      "Не удалось загрузить страницу: по адресу https://news.example.com/missing сервер ответил ошибкой 404 Not Found. Ничего не поставлено в очередь.",
    );
    await say("/queue https://news.example.com/missing", EN_EDITOR);
    expect(lastText()).toBe("I could not fetch that page: https://news.example.com/missing answered 404 Not Found. Nothing was queued.");
  });

  it("speaks Russian on the buttons a Russian editor gets", async () => {
    const postId = await queueEditorPost(editors.harness.app, "Harbour reopens", null);
    await say("/scheduled", RU_EDITOR);
    expect(editors.harness.last().reply_markup).toEqual({
      inline_keyboard: [
        [
          { text: `Опубликовать №${postId} сейчас`, callback_data: `ed:now:${postId}` },
          { text: `Отменить №${postId}`, callback_data: `ed:cancel:${postId}` },
        ],
      ],
    });
    expect(lastText()).toContain("<b>Ждут публикации</b>");
  });

  it("writes notices to the whole chat in ADMIN_LANGUAGE, whoever set them off", async () => {
    await editors.harness.app.stop();
    editors.harness = await startHarness(editors.database, editors.telegram, { env: { ADMIN_LANGUAGE: "ru" } });
    await editors.harness.app.bot.handleUpdate(channelRights(false));
    await editors.harness.app.bot.handleUpdate(channelRights(true));
    expect(editors.harness.sent()).toEqual([
      `⛔ Я больше не могу публиковать в канале: бот — администратор канала ${CHANNEL_ID}, но не может публиковать: дайте ему право «Публикация сообщений». Публикация приостановлена, пока мои права не вернутся.`,
      "✅ Я снова могу публиковать в канале. Публикация возобновлена.",
    ]);
    // The stored reason is a code: each editor reads it in their language, in /status and /log.
    await editors.harness.app.bot.handleUpdate(channelRights(false));
    await say("/status", RU_EDITOR);
    expect(lastText()!.split("\n")).toContain(
      `Канал: бот не может публиковать: бот — администратор канала ${CHANNEL_ID}, но не может публиковать: дайте ему право «Публикация сообщений»`,
    );
    await say("/status", EN_EDITOR);
    expect(lastText()!.split("\n")).toContain(
      `Channel: the bot may not post: the bot is an administrator of the channel ${CHANNEL_ID} but may not post: give it the &quot;Post messages&quot; right`,
    );
    await say("/log", RU_EDITOR);
    expect(lastText()).toContain(
      `Публикация приостановлена: бот больше не может публиковать в канале (бот — администратор канала ${CHANNEL_ID}, но не может публиковать: дайте ему право «Публикация сообщений»)`,
    );
    await editors.harness.app.bot.handleUpdate(channelRights(true));
    // A reply still follows the editor who asked.
    await say("/resume", EN_EDITOR);
    expect(lastText()).toBe("Automatic posting is not paused; nothing changed.");
  });

  it("registers the editors' menu for the admin chat in English, and in Russian for Russian apps", async () => {
    await registerCommands(editors.harness.app.bot, ADMIN_CHAT_ID, createTranslations().translator);
    const editorMenus = editors.telegram.callsTo("setMyCommands").filter((c) => (c.payload.scope as { type: string }).type === "chat");
    expect(editorMenus.map((c) => ({ scope: c.payload.scope, language_code: c.payload.language_code, first: (c.payload.commands as unknown[])[0] }))).toEqual([
      {
        scope: { type: "chat", chat_id: ADMIN_CHAT_ID },
        language_code: undefined,
        first: { command: "queue", description: "Queue a story by link: /queue <link> [when]; /queue alone shows the queue" },
      },
      {
        scope: { type: "chat", chat_id: ADMIN_CHAT_ID },
        language_code: "ru",
        first: { command: "queue", description: "Поставить новость в очередь по ссылке: /queue <ссылка> [когда]; /queue без ссылки покажет очередь" },
      },
    ]);
    expect(editorMenus.map((c) => (c.payload.commands as { command: string }[]).length)).toEqual([21, 21]);
  });
});
