import { describe, expect, it } from "vitest";

import { parseStartPayload, topicDeepLink } from "../../src/readers/parse-start-payload.js";

describe("parseStartPayload", () => {
  it("reads a topic deep link, underscores or dashes, any case", () => {
    expect(parseStartPayload("topic_asia")).toEqual({ kind: "topic", slug: "asia", asTyped: "asia" });
    expect(parseStartPayload("topic_north_korea")).toEqual({ kind: "topic", slug: "north-korea", asTyped: "north_korea" });
    expect(parseStartPayload("TOPIC-North-Korea")).toEqual({ kind: "topic", slug: "north-korea", asTyped: "North-Korea" });
  });

  it("tells a plain /start from a payload it does not understand", () => {
    expect(parseStartPayload("  ")).toEqual({ kind: "none" });
    expect(parseStartPayload("ref_123")).toEqual({ kind: "unknown", payload: "ref_123" });
    expect(parseStartPayload("topic_")).toEqual({ kind: "unknown", payload: "topic_" });
    expect(parseStartPayload("topic_---")).toEqual({ kind: "unknown", payload: "topic_---" });
  });

  it("round-trips with the link editors share", () => {
    const link = topicDeepLink("newsdesk_bot", "north-korea");
    expect(link).toBe("https://t.me/newsdesk_bot?start=topic_north-korea");
    expect(parseStartPayload(new URL(link).searchParams.get("start")!)).toMatchObject({ kind: "topic", slug: "north-korea" });
  });
});
