import { describe, expect, it } from "vitest";

import { isTeaser } from "../../../src/ingest/summary/is-teaser.js";

const headline = "Bank of England holds rates for third month";

describe("isTeaser", () => {
  it("accepts a description that summarises the story in whole sentences", () => {
    expect(
      isTeaser(
        "The Bank of England kept interest rates at 5.25% for a third month, with policymakers split 6-3 on whether to cut.",
        headline,
      ),
    ).toBe(false);
  });

  it.each([
    ["very short", "Rates held again."],
    ["ending with an ellipsis", "The Bank of England kept interest rates on hold on Thursday, as policymakers weighed the…"],
    ["ending with three dots", "The Bank of England kept interest rates on hold on Thursday, as policymakers weighed the..."],
    ["ending with […]", "The Bank of England kept interest rates on hold on Thursday, as policymakers weighed the outlook […]"],
    ["ending with Read more", "The Bank of England kept interest rates on hold on Thursday as policymakers weighed the outlook. Read more"],
    ["ending with Continue reading", "The Bank of England kept interest rates on hold on Thursday as policymakers weighed the outlook. Continue reading..."],
    ["the headline repeated", "Bank of England holds rates for third month — for the third month, Bank of England holds rates."],
    ["cut off mid-sentence", "The Bank of England kept interest rates on hold on Thursday as policymakers weighed the outlook and the"],
    ["starting mid-sentence", "and policymakers weighed the outlook before the Bank of England kept interest rates on hold on Thursday."],
    ["only questions", "Will the Bank of England finally cut interest rates this spring? And what would it mean for your mortgage?"],
  ])("rejects a description %s", (_label, text) => {
    expect(isTeaser(text, headline)).toBe(true);
  });
});
