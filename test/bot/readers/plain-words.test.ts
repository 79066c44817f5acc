/**
 * Plain words: every private message gets an answer (an unknown command a short help,
 * plain words a search), /search understands quotes and words that match everything and
 * lists a story once, and /start names the channel it serves.
 */
import { describe, expect, it } from "vitest";

import { ADMIN_CHAT_ID } from "../../support/config.js";
import { TEST_PROVIDERS } from "../../support/database.js";
import { groupMessage, privateMessage } from "../../support/telegram.js";
import { READER, storeArticle, useReaderApp } from "./reader-harness.js";

const MINUTE = 60_000;
const UNKNOWN =
  "I don't know /weather. Try /latest for the newest stories, /topics to follow topics, or just send some words to search. /help lists everything I can do.";
const TOO_COMMON =
  '“the” is in nearly every story. Add a word that says what you are looking for, for example: /search election; put words in quotes to find them together: /search "climate deal"';

describe.each(TEST_PROVIDERS)("readers' plain words (%s)", (provider) => {
  const readers = useReaderApp(provider);

  const ago = (ms: number) => new Date(readers.clock.now().getTime() - ms);
  const say = (text: string, from: { id: number; first_name: string; language_code?: string } = READER) =>
    readers.app.bot.handleUpdate(privateMessage(text, from));
  const sent = () => readers.telegram.callsTo("sendMessage");
  const lastReply = () => sent().at(-1)!.payload;
  const story = (slug: string, headline: string, minutesAgo: number, summary = "") =>
    storeArticle(readers.app, { url: `https://news.example.com/${slug}`, headline, summary, sortAt: ago(minutesAgo * MINUTE) });
  const line = (slug: string, headline: string) => `• <a href="https://news.example.com/${slug}">${headline}</a>`;

  it("answers an unknown command with a short help, in the reader's language", async () => {
    await say("/weather tomorrow");
    expect(lastReply()).toMatchObject({ chat_id: READER.id, text: UNKNOWN });
    await say("/weather@newsdesk_test_bot");
    expect(lastReply().text).toBe(UNKNOWN);
    await say("/weather", { id: 77, first_name: "Ольга", language_code: "ru" });
    expect(lastReply().text).toBe(
      "Я не знаю команды /weather. Попробуйте /latest — свежие новости, /topics — темы для подписки, или просто пришлите несколько слов для поиска. Все команды — в /help.",
    );
  });

  it("takes plain words in a private chat as a search, and nothing in the admin chat", async () => {
    await story("vote", "Election day arrives", 30);
    await say("election");
    expect(lastReply()).toMatchObject({
      chat_id: READER.id,
      parse_mode: "HTML",
      link_preview_options: { is_disabled: true },
      text: ["<b>Stories matching “election”</b>", line("vote", "Election day arrives")].join("\n"),
    });
    await say("zebra");
    expect(lastReply().text).toBe("Nothing found for “zebra”.");

    const before = sent().length;
    await readers.app.bot.handleUpdate(groupMessage("election", ADMIN_CHAT_ID, { id: 500 }));
    // A story a reader shared with "@bot words" in this very chat is not a question either.
    const shared = privateMessage("Election day arrives");
    await readers.app.bot.handleUpdate({ ...shared, message: { ...shared.message, via_bot: { id: 123456789, is_bot: true, first_name: "Newsdesk" } } });
    expect(sent()).toHaveLength(before);
  });

  it("/search: quotes make a phrase, words that match everything ask for more, and a story told twice is listed once", async () => {
    await story("deal", "Climate deal reached in Geneva after long night of talks", 10);
    await story("other", "Deal on climate finance postponed", 20);
    await story("copy", "Climate deal reached in Geneva after long night of talks", 30);

    await say('/search "climate deal"');
    // Telegram shows &quot; as a straight quote: “"climate deal"”.
    expect(lastReply().text).toBe(["<b>Stories matching “&quot;climate deal&quot;”</b>", line("deal", "Climate deal reached in Geneva after long night of talks")].join("\n"));

    await say("/search climate deal");
    expect(lastReply().text).toBe(
      [
        "<b>Stories matching “climate deal”</b>",
        line("deal", "Climate deal reached in Geneva after long night of talks"),
        line("other", "Deal on climate finance postponed"),
      ].join("\n"),
    );

    await say("/search the");
    expect(lastReply().text).toBe(TOO_COMMON);
    await say("the");
    expect(lastReply().text).toBe(TOO_COMMON);
    await say("/search the climate");
    expect(lastReply().text).toMatch(/^<b>Stories matching “climate”<\/b>/);
  });

  it("/start names the channel and links to its invite when it has no public name, asking Telegram once", async () => {
    readers.telegram.answer("getChat", (payload) => ({
      result: { id: payload.chat_id, type: "channel", title: "Closed & Co", invite_link: "https://t.me/+AbCdEf" },
    }));
    await say("/start");
    await say("/start");
    expect(lastReply().text).toMatch(/^Welcome to Newsdesk! I bring you the stories of the channel “Closed & Co”: https:\/\/t\.me\/\+AbCdEf\n\n/);
    expect(readers.telegram.callsTo("getChat")).toHaveLength(1);
  });
});
