import { describe, expect, it } from "vitest";

import { outboxReasonText } from "../../src/editorial/outbox-reason-text.js";
import { createFluentTranslator } from "../../src/i18n/fluent-translator.js";
import { storeReason } from "../../src/i18n/stored-reason.js";
import { readSendFailure, sendFailureInEnglish, type SendFailure } from "../../src/publish/outbox-reason.js";
import { decideSendFailure } from "../../src/publish/send-failure-policy.js";

const en = createFluentTranslator("en");
const ru = createFluentTranslator("ru");
const NOW = new Date("2026-11-30T10:00:00Z");

const FAILURES: SendFailure[] = [
  { code: "flood-wait", description: "Too Many Requests: retry after 5" },
  { code: "forbidden", description: "Forbidden: bot was kicked from the channel chat" },
  { code: "refused", description: "Bad Request: message is too long" },
  { code: "telegram-failed", description: "Bad Gateway", final: false },
  { code: "telegram-failed", description: "Bad Gateway", final: true },
  { code: "unreachable", network: "ECONNREFUSED" },
  { code: "connection-broke", detail: "ECONNRESET" },
  { code: "budget-wait" },
  { code: "process-stopped" },
];

describe("why the outbox did not send a post, stored as a code and worded when shown", () => {
  it("reads back every failure it stores; a sentence an earlier version stored stays that sentence", () => {
    for (const failure of FAILURES) expect(readSendFailure(storeReason(failure))).toEqual(failure);
    expect(readSendFailure("Bad Request: can't parse entities")).toEqual({ code: "stored-text", text: "Bad Request: can't parse entities" });
    expect(readSendFailure('{"code":"refused"}')).toEqual({ code: "stored-text", text: '{"code":"refused"}' });
    expect(readSendFailure(null)).toBeNull();
  });

  it("keeps the operators' English words of earlier versions", () => {
    expect(FAILURES.map(sendFailureInEnglish)).toEqual([
      "flood wait: Too Many Requests: retry after 5",
      "Forbidden: bot was kicked from the channel chat",
      "Bad Request: message is too long",
      "Bad Gateway",
      "Telegram kept failing: Bad Gateway",
      "could not reach Telegram (ECONNREFUSED)",
      "the connection to Telegram failed during the call (ECONNRESET)",
      "Telegram asked the bot to slow down and the wait outlasted this attempt; the post stays queued",
      "the sending process stopped before Telegram answered",
    ]);
  });

  it("codes Telegram's answers with its own words", () => {
    const badRequest = { error_code: 400, description: "Bad Request: message is too long" };
    expect(decideSendFailure(badRequest, 1, NOW)).toEqual({ kind: "fail", failure: { code: "refused", description: "Bad Request: message is too long" } });
    const failing = { error_code: 502, description: "Bad Gateway" };
    expect(decideSendFailure(failing, 1, NOW)).toMatchObject({ kind: "retry", failure: { code: "telegram-failed", description: "Bad Gateway", final: false } });
    expect(decideSendFailure(failing, 5, NOW)).toEqual({ kind: "fail", failure: { code: "telegram-failed", description: "Bad Gateway", final: true } });
    expect(decideSendFailure({ error: { code: "ECONNREFUSED" } }, 1, NOW)).toMatchObject({ kind: "retry", failure: { code: "unreachable", network: "ECONNREFUSED" } });
  });

  it("words the reasons in Russian, quoting Telegram's own words", () => {
    expect(FAILURES.map((failure) => outboxReasonText(ru, failure))).toEqual([
      "Telegram попросил бота отправлять реже: «Too Many Requests: retry after 5»",
      "Telegram отказал в публикации: «Forbidden: bot was kicked from the channel chat»",
      "Telegram отказал в публикации: «Bad Request: message is too long»",
      "сбой на стороне Telegram: «Bad Gateway»",
      "Telegram раз за разом давал сбой: «Bad Gateway»",
      "не удалось связаться с Telegram (ECONNREFUSED)",
      "связь с Telegram оборвалась во время отправки (ECONNRESET)",
      "Telegram попросил бота отправлять реже, и ожидание затянулось дольше этой попытки; пост остаётся в очереди",
      "отправлявший процесс остановился, не дождавшись ответа Telegram",
    ]);
    expect(outboxReasonText(ru, { code: "stored-text", text: "Bad Gateway" })).toBe("Bad Gateway");
  });

  it("words why nothing was sent now in English and Russian", () => {
    expect(outboxReasonText(en, { code: "not-waiting", postId: 4 })).toBe("post #4 is not waiting to be sent (another instance has it, or it was sent)");
    expect(outboxReasonText(ru, { code: "not-waiting", postId: 4 })).toBe("пост №4 не ждёт отправки (его отправляет другой экземпляр или он уже отправлен)");
    expect(outboxReasonText(ru, { code: "queued-for-slot" })).toBe("поставлен в очередь на следующее окно");
    expect(outboxReasonText(ru, { code: "auto-held", block: { code: "hourly-cap", max: 4 } })).toBe("достигнут предел MAX_POSTS_PER_HOUR (4)");
    expect(outboxReasonText(en, { code: "waiting-for-slot" })).toBe("waiting for the next POST_SLOTS slot");
  });
});
