import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

import { describe, expect, it } from "vitest";

import { cleanBodyText } from "../../../src/ingest/extract/clean-body.js";
import { extractArticle } from "../../../src/ingest/extract/extract-article.js";

// A real scraped article kept outside the repo (users' clones do not have shared/).
const seedPath = fileURLToPath(new URL("../../../../shared/seeds/000_96b89ea2324617e2.txt", import.meta.url));
const hasSeed = existsSync(seedPath);
if (!hasSeed) console.log(`skipping the scraped-article story: ${seedPath} is not here`);

const TRAILING_JUNK = [
  "More On This Topic",
  "Why North Korea’s Kim Jong Un may meet Putin in Russia",
  "North Korea’s Kim, Russia’s Putin exchange letters, vow stronger ties",
  "Join ST’s Telegram channel",
  "st_telegram_boilerplate",
  "display: inline-block",
  "font-family",
  "Advertisment",
  "Most Popular",
];

describe.skipIf(!hasSeed)("a scraped Straits Times article full of page junk", () => {
  const seed = hasSeed ? readFileSync(seedPath, "utf8") : "";

  it("keeps only the article: no banner date, breadcrumb or repeated headline on top", () => {
    const body = cleanBodyText(seed);
    expect(body.startsWith("SEOUL – North Korean leader Kim Jong Un will soon visit Russia")).toBe(true);
    expect(body).not.toContain("Saturday, May 18, 2024");
    expect(body).not.toContain("Homeasia");
  });

  it("drops related headlines, the Telegram promo, CSS, the ad marker and Most Popular at the end", () => {
    const body = cleanBodyText(seed);
    for (const junk of TRAILING_JUNK) expect(body, junk).not.toContain(junk);
    expect(body.endsWith("a potential arms deal.")).toBe(true);
  });

  it("comes out the same way through extraction when the text arrives as HTML paragraphs", () => {
    const html = seed
      .split(/\n\s*\n/)
      .map((p) => `<p>${p.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/\n/g, "<br>")}</p>`)
      .join("\n");
    const { body } = extractArticle(`<html><body><article>${html}</article></body></html>`, "https://example.com/a");
    expect(body.startsWith("SEOUL – North Korean leader Kim Jong Un will soon visit Russia")).toBe(true);
    for (const junk of TRAILING_JUNK) expect(body, junk).not.toContain(junk);
    expect(body.endsWith("a potential arms deal.")).toBe(true);
  });
});

const PROSE = "The council voted on Tuesday to keep the library open for another five years, officials said.";

describe("boilerplate paragraphs never reach the body", () => {
  const keep = (junk: string) => cleanBodyText(`${PROSE}\n\n${junk}\n\n${PROSE}`);

  it.each([
    ["an advertising marker", "Advertisement"],
    ["a misspelt ad marker", "- Advertisment -"],
    ["a Telegram promo", "Join our Telegram channel for the latest news."],
    ["a WhatsApp promo", "Follow us on WhatsApp"],
    ["a newsletter sign-up", "Sign up for our morning newsletter and get the news in your inbox."],
    ["a read-also link", "Read also: Council approves budget"],
    ["a share row", "Share | Tweet | Email | Print"],
    ["a photo credit", "PHOTO: REUTERS"],
    ["an agency credit line", "Kim arrives in Vladivostok. Photo/AFP"],
    ["inline CSS", "p.boilerplate:before {\ndisplay: inline-block;\ncontent: \" \";\nwidth: 6px;"],
    ["inline script", "window.dataLayer = window.dataLayer || [];\ndataLayer.push({ event: 'view' });"],
    ["a byline", "By Jane Smith"],
    ["a copyright line", "Copyright © 2024 Example Media. All rights reserved."],
  ])("drops %s", (_kind, junk) => {
    expect(keep(junk)).toBe(`${PROSE}\n\n${PROSE}`);
  });

  it("drops a related-stories heading and the headline-only lines after it", () => {
    const text = `${PROSE}\n\nMore on this topic\n\nCouncil approves new budget\n\nMayor to seek second term`;
    expect(cleanBodyText(text)).toBe(PROSE);
  });

  it("drops 'Most Popular' with its list but keeps prose that follows", () => {
    const text = `${PROSE}\n\nMost Popular\n\nTen things to do this weekend\n\n${PROSE}`;
    expect(cleanBodyText(text)).toBe(`${PROSE}\n\n${PROSE}`);
  });

  it("drops the known headline when the body repeats it first", () => {
    expect(cleanBodyText(`Library stays open\n\n${PROSE}`, { headline: "Library stays open" })).toBe(PROSE);
  });

  it("keeps an interview's speaker lines, which look like CSS declarations to a careless eye", () => {
    const text = "Smith: We will build the bridge by spring.\nJones: Not without the money we were promised.\nSmith: The money is there.";
    expect(cleanBodyText(text)).toBe(text);
  });

  it("keeps ordinary sentences that mention the same words", () => {
    const text = "Reuters reported that the channel would advertise on Telegram next year, according to two people familiar with the plan who asked not to be named.";
    expect(cleanBodyText(text)).toBe(text);
  });
});
