import { describe, expect, it } from "vitest";

import {
  budgetRules,
  createBudgetState,
  createSendBudget,
  decideNextGrant,
  recordGrant,
  type SendPriority,
} from "../../src/publish/send-budget.js";

/** A clock the test moves by hand; `sleep` resolves when the clock passes its time (plus `lateMs`, like a busy event loop). */
function fakeClock(lateMs = 0) {
  let t = 0;
  const timers: { at: number; resolve: () => void }[] = [];
  const settle = () => new Promise<void>((resolve) => setImmediate(resolve));
  return {
    now: () => t,
    sleep: (ms: number) => new Promise<void>((resolve) => timers.push({ at: t + ms + lateMs, resolve })),
    async advance(ms: number) {
      const end = t + ms;
      for (;;) {
        await settle();
        timers.sort((a, b) => a.at - b.at);
        const next = timers[0];
        if (!next || next.at > end) break;
        timers.shift();
        t = Math.max(t, next.at);
        next.resolve();
      }
      t = end;
      await settle();
    },
  };
}

function recorder(clock: { now: () => number }) {
  const grants: { label: string; at: number }[] = [];
  return {
    grants,
    labels: () => grants.map((g) => g.label),
    track(budget: ReturnType<typeof createSendBudget>, label: string, chatId: number | string, priority: SendPriority = "alert") {
      void budget.take(chatId, priority).then(() => grants.push({ label, at: clock.now() }));
    },
  };
}

// 10 a second: at most 10 in any 1100 ms (one message's share of margin) unless answers are reported,
// a share (100 ms) apart, catching up at half a share when behind.
const rules = { perSecond: 10, perChatIntervalMs: 1000, perGroupIntervalMs: 3000 };

