import { describe, expect, it } from "vitest";

import { isBoilerplate } from "../../../src/ingest/summary/is-boilerplate.js";

describe("isBoilerplate", () => {
  it.each([
    ["a wire dateline alone", "LONDON, Sept 11 (Reuters) -"],
    ["an AP dateline alone", "WASHINGTON (AP) —"],
    ["an agency tag alone", "(Reuters) -"],
    ["a date line", "September 11, 2024"],
    ["a published/updated stamp", "Published: 10:32 AM EDT, Tue September 10, 2024"],
    ["a Guardian-style timestamp", "Tue 10 Sep 2024 14.02 BST"],
    ["a byline", "By Jane Doe"],
    ["a byline with role", "By Jane Doe, Political Correspondent, in Westminster"],
    ["a name and agency", "Jane Doe, Reuters"],
    ["two names and agency", "Jane Doe and John Roe | Associated Press"],
    ["a Reuters trailer", "Reporting by Jane Doe; Editing by John Roe"],
    ["a photo credit", "PHOTO: REUTERS"],
    ["a file-photo caption", "FILE PHOTO: A man walks past a bank in Tokyo, Japan, May 3, 2024. REUTERS/Kim Kyung-Hoon/File Photo"],
    ["a '(Photo by …)' caption", "(Photo by Sam Lee/AFP via Getty Images)"],
    ["a caption ending in Getty Images", "Protesters gather outside parliament on Monday. Getty Images"],
    ["an image caption label", "Image caption, Daniel Reeve arriving at the Crown Court in Southgate in November last year"],
    ["a caption with a '(Photo: …)' credit", "Passengers wait in the departures hall on Friday morning. (Photo: Jon Marsh)"],
    ["an advertisement marker", "Advertisement"],
    ["a story-continues marker", "Story continues below advertisement"],
    ["a Telegram promo", "Join our Telegram channel for breaking news updates."],
    ["a newsletter promo", "Sign up for our newsletter and get the day's top stories."],
    ["a read-also link", "Read also: Five things to know about the budget"],
    ["a click-here promo", "Click here to watch the full interview."],
    ["a follow-us promo", "Follow us on Facebook, X and Instagram."],
    ["a WordPress trailer", "The post Council approves cycle lane appeared first on City News."],
    ["a one-word fragment", "Share"],
    ["a reading-time fragment", "2 min read"],
    ["an all-caps label", "BREAKING NEWS UPDATE"],
    ["a sub-heading", "What happens next"],
  ])("drops %s", (_label, line) => {
    expect(isBoilerplate(line)).toBe(true);
  });

  it.each([
    ["a sentence opened by a dateline", "SEOUL – North Korea fired a missile on Tuesday, officials said."],
    ["a wire lede", "LONDON, Sept 11 (Reuters) - Britain's economy grew 0.5% in July, data showed on Wednesday."],
    ["a sentence quoting an agency", "The minister told Reuters that talks would resume next week."],
    ["a sentence starting with 'By'", "By Tuesday evening, more than 2,000 people had been evacuated."],
    ["a short real sentence", "Police are investigating."],
    ["a sentence about a date", "The election will be held on September 11, 2025, the commission said."],
    ["a sentence about following", "Following the vote, the party leader resigned with immediate effect."],
    ["a sentence with an initialism", "US, UK and EU officials agreed the deal on Friday."],
  ])("keeps %s", (_label, line) => {
    expect(isBoilerplate(line)).toBe(false);
  });

  it("drops the headline when it is repeated as body text", () => {
    expect(isBoilerplate("Minimum wage to rise by 6.7%", "Minimum Wage to Rise by 6.7%")).toBe(true);
  });
});
