import { describe, expect, it } from "vitest";

import { cutAtSentence, summarise } from "../../../src/ingest/summary/summarise.js";

const para = (...lines: string[]): string => lines.join("\n\n");

describe("summarise", () => {
  it("takes the lede: the first sentences of the body, at most three, within maxChars", () => {
    const body = para(
      "The central bank held interest rates at 5.25 per cent on Thursday. Officials said inflation was easing.",
      "Markets had expected the decision. The pound barely moved. Economists now see a cut in spring.",
    );
    expect(summarise({ body, maxChars: 400 })).toBe(
      "The central bank held interest rates at 5.25 per cent on Thursday. Officials said inflation was easing. Markets had expected the decision.",
    );
  });

  it("ends on a whole sentence that fits, never mid-word, with no trailing whitespace", () => {
    const body = "Storm Ciara brought winds of 90mph to the coast on Sunday. Thousands of homes lost power overnight.  ";
    const summary = summarise({ body, maxChars: 80 });
    expect(summary).toBe("Storm Ciara brought winds of 90mph to the coast on Sunday.");
    expect(summary).toBe(summary.trim());
  });

  it("keeps a dateline that opens the first sentence", () => {
    const body = "SEOUL – North Korea fired a ballistic missile into the sea on Tuesday, the South's military said.";
    expect(summarise({ body, maxChars: 400 })).toBe(body);
  });

  it("skips a dateline or a date standing alone on its line", () => {
    const body = para(
      "LONDON, Sept 11 (Reuters) -",
      "Tue 10 Sep 2024 14.02 BST",
      "Britain's economy grew faster than expected in July, official figures showed.",
    );
    expect(summarise({ body, maxChars: 400 })).toBe(
      "Britain's economy grew faster than expected in July, official figures showed.",
    );
  });

  it("skips bylines, captions, credits and advertisement markers at the top", () => {
    const body = para(
      "By Jane Doe and John Roe",
      "Jane Doe, Reuters",
      "PHOTO: REUTERS",
      "Firefighters tackle the blaze in the city centre (Photo by Sam Lee/Getty Images)",
      "Rescue workers at the scene on Monday morning. Getty Images",
      "Advertisement",
      "A fire destroyed a warehouse in central Leeds on Monday, the fire service said.",
    );
    expect(summarise({ body, maxChars: 400 })).toBe(
      "A fire destroyed a warehouse in central Leeds on Monday, the fire service said.",
    );
  });

  it("skips promotion lines between paragraphs", () => {
    const body = para(
      "The government will raise the minimum wage by 6.7 per cent from April, ministers announced.",
      "Join our Telegram channel for the latest updates.",
      "Sign up for our newsletter to get the news first.",
      "Read also: Five things to know about the budget",
      "Click here to watch the statement in full.",
      "Follow us on X and Instagram.",
      "About 2.7 million workers will benefit, according to the Treasury.",
    );
    expect(summarise({ body, maxChars: 400 })).toBe(
      "The government will raise the minimum wage by 6.7 per cent from April, ministers announced. About 2.7 million workers will benefit, according to the Treasury.",
    );
  });

  it("skips the headline repeated at the top of the body and very short fragments", () => {
    const body = para("Minimum wage to rise 6.7%", "Share", "2 min read", "Ministers will raise the minimum wage in April.");
    expect(summarise({ body, headline: "Minimum wage to rise 6.7%", maxChars: 400 })).toBe(
      "Ministers will raise the minimum wage in April.",
    );
  });

  it("skips the page's longer heading when it carries every word of the shorter headline", () => {
    const body = para(
      "Council approves new river bridge after ten-year wait",
      "The city council voted 31 to 4 on Tuesday to fund a new bridge over the river.",
    );
    expect(summarise({ body, headline: "Council approves bridge", maxChars: 400 })).toBe(
      "The city council voted 31 to 4 on Tuesday to fund a new bridge over the river.",
    );
    // A sentence that happens to contain the headline's words is news, not a heading.
    const sentence = para("The council approves the bridge, ending a ten-year wait for residents.");
    expect(summarise({ body: sentence, headline: "Council approves bridge", maxChars: 400 })).toBe(
      "The council approves the bridge, ending a ten-year wait for residents.",
    );
  });

  it("prefers the feed's standfirst when it is a real summary, cut at a sentence", () => {
    const standfirst =
      "The Bank of England kept rates on hold for a third month. Policymakers voted 6-3, with three members backing a cut. Governor Andrew Bailey said the path was encouraging.";
    const summary = summarise({ body: "Body text that should not be used here at all.", standfirst, maxChars: 100 });
    expect(summary).toBe("The Bank of England kept rates on hold for a third month.");
  });

  it("fills the room after a short standfirst with lede sentences that say something new", () => {
    const standfirst = "The Bank of England kept interest rates on hold for a third month in a row on Thursday.";
    const body = para(
      "The Bank of England kept interest rates on hold at 5.25% on Thursday, for the third month running.",
      "Policymakers voted 6-3, with three members backing an immediate cut to 5%.",
      "Governor Andrew Bailey said inflation was falling faster than expected.",
      "Markets now expect the first cut in the spring.",
    );
    expect(summarise({ body, standfirst, maxChars: 400 })).toBe(
      "The Bank of England kept interest rates on hold for a third month in a row on Thursday. Policymakers voted 6-3, with three members backing an immediate cut to 5%. Governor Andrew Bailey said inflation was falling faster than expected.",
    );
    expect(summarise({ body, standfirst, maxChars: 170 })).toBe(
      "The Bank of England kept interest rates on hold for a third month in a row on Thursday. Policymakers voted 6-3, with three members backing an immediate cut to 5%.",
    );
  });

  it("ignores a standfirst that is only a teaser and uses the lede instead", () => {
    const body = "Police arrested three men after a bank robbery in Bristol on Friday, the force said.";
    for (const standfirst of [
      "Three arrested after raid…",
      "Police say three men were held after the raid on a branch in the city centre on Friday […]",
      "Police say three men were held after the raid on a branch in the city centre. Read more",
      "Police say three men were held after the raid on a branch in the city centre. Continue reading...",
      "Three men arrested after Bristol bank robbery",
      "Police arrested three men on Friday after a robbery at a bank branch in the city centre, and they",
    ]) {
      expect(summarise({ body, standfirst, headline: "Three men arrested after Bristol bank robbery", maxChars: 400 })).toBe(body);
    }
  });

  it("drops WordPress's 'The post … appeared first on …' trailer from a standfirst", () => {
    const standfirst =
      "The city council approved a new cycle lane along the river after a two-year consultation with residents. The post Council approves river cycle lane appeared first on City News.";
    expect(summarise({ body: "", standfirst, maxChars: 400 })).toBe(
      "The city council approved a new cycle lane along the river after a two-year consultation with residents.",
    );
  });

  it("cuts at a word with an ellipsis only when even the first sentence is too long", () => {
    const body =
      "The committee, which met for eleven hours behind closed doors in the capital, finally approved the package late on Wednesday night.";
    const summary = summarise({ body, maxChars: 60 });
    expect(summary).toBe("The committee, which met for eleven hours behind closed…");
    expect(summary.length).toBeLessThanOrEqual(60);
  });

  it("falls back to a teaser when the body has nothing usable, and to nothing when there is nothing", () => {
    expect(summarise({ body: "", standfirst: "Three men held after Bristol bank raid. Read more", maxChars: 400 })).toBe(
      "Three men held after Bristol bank raid.",
    );
    expect(summarise({ body: "", maxChars: 400 })).toBe("");
    expect(summarise({ body: "Some text.", maxChars: 0 })).toBe("");
  });
});