describe("the send budget", () => {
  it("lets at most perSecond messages into any window, evenly: a share apart once a quarter second's head start is used", async () => {
    const clock = fakeClock();
    const budget = createSendBudget({ ...rules, now: clock.now, sleep: clock.sleep });
    const r = recorder(clock);
    for (let i = 1; i <= 12; i++) r.track(budget, `reader ${i}`, i);
    await clock.advance(2000);
    expect(r.grants.map((g) => g.at)).toEqual([0, 50, 100, 150, 200, 250, 350, 450, 550, 650, 1100, 1150]);
    expect(r.labels()).toEqual(Array.from({ length: 12 }, (_, i) => `reader ${i + 1}`));
  });

  it("sends to one reader at most once a second, letting other readers go meanwhile", async () => {
    const clock = fakeClock();
    const budget = createSendBudget({ ...rules, now: clock.now, sleep: clock.sleep });
    const r = recorder(clock);
    r.track(budget, "A first", 1);
    r.track(budget, "A second", 1);
    r.track(budget, "B", 2);
    await clock.advance(2000);
    expect(r.grants).toEqual([
      { label: "A first", at: 0 },
      { label: "B", at: 50 },
      { label: "A second", at: 1000 },
    ]);
  });

  it("lets a channel post waiting with alerts go first", async () => {
    const clock = fakeClock();
    const budget = createSendBudget({ ...rules, now: clock.now, sleep: clock.sleep });
    const r = recorder(clock);
    r.track(budget, "alert 1", 1);
    r.track(budget, "alert 2", 2);
    r.track(budget, "alert 3", 3);
    r.track(budget, "channel post", -1001, "channel");
    await clock.advance(1000);
    expect(r.grants).toEqual([
      { label: "alert 1", at: 0 },
      { label: "channel post", at: 50 },
      { label: "alert 2", at: 100 },
      { label: "alert 3", at: 150 },
    ]);
  });

  it("gives alerts no slot while a channel post waits for the channel's own interval", async () => {
    const clock = fakeClock();
    const budget = createSendBudget({ ...rules, now: clock.now, sleep: clock.sleep });
    const r = recorder(clock);
    r.track(budget, "post 1", -1001, "channel");
    await clock.advance(500);
    r.track(budget, "post 2", -1001, "channel");
    r.track(budget, "alert", 7);
    await clock.advance(5000);
    // 20 messages a minute to one channel: post 2 waits until 3000, and the alert behind it.
    expect(r.grants).toEqual([
      { label: "post 1", at: 0 },
      { label: "post 2", at: 3000 },
      { label: "alert", at: 3050 },
    ]);
  });

  it("stops everyone while Telegram asks to wait (429), then resumes at the same pace", async () => {
    const clock = fakeClock();
    const budget = createSendBudget({ ...rules, now: clock.now, sleep: clock.sleep });
    const r = recorder(clock);
    r.track(budget, "before", 1);
    await clock.advance(50);
    budget.pause(3000);
    r.track(budget, "channel post", -1001, "channel");
    r.track(budget, "alert", 2);
    await clock.advance(2900);
    expect(r.labels()).toEqual(["before"]);
    await clock.advance(1000);
    expect(r.grants).toEqual([
      { label: "before", at: 0 },
      { label: "channel post", at: 3050 },
      { label: "alert", at: 3100 },
    ]);
  });

  it("counts a message from Telegram's answer: the next second's messages wait for one that got there late", async () => {
    const clock = fakeClock();
    const budget = createSendBudget({ ...rules, now: clock.now, sleep: clock.sleep });
    const grants: { label: string; at: number }[] = [];
    const answers: (() => void)[] = [];
    const send = (label: string, chatId: number) =>
      void budget.send(chatId, "alert", () => {
        grants.push({ label, at: clock.now() });
        return new Promise<void>((resolve) => answers.push(resolve));
      });
    for (let i = 1; i <= 10; i++) send(`reader ${i}`, i);
    send("reader 11", 11);
    await clock.advance(700);
    // A window's worth is in flight: nothing more goes, however long ago it was granted.
    expect(grants.map((g) => g.at)).toEqual([0, 50, 100, 150, 200, 250, 350, 450, 550, 650]);
    answers.shift()!(); // the first is answered at 700: it may have reached Telegram only just now
    await clock.advance(300);
    for (const answer of answers.splice(0)) answer(); // the others at 1000
    await clock.advance(2000);
    // A second after the first answer (plus the clock's 2 ms), not a second after its grant.
    expect(grants.slice(10)).toEqual([{ label: "reader 11", at: 1702 }]);
  });

  it("starts a reader's interval when Telegram answered their last message", async () => {
    const clock = fakeClock();
    const budget = createSendBudget({ ...rules, now: clock.now, sleep: clock.sleep });
    const grants: number[] = [];
    let answer = () => {};
    const send = () =>
      void budget.send(7, "alert", () => {
        grants.push(clock.now());
        return new Promise<void>((resolve) => (answer = resolve));
      });
    send();
    send();
    await clock.advance(600);
    answer();
    await clock.advance(2000);
    expect(grants).toEqual([0, 1602]);
  });

  it("loses no capacity when its timers fire late: the window counts messages, not fixed slots", async () => {
    const clock = fakeClock(30);
    const budget = createSendBudget({ ...rules, now: clock.now, sleep: clock.sleep });
    const r = recorder(clock);
    for (let i = 1; i <= 12; i++) r.track(budget, `reader ${i}`, i);
    await clock.advance(1300);
    // Each wake-up is 30 ms late, yet the second window opens when the first message leaves it (1100, +30 late).
    expect(r.grants.map((g) => g.at)).toEqual([0, 80, 160, 240, 320, 400, 480, 560, 640, 720, 1130, 1210]);
  });

  it("lets replies go before alerts that waited longer, without a reply waiting for its chat holding alerts up", async () => {
    const clock = fakeClock();
    const budget = createSendBudget({ ...rules, now: clock.now, sleep: clock.sleep });
    const r = recorder(clock);
    r.track(budget, "reply to A", 1, "reply");
    r.track(budget, "alert to B", 2);
    r.track(budget, "alert to C", 3);
    r.track(budget, "second reply to A", 1, "reply");
    r.track(budget, "reply to D", 4, "reply");
    await clock.advance(2000);
    expect(r.grants).toEqual([
      { label: "reply to A", at: 0 },
      { label: "reply to D", at: 50 },
      { label: "alert to B", at: 100 },
      { label: "alert to C", at: 150 },
      { label: "second reply to A", at: 1000 },
    ]);
  });

  it("sends at most 20 messages a minute to one group, at least a second apart", async () => {
    const clock = fakeClock();
    const budget = createSendBudget({ perGroupIntervalMs: 1000, now: clock.now, sleep: clock.sleep });
    const r = recorder(clock);
    for (let i = 1; i <= 22; i++) r.track(budget, `reply ${i}`, -1002222, "reply");
    await clock.advance(65_000);
    const times = r.grants.map((g) => g.at);
    expect(times.slice(0, 20)).toEqual(Array.from({ length: 20 }, (_, i) => i * 1000));
    // The 21st waits until the first has left the minute (with a second of margin).
    expect(times.slice(20)).toEqual([61_000, 62_000]);
  });

  it("holds only the chat Telegram asked to wait in", async () => {
    const clock = fakeClock();
    const budget = createSendBudget({ ...rules, now: clock.now, sleep: clock.sleep });
    const r = recorder(clock);
    budget.pauseChat(-1002222, 35_000);
    r.track(budget, "reply in the admin chat", -1002222, "reply");
    r.track(budget, "reply to a reader", 42, "reply");
    await clock.advance(40_000);
    expect(r.grants).toEqual([
      { label: "reply to a reader", at: 0 },
      { label: "reply in the admin chat", at: 35_000 },
    ]);
  });

  it("gives up a wait when its signal aborts, and the slot goes to the next in line", async () => {
    const clock = fakeClock();
    const budget = createSendBudget({ ...rules, now: clock.now, sleep: clock.sleep });
    const r = recorder(clock);
    const controller = new AbortController();
    r.track(budget, "first", 1);
    const abandoned = budget.take(2, "alert", controller.signal);
    r.track(budget, "third", 3);
    controller.abort(new Error("flood wait"));
    await expect(abandoned).rejects.toThrow("flood wait");
    await clock.advance(1000);
    expect(r.grants).toEqual([
      { label: "first", at: 0 },
      { label: "third", at: 50 },
    ]);
  });
  it("with paid broadcasting lets alerts use the paid rate while replies keep the free rate, and all together stay under it", async () => {
    const clock = fakeClock();
    const budget = createSendBudget({ ...rules, paidAlertsPerSecond: 100, now: clock.now, sleep: clock.sleep });
    const r = recorder(clock);
    for (let i = 1; i <= 150; i++) r.track(budget, `alert ${i}`, i, "alert");
    for (let i = 1; i <= 12; i++) r.track(budget, `reply ${i}`, 1000 + i, "reply");
    await clock.advance(1000);
    const inFirstSecond = (kind: string) => r.grants.filter((g) => g.label.startsWith(kind) && g.at < 1000).length;
    expect([inFirstSecond("reply"), inFirstSecond("alert")]).toEqual([10, 90]);
    // Replies at their own pace whatever the alerts do meanwhile: as without them, give or take one paid share.
    const alone = recorder(clock);
    const quiet = createSendBudget({ ...rules, paidAlertsPerSecond: 100, now: clock.now, sleep: clock.sleep });
    const start = clock.now();
    for (let i = 1; i <= 12; i++) alone.track(quiet, `reply ${i}`, 1000 + i, "reply");
    await clock.advance(1000);
    const replies = r.grants.filter((g) => g.label.startsWith("reply")).map((g) => g.at);
    const unhurried = alone.grants.map((g) => g.at - start);
    const held = replies.slice(0, 10).map((at, i) => at - unhurried[i]!);
    expect(held.filter((late) => late < 0 || late > 10)).toEqual([]);
  });
});

