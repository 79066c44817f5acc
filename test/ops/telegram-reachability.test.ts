/** Whether Telegram answers, as the grammY transformer on every API object records it. */
import { Api } from "grammy";
import { beforeEach, describe, expect, it } from "vitest";

import { createTelegramReachability } from "../../src/ops/telegram-reachability.js";
import { installFakeTelegram, TEST_API_ROOT, TEST_TOKEN, type FakeTelegram } from "../support/telegram.js";

describe("the Telegram watch", () => {
  let telegram: FakeTelegram;
  const clock = { now: new Date("2026-11-30T10:00:00Z") };

  beforeEach(() => {
    telegram = installFakeTelegram();
  });

  const watchedApi = () => {
    const watch = createTelegramReachability({ now: () => clock.now, apiRoot: TEST_API_ROOT });
    const api = new Api(TEST_TOKEN, { apiRoot: TEST_API_ROOT });
    api.config.use(watch.transformer);
    return { watch, api };
  };

  it("counts Telegram's own refusals as answers, and a gateway's 5xx as no answer until the next answer", async () => {
    const { watch, api } = watchedApi();
    telegram.answer("sendMessage", () => ({ error_code: 400, description: "Bad Request: chat not found" }));
    await expect(api.sendMessage(1, "hi")).rejects.toThrow("chat not found");
    expect(watch.state()).toEqual({ lastOkAt: clock.now, failingSince: null, reason: null });

    telegram.answer("sendMessage", () => ({ error_code: 502, description: "Bad Gateway" }));
    await expect(api.sendMessage(1, "hi")).rejects.toThrow("Bad Gateway");
    const firstFailure = clock.now;
    clock.now = new Date(firstFailure.getTime() + 30_000);
    await expect(api.sendMessage(1, "hi")).rejects.toThrow("Bad Gateway");
    expect(watch.state()).toEqual({ lastOkAt: firstFailure, failingSince: firstFailure, reason: `HTTP 502 Bad Gateway at ${TEST_API_ROOT}` });

    telegram.answer("sendMessage", (payload) => ({ result: { message_id: 1, date: 0, chat: { id: payload.chat_id, type: "private" }, text: "hi" } }));
    await api.sendMessage(1, "hi");
    expect(watch.state()).toEqual({ lastOkAt: clock.now, failingSince: null, reason: null });
  });
});
