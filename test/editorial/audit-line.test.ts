/** /log: every audit action an editor or operator can take reads as one sentence. */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

import { describe, expect, it } from "vitest";

import { AUDIT_ACTIONS, auditLine, auditSentence, type AuditLineEntry } from "../../src/editorial/audit-line.js";
import { createFluentTranslator } from "../../src/i18n/fluent-translator.js";

const t = createFluentTranslator("en");
const ru = createFluentTranslator("ru");

const LONDON = "Europe/London";
const NOW = new Date("2026-12-06T20:00:00Z");

function entry(action: string, subject: string | null, change: { before?: unknown; after?: unknown } = {}): AuditLineEntry {
  return {
    actorId: 7001n,
    actorName: "Eda",
    action,
    subject,
    before: change.before === undefined ? null : JSON.stringify(change.before),
    after: change.after === undefined ? null : JSON.stringify(change.after),
    createdAt: new Date("2026-12-06T18:31:00Z"),
  };
}

const say = (e: AuditLineEntry) => auditSentence(t, e, LONDON, NOW);

describe("audit sentences for posts", () => {
  it("reschedule names both times", () => {
    expect(say(entry("post.reschedule", "post #6", { before: { scheduledAt: "2026-12-06T19:55:00Z" }, after: { scheduledAt: "2026-12-06T18:30:00Z" } }))).toBe(
      "Eda rescheduled #6 from Sun 6 Dec 19:55 to Sun 6 Dec 18:30",
    );
    expect(say(entry("post.reschedule", "post #6", { before: { scheduledAt: null }, after: { scheduledAt: "2027-01-02T09:00:00Z" } }))).toBe(
      "Eda rescheduled #6 from the next free slot to Sat 2 Jan 2027 09:00",
    );
  });

  it("queue and compose name the headline and when it goes out", () => {
    expect(say(entry("post.queue", "post #2", { after: { url: "https://x.example/a", headline: "Ferry line", scheduledAt: null } }))).toBe(
      "Eda queued #2 “Ferry line” for the next free slot",
    );
    expect(say(entry("post.compose", "post #3", { after: { headline: "Bridge opens", summary: "…", url: "https://x.example/b", topics: [], scheduledAt: "2026-12-07T08:00:00Z" } }))).toBe(
      "Eda wrote #3 “Bridge opens” for Mon 7 Dec 08:00",
    );
  });

  it("post now, mark sent, cancel and delete", () => {
    expect(say(entry("post.post_now", "post #4", { before: { status: "queued", scheduledAt: null }, after: { status: "sent", messageId: 9 } }))).toBe(
      "Eda sent #4 to the channel at once",
    );
    expect(say(entry("post.mark_sent", "post #4", { before: { status: "uncertain" }, after: { status: "sent", messageId: null } }))).toBe(
      "Eda marked #4 as sent after checking the channel",
    );
    expect(say(entry("post.cancel", "post #5", { before: { status: "queued" }, after: { status: "cancelled" } }))).toBe("Eda cancelled #5");
    expect(say(entry("post.delete", "post #1", { before: { status: "sent", headline: "Old news", messageId: "12" }, after: { status: "deleted" } }))).toBe(
      "Eda deleted #1 “Old news” from the channel",
    );
  });

  it("edit quotes the old and new text, cut when long", () => {
    expect(say(entry("post.edit", "post #3", { before: { headline: "Old" }, after: { headline: "New" } }))).toBe("Eda changed the headline of #3 from “Old” to “New”");
    const long = "word ".repeat(40).trim();
    expect(say(entry("post.edit", "post #3", { before: { summary: "Short" }, after: { summary: long } }))).toMatch(/^Eda changed the summary of #3 from “Short” to “word word .{0,70}…”$/);
  });
});

describe("audit sentences for posting and the channel", () => {
  it("pause and resume", () => {
    expect(say(entry("posting.pause", null, { before: { paused: false }, after: { paused: true } }))).toBe("Eda paused posting");
    expect(say(entry("posting.resume", null, { before: { paused: true }, after: { paused: false } }))).toBe("Eda resumed posting");
  });

  it("the channel rights changing", () => {
    expect(say(entry("channel.rights_lost", null, { after: { problem: "the bot is not an administrator of the channel" } }))).toBe(
      "Posting paused: the bot may no longer post in the channel (the bot is not an administrator of the channel)",
    );
    expect(say(entry("channel.rights_back", null, { before: { problem: "x" } }))).toBe("Posting resumed: the bot may post in the channel again");
  });
});

describe("audit sentences for feeds", () => {
  it("add, remove, resume", () => {
    expect(say(entry("feed.add", "feed #3", { after: { url: "https://news.example/rss", defaultTopic: "asia" } }))).toBe("Eda added feed #3 https://news.example/rss with the topic asia");
    expect(say(entry("feed.add", "feed #4", { after: { url: "https://news.example/atom", defaultTopic: null } }))).toBe("Eda added feed #4 https://news.example/atom");
    expect(say(entry("feed.remove", "feed #3", { before: { url: "https://news.example/rss", defaultTopic: "asia" } }))).toBe("Eda removed feed #3 https://news.example/rss");
    expect(say(entry("feed.resume", "feed #3", { before: { pausedReason: "it answered 410 Gone", failures: 5 } }))).toBe("Eda resumed feed #3 (paused because it answered 410 Gone)");
    expect(say(entry("feed.resume", "feed #3", { before: { pausedReason: null, failures: 2 } }))).toBe("Eda resumed feed #3");
  });

  it("filters and imports", () => {
    expect(say(entry("feed.filter_add", "feed #3", { after: { include: "north korea" } }))).toBe("Eda added the include filter “north korea” to feed #3");
    expect(say(entry("feed.filter_remove", "feed #3", { before: { exclude: "sport" } }))).toBe("Eda removed the exclude filter “sport” from feed #3");
    expect(say(entry("feed.import", null, { after: { feeds: [4, 5] } }))).toBe("Eda imported 2 feeds (#4, #5)");
    expect(say(entry("feed.import", null, { after: { feeds: [9] } }))).toBe("Eda imported 1 feed (#9)");
  });
});

describe("audit sentences for topics", () => {
  it("create, adopt, rename, merge, remove, keyword", () => {
    expect(say(entry("topic.create", "topic asia", { after: { slug: "asia", name: "Asia" } }))).toBe("Eda created the topic Asia");
    expect(say(entry("topic.create", "topic asia", { after: { slug: "asia", name: "Asia", adopted: true } }))).toBe("Eda made the topic Asia an editors' topic");
    expect(say(entry("topic.rename", "topic asia", { before: { slug: "asia", name: "Asia" }, after: { slug: "east-asia", name: "East Asia" } }))).toBe(
      "Eda renamed the topic Asia to East Asia",
    );
    expect(say(entry("topic.merge", "topic korea", { before: { slug: "korea", name: "Korea" }, after: { into: "asia", articles: 3 } }))).toBe(
      "Eda merged the topic Korea into asia",
    );
    expect(say(entry("topic.remove", "topic asia", { before: { slug: "asia", name: "Asia", articles: 2, subscribers: 1 } }))).toBe("Eda removed the topic Asia");
    expect(say(entry("topic.keyword_add", "topic asia", { after: { phrase: "seoul" } }))).toBe("Eda gave the topic asia the keyword “seoul”");
  });
});

describe("any audit entry", () => {
  it("reads as who did what to what for an action this list does not know", () => {
    expect(say(entry("post.kill", "post #8"))).toBe("Eda did post kill on #8");
  });

  it("names an editor without a name by id, and the operator as recorded", () => {
    expect(say({ ...entry("posting.pause", null), actorName: null })).toBe("editor 7001 paused posting");
    expect(say({ ...entry("feed.remove", "feed #1", { before: { url: "https://a.example/rss" } }), actorId: 0n, actorName: "alice (CLI)" })).toBe(
      "alice (CLI) removed feed #1 https://a.example/rss",
    );
  });

  it("is one /log line with its time, escaped", () => {
    expect(auditLine(t, entry("post.edit", "post #3", { before: { headline: "<old>" }, after: { headline: "A & B" } }), LONDON, NOW)).toBe(
      "Sun 6 Dec 18:31 · Eda changed the headline of #3 from “&lt;old&gt;” to “A &amp; B”",
    );
  });
});

describe("audit sentences for review decisions, photos, corrections and kills", () => {
  it("each decision on a card reads as what the editor decided", () => {
    expect(say(entry("post.approve", "post #1", { before: { status: "review" }, after: { status: "queued" } }))).toBe("Eda approved #1 for the channel");
    expect(say(entry("post.breaking", "post #1", { before: { status: "review" }, after: { status: "queued", breaking: true } }))).toBe(
      "Eda sent #1 to the channel as breaking news",
    );
    expect(say(entry("post.scheduled", "post #1", { after: { status: "scheduled", scheduledAt: "2026-12-07T08:00:00Z" } }))).toBe("Eda scheduled #1 for Mon 7 Dec 08:00");
    expect(say(entry("post.skipped", "post #1", { after: { status: "skipped" } }))).toBe("Eda skipped #1");
    expect(say(entry("post.cancelled", "post #2", { after: { status: "cancelled" } }))).toBe("Eda cancelled the draft #2");
  });

  it("a photo, a headline correction applied or ignored, and a killed story", () => {
    expect(say(entry("post.photo", "post #4", { after: { photo: "AgAD" } }))).toBe("Eda gave #4 a new photo");
    expect(say(entry("post.correct_headline", "post #4", { before: { headline: "Old" }, after: { headline: "New" } }))).toBe(
      "Eda applied the feed's new headline “New” to #4 in the channel",
    );
    expect(say(entry("post.ignore_correction", "post #4", { after: { headline: "New" } }))).toBe("Eda kept the headline of #4, ignoring the feed's new one “New”");
    expect(say(entry("story.kill", "post #8", { before: { headline: "Fake", status: "sent" } }))).toBe("Eda killed “Fake” (#8)");
    expect(say(entry("story.kill", "https://x.example/a", { before: { headline: "Fake", status: null } }))).toBe("Eda killed “Fake” (https://x.example/a)");
  });
});

/** Every action string the newsroom records: `action: "…"` and the other literals that name one (decisions, topic records, publishNow). */
function recordedActions(): string[] {
  const dir = join(import.meta.dirname, "../../src/newsroom");
  const actions = new Set<string>();
  for (const file of readdirSync(dir).filter((name) => name.endsWith(".ts"))) {
    const source = readFileSync(join(dir, file), "utf8");
    for (const match of source.matchAll(/"((?:post|posting|channel|feed|topic|story|article)\.[a-z_]+)"/g)) actions.add(match[1]!);
  }
  return [...actions].sort();
}

describe("every recorded action", () => {
  it("is recorded only as a literal /log knows (no action built from parts)", () => {
    const dir = join(import.meta.dirname, "../../src/newsroom");
    const built = readdirSync(dir)
      .filter((name) => name.endsWith(".ts"))
      .filter((name) => /action:\s*`/.test(readFileSync(join(dir, name), "utf8")));
    expect(built).toEqual([]);
  });

  it("has its own sentence in both languages, never the fallback", () => {
    const recorded = recordedActions();
    expect(recorded.length).toBeGreaterThan(20);
    expect(recorded.filter((action) => !(AUDIT_ACTIONS as string[]).includes(action))).toEqual([]);
    for (const action of AUDIT_ACTIONS) {
      const english = say(entry(action, "post #1"));
      expect(english, action).not.toMatch(/ did /);
      expect(auditSentence(ru, entry(action, "post #1"), LONDON, NOW), action).not.toMatch(/^Eda: [a-z]+ [a-z]+/);
    }
  });

  it("reads in Russian", () => {
    expect(auditSentence(ru, entry("post.reschedule", "post #6", { before: { scheduledAt: "2026-12-06T19:55:00Z" }, after: { scheduledAt: null } }), LONDON, NOW)).toBe(
      "Eda: №6 перенесён с вс 6 декабря 19:55 на ближайшее свободное время",
    );
    expect(auditSentence(ru, entry("post.edit", "post #3", { before: { headline: "Old" }, after: { headline: "New" } }), LONDON, NOW)).toBe(
      "Eda: у №3 изменён заголовок: было «Old», стало «New»",
    );
  });
});
