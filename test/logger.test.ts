/**
 * What the operator reads: one readable line per entry at a terminal (LOG_FORMAT=pretty),
 * one JSON object per line otherwise, and never a secret in either.
 */
import { describe, expect, it } from "vitest";

import { createLogger } from "../src/logger.js";

const TOKEN = "123456789:AAsecret_token_value_0001";

function capture(format: "pretty" | "json") {
  const written: string[] = [];
  const logger = createLogger({ level: "info", format, secrets: [TOKEN], destination: { write: (text: string) => void written.push(text) } });
  // Each write is one entry; the time is the clock's, so it is replaced for comparison.
  const lines = () => written.map((text) => text.replace(/^\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}\]/, "[time]"));
  return { logger, written, lines };
}

describe("pretty logs", () => {
  it("are one line per entry with time, level, message and the context fields", () => {
    const { logger, lines } = capture("pretty");
    const feedLog = logger.child({ job: "ingest" }).child({ feedId: 3, feedUrl: "https://news.example.com/rss.xml" });
    feedLog.warn({ reason: "https://news.example.com/rss.xml answered 404 Not Found" }, "feed failed");
    logger.info({ feeds: 2, failed: 0, stored: 5 }, "ingest finished");
    logger.info("long polling started");
    expect(lines()).toEqual([
      '[time] WARN: feed failed {"job":"ingest","feedId":3,"feedUrl":"https://news.example.com/rss.xml","reason":"https://news.example.com/rss.xml answered 404 Not Found"}\n',
      '[time] INFO: ingest finished {"feeds":2,"failed":0,"stored":5}\n',
      "[time] INFO: long polling started\n",
    ]);
  });

  it("mask secrets in the message, the fields and an error's stack", () => {
    const { logger, written } = capture("pretty");
    logger.warn({ url: `https://api.telegram.org/bot${TOKEN}/sendMessage` }, `calling bot${TOKEN}`);
    logger.error({ err: new Error(`request to https://api.telegram.org/bot${TOKEN}/getMe failed`) }, "cannot reach Telegram");
    const output = written.join("");
    expect(output).not.toContain(TOKEN);
    expect(written[0]).toContain('calling bot[secret] {"url":"https://api.telegram.org/bot[secret]/sendMessage"}');
    // A bug keeps its stack, on the lines after its entry.
    expect(written[1]).toContain("request to https://api.telegram.org/bot[secret]/getMe failed");
    expect(written[1]).toMatch(/"stack":\s+Error: request to/);
  });
});

describe("JSON logs", () => {
  it("are one object per line, with secrets masked", () => {
    const { logger, written } = capture("json");
    logger.info({ feedId: 3 }, `token ${TOKEN} in a message`);
    expect(written).toHaveLength(1);
    expect(JSON.parse(written[0]!)).toMatchObject({ level: 30, msg: "token [secret] in a message", feedId: 3 });
  });
});
