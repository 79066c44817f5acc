/** Ctrl-C: the first stops cleanly within a deadline, the second exits at once. */
import { EventEmitter } from "node:events";

import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { exitOnSignals } from "../../src/ops/shutdown.js";

describe("stopping on signals", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const setup = (stop: () => Promise<void>, stoppedCode?: number) => {
    const signals = new EventEmitter();
    const said: string[] = [];
    const exits: number[] = [];
    exitOnSignals({ stop, say: (line) => said.push(line), exit: (code) => exits.push(code), signals, ...(stoppedCode === undefined ? {} : { stoppedCode }) });
    return { signals, said, exits };
  };

  it("stops cleanly on the first signal and exits 0 (130 for a command cut short)", async () => {
    const bot = setup(() => Promise.resolve());
    bot.signals.emit("SIGTERM");
    await vi.runAllTimersAsync();
    expect(bot.exits).toEqual([0]);
    expect(bot.said).toEqual(["SIGTERM: stopping (press Ctrl-C again to exit at once)"]);

    const command = setup(() => Promise.resolve(), 130);
    command.signals.emit("SIGINT");
    await vi.runAllTimersAsync();
    expect(command.exits).toEqual([130]);
  });

  it("exits at once on a second Ctrl-C while the stop is still going", async () => {
    const { signals, said, exits } = setup(() => new Promise<void>(() => undefined));
    signals.emit("SIGINT");
    await vi.advanceTimersByTimeAsync(1_000);
    expect(exits).toEqual([]);
    signals.emit("SIGINT");
    expect(exits).toEqual([130]);
    expect(said).toEqual(["SIGINT: stopping (press Ctrl-C again to exit at once)", "SIGINT again: exiting at once"]);
  });

  it("exits with 1 when the stop outlasts ten seconds, saying so", async () => {
    const { signals, said, exits } = setup(() => new Promise<void>(() => undefined));
    signals.emit("SIGTERM");
    await vi.advanceTimersByTimeAsync(9_999);
    expect(exits).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(exits).toEqual([1]);
    expect(said.at(-1)).toBe("stopping took longer than 10 s: exiting now");
  });
});