describe("cutAtSentence", () => {
  it("returns text that already fits unchanged, with whitespace collapsed", () => {
    expect(cutAtSentence("  Short  text.\n\nTwo. ", 400)).toBe("Short text. Two.");
  });

  it("cuts at the last sentence boundary that fits", () => {
    const text = "First sentence here. Second sentence is here. Third one will not fit.";
    expect(cutAtSentence(text, 50)).toBe("First sentence here. Second sentence is here.");
    expect(cutAtSentence(text, 45)).toBe("First sentence here. Second sentence is here.");
    expect(cutAtSentence(text, 44)).toBe("First sentence here.");
  });

  it("respects abbreviations when cutting: Mr., U.S., 3.5", () => {
    const text = "Mr. Smith said the U.S. economy grew 3.5 per cent. Markets rallied on the news. More later.";
    expect(cutAtSentence(text, 80)).toBe("Mr. Smith said the U.S. economy grew 3.5 per cent. Markets rallied on the news.");
  });

  it("falls back to a word boundary plus an ellipsis, never mid-word, within maxChars", () => {
    const text = "An extraordinarily long opening sentence without any full stop in sight for quite a while";
    const cut = cutAtSentence(text, 30);
    expect(cut).toBe("An extraordinarily long…");
    expect(cut.length).toBeLessThanOrEqual(30);
    expect(text.startsWith(cut.slice(0, -1))).toBe(true);
  });

  it("drops trailing punctuation before the ellipsis", () => {
    expect(cutAtSentence("Officials, ministers, and advisers all gathered in the hall today", 24)).toBe(
      "Officials, ministers…",
    );
  });

  it("hard-cuts a single word longer than maxChars, the only case with no word boundary", () => {
    expect(cutAtSentence("Supercalifragilisticexpialidocious", 10)).toBe("Supercali…");
  });
});
