/**
 * Readers are answered from memory (src/db/read-cache.ts), and never from memory that a change
 * made it out of date: a story stored, a headline corrected, a reaction counted or a topic renamed
 * after a reader asked shows in the very next answer.
 */
import { describe, expect, it } from "vitest";

import { TEST_PROVIDERS } from "../../support/database.js";
import { privateMessage } from "../../support/telegram.js";
import { buttons, createTopics, markPosted, OTHER_READER, reactionCount, READER, storeArticle, useReaderApp } from "./reader-harness.js";

const HOUR = 3_600_000;
const HARBOUR = { url: "https://news.example.com/harbour", headline: "Harbour reopens after storm" };
const FERRY = { url: "https://news.example.com/ferry", headline: "Harbour ferry timetable changes" };
const line = (story: { url: string; headline: string }) => `• <a href="${story.url}">${story.headline}</a>`;

describe.each(TEST_PROVIDERS)("answers that follow every change at once (%s)", (provider) => {
  const readers = useReaderApp(provider);
  const ago = (ms: number) => new Date(readers.clock.now().getTime() - ms);
  const ask = async (text: string, reader: { id: number; first_name: string } = READER) => {
    await readers.app.bot.handleUpdate(privateMessage(text, reader));
    return String(readers.telegram.callsTo("sendMessage").at(-1)!.payload.text);
  };

  it("a story stored after a reader's /latest is in the next /latest, /latest <topic> and /search", async () => {
    await storeArticle(readers.app, { ...HARBOUR, topics: ["islands"], sortAt: ago(2 * HOUR) });
    expect(await ask("/latest")).toBe(`<b>Latest stories</b>\n${line(HARBOUR)}`);
    expect(await ask("/latest islands")).toBe(`<b>Latest on islands</b>\n${line(HARBOUR)}`);
    expect(await ask("/search harbour")).toBe(`<b>Stories matching “harbour”</b>\n${line(HARBOUR)}`);

    await storeArticle(readers.app, { ...FERRY, topics: ["islands"], sortAt: ago(HOUR) });
    expect(await ask("/latest")).toBe(`<b>Latest stories</b>\n${line(FERRY)}\n${line(HARBOUR)}`);
    expect(await ask("/latest islands")).toBe(`<b>Latest on islands</b>\n${line(FERRY)}\n${line(HARBOUR)}`);
    expect(await ask("/search harbour")).toBe(`<b>Stories matching “harbour”</b>\n${line(FERRY)}\n${line(HARBOUR)}`);
  });

  it("a corrected headline is what the next /latest and /search show", async () => {
    const id = await storeArticle(readers.app, { ...HARBOUR, sortAt: ago(HOUR) });
    expect(await ask("/latest")).toBe(`<b>Latest stories</b>\n${line(HARBOUR)}`);
    expect(await ask("/search storm")).toBe(`<b>Stories matching “storm”</b>\n${line(HARBOUR)}`);

    await readers.app.services.articles.update(id, { headline: "Harbour reopens after the storm" });
    const corrected = { ...HARBOUR, headline: "Harbour reopens after the storm" };
    expect(await ask("/latest")).toBe(`<b>Latest stories</b>\n${line(corrected)}`);
    expect(await ask("/search storm")).toBe(`<b>Stories matching “storm”</b>\n${line(corrected)}`);
  });

  it("a reaction counted after a reader's /popular changes the next ranking", async () => {
    const harbour = await storeArticle(readers.app, { ...HARBOUR, sortAt: ago(2 * HOUR) });
    const ferry = await storeArticle(readers.app, { ...FERRY, sortAt: ago(2 * HOUR) });
    await markPosted(readers.app, harbour, 11, ago(HOUR));
    await markPosted(readers.app, ferry, 12, ago(HOUR));
    await readers.app.bot.handleUpdate(reactionCount(11, { "👍": 2 }));
    expect((await ask("/popular")).split("\n").slice(0, 2)).toEqual(["<b>Most read today</b>", `${line(HARBOUR)} — 2 reactions`]);

    await readers.app.bot.handleUpdate(reactionCount(12, { "👍": 9 }));
    expect((await ask("/popular")).split("\n").slice(0, 3)).toEqual([
      "<b>Most read today</b>",
      `${line(FERRY)} — 9 reactions`,
      `${line(HARBOUR)} — 2 reactions`,
    ]);
  });

  it("after a topic is renamed, /topics shows the new name and /latest knows only the new one", async () => {
    await createTopics(readers.app, "islands");
    await storeArticle(readers.app, { ...HARBOUR, topics: ["islands"], sortAt: ago(HOUR) });
    await ask("/topics");
    const [islands] = await readers.db.prisma.topic.findMany({ select: { id: true } });
    expect(buttons(readers.telegram.callsTo("sendMessage").at(-1)!.payload)).toEqual([[["Islands", `topic:${islands!.id}`]]]);
    expect(await ask("/latest islands")).toBe(`<b>Latest on islands</b>\n${line(HARBOUR)}`);

    await readers.app.services.topics.rename("islands", { slug: "coast", name: "Coast" });
    await ask("/topics", OTHER_READER);
    expect(buttons(readers.telegram.callsTo("sendMessage").at(-1)!.payload)).toEqual([[["Coast", `topic:${islands!.id}`]]]);
    expect(await ask("/latest coast")).toBe(`<b>Latest on coast</b>\n${line(HARBOUR)}`);
    expect(await ask("/latest islands")).toBe("I don't know the topic “islands”. Topics: coast");
  });
});
