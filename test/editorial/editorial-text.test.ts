import { describe, expect, it } from "vitest";

import { auditLine } from "../../src/editorial/audit-line.js";
import { deleteRefusal } from "../../src/editorial/delete-refusal.js";
import { describeEdit } from "../../src/editorial/describe-edit.js";
import { editorRefusal, isAdminChat, notAnEditorRefusal } from "../../src/editorial/editor-refusal.js";
import { formatStats, topStories, type NewsroomStats } from "../../src/editorial/format-stats.js";
import { maybeInChannelText } from "../../src/editorial/maybe-in-channel-text.js";
import { parseEditCommand } from "../../src/editorial/parse-edit-command.js";
import { parsePostId } from "../../src/editorial/parse-post-id.js";
import { scheduledLine } from "../../src/editorial/scheduled-line.js";
import { createTranslations } from "../../src/i18n/create-i18n.js";
import { visibleLength } from "../../src/publish/telegram-html.js";

const LONDON = "Europe/London";
const t = createTranslations().translator("en");
const ADMIN = -1002222222222;

describe("editorRefusal", () => {
  it("sends editors' commands to the admin chat only", () => {
    expect(editorRefusal(t, "/queue", { id: ADMIN, type: "supergroup" }, ADMIN)).toEqual({ kind: "check-editor" });
    expect(editorRefusal(t, "/queue", { id: 42, type: "private" }, ADMIN)).toEqual({
      kind: "refuse",
      text: "/queue is an editors' command: it works only in the editors' chat.",
    });
    expect(editorRefusal(t, "/stats", { id: ADMIN, type: "supergroup" }, null)).toEqual({
      kind: "refuse",
      text: "/stats is an editors' command, and editors' commands are off: ADMIN_CHAT_ID is not set.",
    });
    expect(notAnEditorRefusal(t, "/pause")).toBe("Only editors can use /pause: the administrators of this chat and the people listed in EDITOR_IDS.");
  });

  it("recognises an admin chat configured by @username", () => {
    expect(isAdminChat({ id: 5, type: "supergroup", username: "Newsroom" }, "@newsroom")).toBe(true);
    expect(isAdminChat({ id: 5, type: "supergroup" }, "@newsroom")).toBe(false);
  });
});

describe("parsePostId and parseEditCommand", () => {
  it("reads ids as /scheduled shows them", () => {
    expect(parsePostId(t, "#12", "/postnow <id>")).toEqual({ ok: true, id: 12 });
    expect(parsePostId(t, "twelve", "/postnow <id>")).toEqual({ ok: false, error: "“twelve” is not a post id (a number like 12, as /scheduled shows it). Use /postnow <id>" });
    expect(parsePostId(t, "", "/postnow <id>")).toEqual({ ok: false, error: "Which post? Use /postnow <id>" });
  });

  it("reads /edit arguments and explains mistakes", () => {
    expect(parseEditCommand(t, "3 headline  New <b>words</b> ")).toEqual({ ok: true, postId: 3, field: "headline", text: "New <b>words</b>" });
    expect(parseEditCommand(t, "3 Summary line one\nline two")).toEqual({ ok: true, postId: 3, field: "summary", text: "line one\nline two" });
    expect(parseEditCommand(t, "3 title x")).toEqual({
      ok: false,
      error: "I can correct the headline or the summary, not “title”. Use /edit <id> headline <new headline> or /edit <id> summary <new summary>",
    });
    expect(parseEditCommand(t, "3 headline")).toEqual({
      ok: false,
      error: "The new headline is missing. Use /edit <id> headline <new headline> or /edit <id> summary <new summary>",
    });
    expect(parseEditCommand(t, `3 headline ${"x".repeat(301)}`)).toEqual({ ok: false, error: "A headline may be at most 300 characters; this one has 301." });
  });
});

describe("deleteRefusal", () => {
  const sentAt = new Date("2026-11-28T07:00:00Z");
  it("allows deletion for 48 hours, then says why not", () => {
    expect(deleteRefusal(t, 4, sentAt, new Date("2026-11-30T06:59:59Z"), LONDON)).toBeNull();
    expect(deleteRefusal(t, 4, sentAt, new Date("2026-11-30T07:00:00Z"), LONDON)).toBe(
      "Post #4 went out on Sat 28 Nov 07:00: Telegram lets bots delete messages only within 48 hours. Delete it by hand in the channel.",
    );
  });
});

