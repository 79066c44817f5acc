import { describe, expect, it } from "vitest";

import { TEST_PROVIDERS } from "../../support/database.js";
import { privateMessage } from "../../support/telegram.js";
import { inlineQuery, OTHER_READER, READER, storeArticle, useReaderApp } from "./reader-harness.js";

const MINUTE = 60_000;
const THROTTLED = "You are searching a little fast. Please wait a few seconds and try again.";

describe.each(TEST_PROVIDERS)("/search and inline mode (%s)", (provider) => {
  const readers = useReaderApp(provider);

  const ago = (ms: number) => new Date(readers.clock.now().getTime() - ms);
  const say = (text: string, from: { id: number; first_name: string } = READER) => readers.app.bot.handleUpdate(privateMessage(text, from));
  const lastReply = () => readers.telegram.callsTo("sendMessage").at(-1)!.payload;
  const story = (slug: string, headline: string, minutesAgo: number, summary = "") =>
    storeArticle(readers.app, { url: `https://news.example.com/${slug}`, headline, summary, sortAt: ago(minutesAgo * MINUTE) });
  const line = (slug: string, headline: string) => `• <a href="https://news.example.com/${slug}">${headline}</a>`;

  it("finds words in headlines and summaries, ignoring case, newest first, as links", async () => {
    await story("vote", "ELECTION day arrives", 30);
    await story("polls", "Polls open early", 10, "Voters queue for the election in the rain.");
    await story("count", "Counting goes on", 20, "Officials say the Election count is slow.");
    await story("weather", "Rain all week", 5, "Umbrellas out.");

    await say("/search election");
    expect(lastReply()).toMatchObject({
      chat_id: READER.id,
      parse_mode: "HTML",
      link_preview_options: { is_disabled: true },
      text: [
        "<b>Stories matching “election”</b>",
        line("polls", "Polls open early"),
        line("count", "Counting goes on"),
        line("vote", "ELECTION day arrives"),
      ].join("\n"),
    });

    await say("/search   RAIN   election ");
    expect(lastReply().text).toBe(["<b>Stories matching “RAIN election”</b>", line("polls", "Polls open early")].join("\n"));
  });

  it("shows at most ten results", async () => {
    for (let i = 1; i <= 12; i++) await story(`s${i}`, `Storm update ${i}`, 100 - i);
    await say("/search storm");
    const lines = String(lastReply().text).split("\n");
    expect(lines).toHaveLength(11);
    expect(lines[1]).toBe(line("s12", "Storm update 12"));
    expect(lines[10]).toBe(line("s3", "Storm update 3"));
  });

  it("treats % and _ typed by a reader as plain characters, not wildcards", async () => {
    await story("fifty", "Prices up 50% in a year", 1);
    await story("five-hundred", "Index gains 500 points", 2);
    await story("snake", "Why snake_case won", 3);
    await story("snakes", "Snakes in the case file", 4);
    await story("slash", "Back\\slash escapes explained", 5);

    await say("/search 50%");
    expect(lastReply().text).toBe(["<b>Stories matching “50%”</b>", line("fifty", "Prices up 50% in a year")].join("\n"));
    await say("/search snake_case");
    expect(lastReply().text).toBe(["<b>Stories matching “snake_case”</b>", line("snake", "Why snake_case won")].join("\n"));
    await say("/search %");
    expect(lastReply().text).toBe(["<b>Stories matching “%”</b>", line("fifty", "Prices up 50% in a year")].join("\n"));
    await say("/search \\s");
    expect(lastReply().text).toBe(["<b>Stories matching “\\s”</b>", line("slash", "Back\\slash escapes explained")].join("\n"));
    await say("/search _");
    expect(lastReply().text).toBe(["<b>Stories matching “_”</b>", line("snake", "Why snake_case won")].join("\n"));
  });

  it("escapes headlines and the query in the HTML answer", async () => {
    await story("rd", "R&D spending <record>", 1);
    await say("/search R&D");
    expect(lastReply().text).toBe(["<b>Stories matching “R&amp;D”</b>", line("rd", "R&amp;D spending &lt;record&gt;")].join("\n"));
  });

  it("says when nothing matches, and how to search when no words are given", async () => {
    await story("vote", "Election day", 1);
    await say("/search <b>zebra</b>");
    expect(lastReply()).toMatchObject({ text: "Nothing found for “<b>zebra</b>”." });
    expect(lastReply().parse_mode).toBeUndefined();
    await say("/search   ");
    expect(lastReply().text).toBe("Send /search followed by some words, for example: /search election");
  });

  it("throttles searches per reader (five per ten seconds, shared with inline mode), politely", async () => {
    await story("vote", "Election day", 1);
    for (let i = 0; i < 5; i++) await say("/search election");
    expect(readers.telegram.callsTo("sendMessage").map((c) => c.payload.text)).toEqual(Array(5).fill(`<b>Stories matching “election”</b>\n${line("vote", "Election day")}`));

    await say("/search election");
    expect(lastReply().text).toBe(THROTTLED);
    await readers.app.bot.handleUpdate(inlineQuery("election"));
    expect(readers.telegram.callsTo("answerInlineQuery").at(-1)!.payload).toMatchObject({ results: [], cache_time: 0, is_personal: false });

    // Another reader is not held back by the first one.
    await say("/search election", OTHER_READER);
    expect(lastReply().text).toBe(`<b>Stories matching “election”</b>\n${line("vote", "Election day")}`);

    readers.clock.advance(2_000);
    await say("/search election");
    expect(lastReply().text).toBe(`<b>Stories matching “election”</b>\n${line("vote", "Election day")}`);
    await say("/search election");
    expect(lastReply().text).toBe(THROTTLED);

    readers.clock.advance(10_000);
    for (let i = 0; i < 5; i++) await readers.app.bot.handleUpdate(inlineQuery("election"));
    expect(readers.telegram.callsTo("answerInlineQuery").slice(-5).map((c) => (c.payload.results as unknown[]).length)).toEqual([1, 1, 1, 1, 1]);
    await say("/search election");
    expect(lastReply().text).toBe(THROTTLED);
  });

  it("inline mode answers matching articles as shareable results", async () => {
    await story("rd", "R&D spending <record>", 5, "Firms spent more on R&D than ever, says the <survey>.");
    await story("nosummary", "R&D tax credit ends", 1);
    await story("other", "Weather", 2, "Sunny.");

    await readers.app.bot.handleUpdate(inlineQuery("r&d"));
    const [answer] = readers.telegram.callsTo("answerInlineQuery");
    const rd = await readers.db.prisma.article.findUniqueOrThrow({ where: { url: "https://news.example.com/rd" } });
    const credit = await readers.db.prisma.article.findUniqueOrThrow({ where: { url: "https://news.example.com/nosummary" } });
    expect(answer!.payload).toEqual({
      inline_query_id: expect.any(String),
      cache_time: 10,
      is_personal: false,
      results: [
        {
          type: "article",
          id: `article-${credit.id}`,
          title: "R&D tax credit ends",
          input_message_content: {
            message_text: '<a href="https://news.example.com/nosummary">R&amp;D tax credit ends</a>',
            parse_mode: "HTML",
          },
        },
        {
          type: "article",
          id: `article-${rd.id}`,
          title: "R&D spending <record>",
          description: "Firms spent more on R&D than ever, says the <survey>.",
          input_message_content: {
            message_text:
              '<a href="https://news.example.com/rd">R&amp;D spending &lt;record&gt;</a>\n\nFirms spent more on R&amp;D than ever, says the &lt;survey&gt;.',
            parse_mode: "HTML",
          },
        },
      ],
    });
  });

  it("inline mode with an empty query offers the ten latest stories", async () => {
    for (let i = 1; i <= 12; i++) await story(`s${i}`, `Story ${i}`, 100 - i);
    await readers.app.bot.handleUpdate(inlineQuery(""));
    const results = readers.telegram.callsTo("answerInlineQuery")[0]!.payload.results as { title: string }[];
    expect(results.map((r) => r.title)).toEqual(["Story 12", "Story 11", "Story 10", "Story 9", "Story 8", "Story 7", "Story 6", "Story 5", "Story 4", "Story 3"]);
  });

  it("inline mode with no match answers an empty list", async () => {
    await story("vote", "Election day", 1);
    await readers.app.bot.handleUpdate(inlineQuery("zebra"));
    expect(readers.telegram.callsTo("answerInlineQuery")[0]!.payload).toMatchObject({ results: [], cache_time: 10, is_personal: false });
  });
});
