/**
 * A reader whose Telegram speaks Russian is answered in Russian everywhere, until they
 * pick English with /language; the command menu is registered in both languages.
 */
import { describe, expect, it } from "vitest";

import { registerCommands } from "../../../src/app/create-app.js";
import { editorCommands } from "../../../src/bot/editor-commands.js";
import { createTranslations } from "../../../src/i18n/create-i18n.js";
import { ADMIN_CHAT_ID } from "../../support/config.js";
import { TEST_PROVIDERS } from "../../support/database.js";
import { privateMessage } from "../../support/telegram.js";
import { buttonTap, buttons, createTopics, storeArticle, useReaderApp } from "./reader-harness.js";

const OLGA = { id: 77, first_name: "Ольга", language_code: "ru" };

const RU_COMMANDS = [
  { command: "start", description: "Приветствие и регистрация" },
  { command: "topics", description: "Выбрать темы, за которыми вы следите" },
  { command: "subscribe", description: "Подписаться на тему: /subscribe asia" },
  { command: "unsubscribe", description: "Отписаться от темы или от всех: /unsubscribe all" },
  { command: "latest", description: "Свежие новости, можно по одной теме" },
  { command: "popular", description: "Самое читаемое за сегодня или за неделю" },
  { command: "search", description: "Найти новости: /search выборы" },
  { command: "settings", description: "Мгновенные уведомления, ежедневная сводка или ничего" },
  { command: "stop", description: "Отписаться от всего и забыть меня" },
  { command: "language", description: "Говорить со мной по-русски или по-английски" },
  { command: "help", description: "Что я умею" },
];
const EN_COMMANDS = [
  { command: "start", description: "Welcome and register" },
  { command: "topics", description: "Choose the topics you follow" },
  { command: "subscribe", description: "Follow a topic: /subscribe asia" },
  { command: "unsubscribe", description: "Unfollow a topic, or all: /unsubscribe all" },
  { command: "latest", description: "The latest stories, optionally for one topic" },
  { command: "popular", description: "The most-read stories, today or this week" },
  { command: "search", description: "Find stories: /search election" },
  { command: "settings", description: "Instant alerts, a daily digest, or none" },
  { command: "stop", description: "Unfollow everything and forget me" },
  { command: "language", description: "Speak English or Russian with me" },
  { command: "help", description: "What I can do" },
];

const RU_HELP = [
  "Вот что я умею:",
  "",
  ...RU_COMMANDS.map((c) => `/${c.command} — ${c.description}`),
  "",
  "В любом чате наберите @newsdesk_test_bot и несколько слов, чтобы поделиться новостью.",
  "Или просто пришлите мне несколько слов — я поищу их в новостях.",
].join("\n");

describe.each(TEST_PROVIDERS)("a reader who speaks Russian (%s)", (provider) => {
  const readers = useReaderApp(provider);
  const say = (text: string, from: { id: number; first_name: string; language_code?: string } = OLGA) =>
    readers.app.bot.handleUpdate(privateMessage(text, from));
  const lastReply = () => readers.telegram.callsTo("sendMessage").at(-1)!.payload;

  it("gets /start naming the channel, /help, /latest, /topics and searches in Russian", async () => {
    await say("/start");
    expect(lastReply().text).toBe(`Добро пожаловать в Newsdesk! Я присылаю новости канала «Newsdesk Daily»: https://t.me/newsdesk_daily\n\n${RU_HELP}`);
    await say("/help");
    expect(lastReply().text).toBe(RU_HELP);
    await say("/latest");
    expect(lastReply().text).toBe("Новостей пока нет. Загляните позже.");
    await say("/latest atlantis");
    expect(lastReply().text).toBe("Я не знаю темы «atlantis». Тем пока нет.");

    const [asia] = await createTopics(readers.app, "asia");
    await say("/topics");
    expect(lastReply().text).toBe("Нажмите на тему, чтобы подписаться или отписаться. ✅ — темы, за которыми вы следите.");
    await readers.app.bot.handleUpdate(buttonTap(`topic:${asia!.id}`, OLGA));
    expect(readers.telegram.callsTo("answerCallbackQuery").at(-1)!.payload).toMatchObject({ text: "✅ Вы следите: Asia" });

    await storeArticle(readers.app, { url: "https://news.example.com/a", headline: "Выборы в парламент", sortAt: new Date("2026-11-28T11:00:00Z") });
    await say("/latest");
    expect(lastReply().text).toBe('<b>Свежие новости</b>\n• <a href="https://news.example.com/a">Выборы в парламент</a>');
    await say("выборы");
    expect(lastReply().text).toBe('<b>Новости по запросу «выборы»</b>\n• <a href="https://news.example.com/a">Выборы в парламент</a>');
    await say("/search и в");
    expect(lastReply().text).toBe(
      '«и в» есть почти в каждой новости. Добавьте слово поточнее, например: /search выборы; слова в кавычках ищутся вместе: /search "климатическое соглашение"',
    );
  });

  it("gets /settings and /stop with Russian buttons", async () => {
    await say("/settings");
    expect(lastReply().text).toBe(
      "🔔 Уведомления: сразу — сообщение о каждом новом материале в ваших темах.\nВы пока не следите ни за одной темой: выберите их в /topics.\n\nНажмите на режим, чтобы сменить его.",
    );
    expect(buttons(lastReply())).toEqual([
      [
        ["✅ Сразу", "alerts:instant"],
        ["Сводка раз в день", "alerts:digest"],
        ["Выключены", "alerts:off"],
      ],
    ]);
    await say("/stop");
    expect(buttons(lastReply())).toEqual([
      [
        ["Да, забудьте меня", "stop:confirm"],
        ["Отмена", "stop:cancel"],
      ],
    ]);
  });

  it("switches to English with /language, and back", async () => {
    await say("/language");
    await readers.app.bot.handleUpdate(buttonTap("lang:en", OLGA));
    await say("/latest");
    expect(lastReply().text).toBe("No stories yet. Check back soon.");
    await readers.app.bot.handleUpdate(buttonTap("lang:ru", OLGA));
    expect(readers.telegram.callsTo("editMessageText").at(-1)!.payload.text).toBe("Теперь я говорю с вами по-русски.");
    await say("/latest");
    expect(lastReply().text).toBe("Новостей пока нет. Загляните позже.");
  });

  it("registers the readers' menu in English by default and in Russian for Russian apps, and the editors' menu in the admin chat", async () => {
    await registerCommands(readers.app.bot, ADMIN_CHAT_ID, createTranslations().translator);
    expect(readers.telegram.callsTo("setMyCommands").map((c) => c.payload)).toEqual([
      { commands: EN_COMMANDS, scope: { type: "all_private_chats" } },
      { commands: RU_COMMANDS, scope: { type: "all_private_chats" }, language_code: "ru" },
      { commands: editorCommands(createTranslations().translator("en")), scope: { type: "chat", chat_id: ADMIN_CHAT_ID } },
      { commands: editorCommands(createTranslations().translator("ru")), scope: { type: "chat", chat_id: ADMIN_CHAT_ID }, language_code: "ru" },
    ]);
  });
});