describe("lines for editors", () => {
  it("escapes headlines and names in /scheduled lines", () => {
    const post = { id: 7, origin: "editor", scheduledAt: new Date("2026-12-01T07:00:00Z"), queuedByName: "Ann <Ed>", lastError: null, article: { headline: "<script>alert(1)</script> & co" } };
    const now = new Date("2026-11-30T12:00:00Z");
    expect(scheduledLine(t, post, LONDON, now)).toBe("#7 Tue 1 Dec 07:00 · &lt;script&gt;alert(1)&lt;/script&gt; &amp; co · queued by Ann &lt;Ed&gt;");
    expect(scheduledLine(t, { ...post, origin: "auto", scheduledAt: null, queuedByName: null }, LONDON, now)).toBe(
      "#7 next slot · &lt;script&gt;alert(1)&lt;/script&gt; &amp; co · automatic",
    );
  });

  it("shows an audit entry as a sentence, escaped", () => {
    const entry = {
      actorId: 7n,
      actorName: "Ann",
      action: "post.edit",
      subject: "post #3",
      before: JSON.stringify({ headline: "<old>" }),
      after: JSON.stringify({ headline: "new & better" }),
      createdAt: new Date("2026-11-28T07:05:00Z"),
    };
    expect(auditLine(t, entry, LONDON, new Date("2026-11-30T12:00:00Z"))).toBe("Sat 28 Nov 07:05 · Ann changed the headline of #3 from “&lt;old&gt;” to “new &amp; better”");
  });

  it("describes an edit", () => {
    expect(describeEdit(t, "headline", "Old", "<New>")).toBe("Headline: “Old” → “&lt;New&gt;”");
  });
});

describe("maybeInChannelText", () => {
  const now = new Date("2026-11-30T20:00:00Z");

  it("says when the interrupted send began, in TIMEZONE", () => {
    const post = { postId: 12, headline: "Ferry <line>", reason: null };
    expect(maybeInChannelText(t, { ...post, interruptedAt: new Date("2026-11-30T18:30:00Z") }, now, LONDON)).toBe(
      "Post #12 “Ferry <line>” may already be in the channel (the send was interrupted at Mon 30 Nov 18:30). Check the channel first.",
    );
    expect(maybeInChannelText(t, { ...post, interruptedAt: new Date("2026-11-29T23:50:00Z") }, now, "Asia/Tokyo")).toBe(
      "Post #12 “Ferry <line>” may already be in the channel (the send was interrupted at Mon 30 Nov 08:50). Check the channel first.",
    );
    expect(maybeInChannelText(t, { ...post, interruptedAt: new Date("2026-11-29T23:50:00Z") }, now, LONDON)).toBe(
      "Post #12 “Ferry <line>” may already be in the channel (the send was interrupted at Sun 29 Nov 23:50). Check the channel first.",
    );
    expect(maybeInChannelText(t, { ...post, interruptedAt: null, reason: "the connection broke" }, now, LONDON)).toBe(
      "Post #12 “Ferry <line>” may already be in the channel (its send was interrupted: the connection broke). Check the channel first.",
    );
  });
});

describe("formatStats", () => {
  const stats: NewsroomStats = {
    readers: { active: 10, blocked: 2 },
    subscribersPerTopic: [{ slug: "asia", subscribers: 4 }],
    postsLast24h: 3,
    postsLast7d: 9,
    recentPosts: [
      { id: 1, headline: "Quiet", reactionCount: 0, clickCount: 0 },
      { id: 2, headline: "<Big> story", reactionCount: 5, clickCount: 10 },
      { id: 3, headline: "Middle", reactionCount: 2, clickCount: 1 },
    ],
    feedsWithErrors: ["#4 https://x.example/rss — error (HTTP 500 <html>; 3 failures in a row)"],
  };

  it("ranks top stories by reactions plus clicks, leaving out those nobody touched", () => {
    expect(topStories(stats.recentPosts).map((p) => p.id)).toEqual([2, 3]);
  });

  it("formats every section, escaped", () => {
    expect(formatStats(t, stats)).toBe(
      [
        "<b>Newsroom stats</b>",
        "Readers: 10 active, 2 blocked",
        "Posts: 3 in the last 24 h, 9 in the last 7 days",
        "",
        "<b>Subscribers per topic</b>",
        "asia: 4",
        "",
        "<b>Top stories (7 days)</b>",
        "#2 &lt;Big&gt; story — 5 reactions, 10 clicks",
        "#3 Middle — 2 reactions, 1 click",
        "",
        "<b>Feeds with errors</b>",
        "#4 https://x.example/rss — error (HTTP 500 &lt;html&gt;; 3 failures in a row)",
      ].join("\n"),
    );
  });

  it("cuts a long topic list at whole lines within Telegram's limit", () => {
    const many = Array.from({ length: 600 }, (_, i) => ({ slug: `topic-number-${i}`, subscribers: i }));
    const text = formatStats(t, { ...stats, subscribersPerTopic: many });
    expect(visibleLength(text)).toBeLessThanOrEqual(4096);
    expect(text).toMatch(/\n… and \d+ more$/);
    const shown = text.split("\n").slice(5, -1);
    for (const line of shown) expect(line).toMatch(/^topic-number-\d+: \d+$/);
    expect(shown.length).toBeGreaterThan(0);
  });
});