describe("the budget's scheduling core", () => {
  const core = budgetRules(10, 1000);

  it("keeps a full window closed until its first message leaves it", () => {
    const state = createBudgetState();
    for (let i = 0; i < 10; i++) recordGrant(state, String(i), i * 50, core);
    expect(decideNextGrant(state, [{ chatKey: "new", priority: "alert" }], 500, core)).toEqual({ kind: "wait", until: 1100 });
    expect(decideNextGrant(state, [{ chatKey: "new", priority: "alert" }], 1100, core)).toEqual({ kind: "grant", index: 0 });
  });

  it("waits for the earliest ready chat when every waiting reader had a message just now", () => {
    const state = createBudgetState();
    recordGrant(state, "1", 0, core);
    recordGrant(state, "2", 400, core);
    const waiters = [
      { chatKey: "2", priority: "alert" as const },
      { chatKey: "1", priority: "alert" as const },
    ];
    expect(decideNextGrant(state, waiters, 500, core)).toEqual({ kind: "wait", until: 1000 });
    expect(decideNextGrant(state, waiters, 1000, core)).toEqual({ kind: "grant", index: 1 });
  });

  it("has nothing to do without waiters", () => {
    expect(decideNextGrant(createBudgetState(), [], 0, core)).toEqual({ kind: "idle" });
  });
});
