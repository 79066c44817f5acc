import { delay, http, HttpResponse } from "msw";
import { afterEach, describe, expect, it } from "vitest";

import { createFetcher, parsePrivateAddressPolicy, type Fetcher } from "../../../src/ingest/fetch/create-fetcher.js";
import { createLlmSummariser, MAX_BODY_CHARS } from "../../../src/ingest/summary/llm-summariser.js";
import { server } from "../../support/msw.js";
import { publicLookup } from "../../support/web.js";

const URL_BASE = "https://llm.test/v1";
const ENDPOINT = `${URL_BASE}/chat/completions`;
const API_KEY = "sk-test-secret-123";

const article = {
  headline: "Bank of England holds rates",
  body: "The Bank of England held interest rates at 5.25% on Thursday.\n\nPolicymakers voted 6-3.",
  fallback: "The Bank of England held interest rates at 5.25% on Thursday.",
};

const completion = (content: string | null) => ({
  id: "chatcmpl-1",
  object: "chat.completion",
  choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: "stop" }],
});

const fetchers: Fetcher[] = [];
afterEach(async () => {
  await Promise.all(fetchers.splice(0).map((fetcher) => fetcher.close()));
});

/** The app's guarded fetcher, with DNS answering a public address for every name. */
function guardedFetcher(allowPrivateUrls = "", requestTimeoutMs = 5_000): Fetcher {
  const fetcher = createFetcher(
    {
      allowPrivate: parsePrivateAddressPolicy(allowPrivateUrls),
      userAgent: "NewsdeskTest/1.0",
      connectTimeoutMs: 1_000,
      requestTimeoutMs,
      maxFeedBytes: 1024 * 1024,
      maxPageBytes: 1024 * 1024,
    },
    { lookup: publicLookup },
  );
  fetchers.push(fetcher);
  return fetcher;
}

function makeSummariser(
  overrides: {
    url?: string;
    apiKey?: string | null;
    timeoutMs?: number;
    maxChars?: number;
    allowPrivateUrls?: string;
    fetchTimeoutMs?: number;
  } = {},
) {
  const reasons: string[] = [];
  const summarise = createLlmSummariser(
    {
      url: overrides.url ?? URL_BASE,
      model: "gpt-test",
      apiKey: overrides.apiKey === undefined ? API_KEY : overrides.apiKey,
      timeoutMs: overrides.timeoutMs ?? 2_000,
      maxChars: overrides.maxChars ?? 200,
    },
    { fetcher: guardedFetcher(overrides.allowPrivateUrls, overrides.fetchTimeoutMs), onFallback: (reason) => reasons.push(reason) },
  );
  return { summarise, reasons };
}

