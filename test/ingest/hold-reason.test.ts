import { describe, expect, it } from "vitest";

import { createFluentTranslator } from "../../src/i18n/fluent-translator.js";
import { storeReason } from "../../src/i18n/stored-reason.js";
import { holdReasonText, readHoldReason } from "../../src/ingest/hold-reason.js";

describe("why a story waits for review, stored as a code and worded on its card", () => {
  it("reads back a dead link's status, an earlier version's sentence as it is, and no reason as none", () => {
    expect(readHoldReason(storeReason({ code: "dead-link", status: 404 }))).toEqual({ code: "dead-link", status: 404 });
    expect(readHoldReason("its page answered 404 and the feed gave no text")).toEqual({ code: "stored-text", text: "its page answered 404 and the feed gave no text" });
    expect(readHoldReason('{"code":"dead-link"}')).toEqual({ code: "stored-text", text: '{"code":"dead-link"}' });
    expect(readHoldReason(null)).toBeNull();
  });

  it("words a dead link in English and in Russian", () => {
    const deadLink = { code: "dead-link", status: 410 } as const;
    expect(holdReasonText(createFluentTranslator("en"), deadLink)).toBe("its page answered 410 and the feed gave no text");
    expect(holdReasonText(createFluentTranslator("ru"), deadLink)).toBe("страница статьи ответила ошибкой 410, а в ленте нет её текста");
    expect(holdReasonText(createFluentTranslator("ru"), { code: "stored-text", text: "held by hand" })).toBe("held by hand");
  });
});