describe("createLlmSummariser", () => {
  it("posts the article to {url}/chat/completions and returns the model's summary", async () => {
    let seen: { body: unknown; authorization: string | null; contentType: string | null } | undefined;
    server.use(
      http.post(ENDPOINT, async ({ request }) => {
        seen = {
          body: await request.json(),
          authorization: request.headers.get("authorization"),
          contentType: request.headers.get("content-type"),
        };
        return HttpResponse.json(completion("  The Bank of England held rates at 5.25%, with a 6-3 vote.  "));
      }),
    );
    const { summarise, reasons } = makeSummariser();

    await expect(summarise(article)).resolves.toBe("The Bank of England held rates at 5.25%, with a 6-3 vote.");
    expect(reasons).toEqual([]);
    expect(seen?.authorization).toBe(`Bearer ${API_KEY}`);
    expect(seen?.contentType).toBe("application/json");
    expect(seen?.body).toEqual({
      model: "gpt-test",
      messages: [
        {
          role: "system",
          content:
            "You summarise news articles for a newsroom's Telegram channel. " +
            "Write a factual summary of 1 to 3 sentences, under 200 characters in total. " +
            "Use only facts stated in the article. No preamble, no headline, no quotation marks around the summary, no markdown.",
        },
        {
          role: "user",
          content:
            "Headline: Bank of England holds rates\n\nArticle:\nThe Bank of England held interest rates at 5.25% on Thursday.\n\nPolicymakers voted 6-3.",
        },
      ],
      temperature: 0.2,
    });
  });

  it("sends no Authorization header when there is no API key (local servers)", async () => {
    let authorization: string | null = "unset";
    server.use(
      http.post(ENDPOINT, ({ request }) => {
        authorization = request.headers.get("authorization");
        return HttpResponse.json(completion("Rates were held at 5.25%."));
      }),
    );
    const { summarise } = makeSummariser({ apiKey: null });
    await expect(summarise(article)).resolves.toBe("Rates were held at 5.25%.");
    expect(authorization).toBeNull();
  });

  it("truncates a very long body at a word boundary before sending it", async () => {
    let userContent = "";
    server.use(
      http.post(ENDPOINT, async ({ request }) => {
        const body = (await request.json()) as { messages: { content: string }[] };
        userContent = body.messages[1]!.content;
        return HttpResponse.json(completion("A long story, summarised."));
      }),
    );
    const { summarise } = makeSummariser();
    await summarise({ ...article, body: "word ".repeat(5_000) });
    const sentBody = userContent.split("Article:\n")[1]!;
    expect(sentBody.length).toBeLessThanOrEqual(MAX_BODY_CHARS);
    expect(sentBody.endsWith("word")).toBe(true);
  });

  it("falls back to the extractive summary when the endpoint is too slow", async () => {
    server.use(
      http.post(ENDPOINT, async () => {
        await delay(1_000);
        return HttpResponse.json(completion("Too late."));
      }),
    );
    const { summarise, reasons } = makeSummariser({ timeoutMs: 20 });
    await expect(summarise(article)).resolves.toBe(article.fallback);
    expect(reasons).toEqual(["timed out after 20 ms"]);
  });

  it("waits for a slow model as long as SUMMARY_LLM_TIMEOUT_MS allows, even past FETCH_TIMEOUT_MS", async () => {
    server.use(
      http.post(ENDPOINT, async () => {
        await delay(300);
        return HttpResponse.json(completion("Rates were held."));
      }),
    );
    const { summarise, reasons } = makeSummariser({ timeoutMs: 5_000, fetchTimeoutMs: 100 });
    await expect(summarise(article)).resolves.toBe("Rates were held.");
    expect(reasons).toEqual([]);
  });

  it("falls back when the endpoint answers 500", async () => {
    server.use(http.post(ENDPOINT, () => HttpResponse.json({ error: { message: "boom" } }, { status: 500 })));
    const { summarise, reasons } = makeSummariser();
    await expect(summarise(article)).resolves.toBe(article.fallback);
    expect(reasons).toEqual(["HTTP 500 from the summary endpoint"]);
  });

  it("falls back when the answer is not JSON", async () => {
    server.use(http.post(ENDPOINT, () => new HttpResponse("{ not json", { headers: { "content-type": "application/json" } })));
    const { summarise, reasons } = makeSummariser();
    await expect(summarise(article)).resolves.toBe(article.fallback);
    expect(reasons).toEqual(["answer is not JSON"]);
  });

  it("falls back when the JSON is not a chat completion", async () => {
    server.use(http.post(ENDPOINT, () => HttpResponse.json({ choices: [] })));
    const { summarise, reasons } = makeSummariser();
    await expect(summarise(article)).resolves.toBe(article.fallback);
    expect(reasons).toEqual(["answer is not a chat completion"]);
  });

  it("falls back when the model answers with empty text", async () => {
    server.use(http.post(ENDPOINT, () => HttpResponse.json(completion("   "))));
    const { summarise, reasons } = makeSummariser();
    await expect(summarise(article)).resolves.toBe(article.fallback);
    expect(reasons).toEqual(["empty answer"]);
  });

  it("cuts an over-long answer at its last whole sentence that fits, without reporting a fallback", async () => {
    const answer =
      "The Bank of England held interest rates at 5.25% on Thursday. Policymakers voted six to three, with three members backing a cut to 5%. Markets had expected the decision.";
    server.use(http.post(ENDPOINT, () => HttpResponse.json(completion(answer))));
    const { summarise, reasons } = makeSummariser({ maxChars: 140 });
    await expect(summarise(article)).resolves.toBe(
      "The Bank of England held interest rates at 5.25% on Thursday. Policymakers voted six to three, with three members backing a cut to 5%.",
    );
    expect(reasons).toEqual([]);
  });

  it("falls back when not even the first sentence of an over-long answer fits", async () => {
    const answer =
      "The Bank of England, under pressure from businesses and homeowners alike, held interest rates at 5.25% on Thursday for a third month.";
    server.use(http.post(ENDPOINT, () => HttpResponse.json(completion(answer))));
    const { summarise, reasons } = makeSummariser({ maxChars: 60 });
    await expect(summarise(article)).resolves.toBe(article.fallback);
    expect(reasons).toEqual([`answer of ${answer.length} chars exceeds 60`]);
  });

  it("strips a 'Summary:' label the model added despite the prompt", async () => {
    server.use(http.post(ENDPOINT, () => HttpResponse.json(completion("Summary: Rates were held at 5.25%."))));
    const { summarise } = makeSummariser();
    await expect(summarise(article)).resolves.toBe("Rates were held at 5.25%.");
  });

  it("never puts the API key in a fallback reason, even when the network error quotes it", async () => {
    const reasons: string[] = [];
    const failing = { postJson: () => Promise.reject(new TypeError(`connect failed for key ${API_KEY}`)) };
    const summarise = createLlmSummariser(
      { url: URL_BASE, model: "gpt-test", apiKey: API_KEY, timeoutMs: 1_000, maxChars: 200 },
      { fetcher: failing, onFallback: (reason) => reasons.push(reason) },
    );
    await expect(summarise(article)).resolves.toBe(article.fallback);
    expect(reasons).toEqual(["request failed: connect failed for key [redacted]"]);
    expect(reasons.join(" ")).not.toContain(API_KEY);
  });

  it("does not call the endpoint for an empty article", async () => {
    const { summarise, reasons } = makeSummariser();
    await expect(summarise({ ...article, body: "  " })).resolves.toBe(article.fallback);
    expect(reasons).toEqual(["empty article"]);
  });

  it("keeps only the plain text of an answer: tags, entities, Markdown and invisible characters are not passed on", async () => {
    const answer =
      'Summary: **Rates** <b>held</b> at 5.25% &amp; <a href="https://evil.example/">markets</a> rallied;\u202Egnirts\u202C inflation < 3% `per` [the bank](https://evil.example/x).\u0007';
    server.use(http.post(ENDPOINT, () => HttpResponse.json(completion(answer))));
    const { summarise, reasons } = makeSummariser();
    await expect(summarise(article)).resolves.toBe("Rates held at 5.25% & markets rallied; gnirts inflation < 3% per the bank.");
    expect(reasons).toEqual([]);
  });

  it.each([
    ["http://127.0.0.1:11434/v1", "http://127.0.0.1:11434/v1/chat/completions: 127.0.0.1 is a loopback address"],
    ["http://10.0.0.8/v1", "http://10.0.0.8/v1/chat/completions: 10.0.0.8 is a private address"],
    ["http://169.254.169.254/v1", "http://169.254.169.254/v1/chat/completions: 169.254.169.254 is a link-local address"],
  ])("refuses an endpoint at %s without contacting it, and says why once", async (url, why) => {
    let hits = 0;
    server.use(
      http.post(`${url}/chat/completions`, () => {
        hits++;
        return HttpResponse.json(completion("Should never be read."));
      }),
    );
    const { summarise, reasons } = makeSummariser({ url });
    await expect(summarise(article)).resolves.toBe(article.fallback);
    await expect(summarise({ ...article, fallback: "Another story." })).resolves.toBe("Another story.");
    expect(reasons).toEqual([`refused ${why}; set ALLOW_PRIVATE_URLS to allow it`]);
    expect(hits).toBe(0);
  });

  it("reaches a local endpoint that ALLOW_PRIVATE_URLS allows", async () => {
    server.use(http.post("http://127.0.0.1:11434/v1/chat/completions", () => HttpResponse.json(completion("Rates were held."))));
    const { summarise, reasons } = makeSummariser({ url: "http://127.0.0.1:11434/v1", allowPrivateUrls: "127.0.0.1:11434" });
    await expect(summarise(article)).resolves.toBe("Rates were held.");
    expect(reasons).toEqual([]);
  });

  it("falls back when the answer is larger than 64 KiB, without reading the rest", async () => {
    server.use(http.post(ENDPOINT, () => HttpResponse.json(completion("word ".repeat(20_000)))));
    const { summarise, reasons } = makeSummariser();
    await expect(summarise(article)).resolves.toBe(article.fallback);
    expect(reasons).toEqual(["https://llm.test/v1/chat/completions is larger than the 65536-byte limit"]);
  });
});
