import { z } from "zod";

import { cutAtSentence } from "./summarise.js";

/** Where and how to ask an OpenAI-compatible chat endpoint for summaries. */
export interface LlmSummariserOptions {
  /** OpenAI-compatible base, e.g. https://api.openai.com/v1 (POST {url}/chat/completions). */
  url: string;
  model: string;
  apiKey: string | null;
  timeoutMs: number;
  maxChars: number;
}

/** Turns an article into a summary; never rejects. */
export type Summariser = (article: { headline: string; body: string; fallback: string }) => Promise<string>;

/** Enough for any news story's substance, and well inside small models' context windows. */
export const MAX_BODY_CHARS = 12_000;

const ChatCompletion = z.object({
  choices: z
    .array(z.object({ message: z.object({ content: z.string().nullable().optional() }) }))
    .min(1),
});

/**
 * Abstractive summaries through an OpenAI-compatible chat endpoint; on timeout,
 * HTTP error, empty or over-long answer it returns `fallback` (the extractive
 * summary) and reports why through onFallback.
 *
 * An answer longer than maxChars is cut at its last whole sentence that fits;
 * only when not even its first sentence fits is it thrown away for `fallback`.
 * Models miss a character budget by a little far more often than they write
 * nonsense, and a whole sentence of theirs is still a good summary.
 */
export function createLlmSummariser(
  options: LlmSummariserOptions,
  deps: { fetch?: typeof globalThis.fetch; onFallback?: (reason: string) => void } = {},
): Summariser {
  const fetchImpl = deps.fetch ?? globalThis.fetch;
  const endpoint = `${options.url.replace(/\/+$/, "")}/chat/completions`;
  const systemPrompt =
    `You summarise news articles for a newsroom's Telegram channel. ` +
    `Write a factual summary of 1 to 3 sentences, under ${options.maxChars} characters in total. ` +
    `Use only facts stated in the article. No preamble, no headline, no quotation marks around the summary, no markdown.`;

  const fallBack = (fallback: string, reason: string): string => {
    deps.onFallback?.(redact(reason, options.apiKey));
    return fallback;
  };

  return async ({ headline, body, fallback }) => {
    if (!body.trim()) return fallBack(fallback, "empty article");
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (options.apiKey) headers.authorization = `Bearer ${options.apiKey}`;
    const request = {
      model: options.model,
      messages: [
        { role: "system", content: systemPrompt },
        { role: "user", content: formatArticle(headline, body) },
      ],
      temperature: 0.2,
    };

    let response: Response;
    try {
      response = await fetchImpl(endpoint, {
        method: "POST",
        headers,
        body: JSON.stringify(request),
        signal: AbortSignal.timeout(options.timeoutMs),
      });
    } catch (error) {
      if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) {
        return fallBack(fallback, `timed out after ${options.timeoutMs} ms`);
      }
      return fallBack(fallback, `request failed: ${error instanceof Error ? error.message : String(error)}`);
    }

    if (!response.ok) {
      // Drained rather than cancelled so the connection can be reused; the timeout still bounds it.
      await response.text().catch(() => "");
      return fallBack(fallback, `HTTP ${response.status} from the summary endpoint`);
    }

    let payload: unknown;
    try {
      payload = await response.json();
    } catch (error) {
      const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
      return fallBack(fallback, timedOut ? `timed out after ${options.timeoutMs} ms` : "answer is not JSON");
    }
    const parsed = ChatCompletion.safeParse(payload);
    if (!parsed.success) return fallBack(fallback, "answer is not a chat completion");

    const text = cleanAnswer(parsed.data.choices[0]?.message.content ?? "");
    if (!text) return fallBack(fallback, "empty answer");
    if (text.length <= options.maxChars) return text;

    const cut = wholeSentencesWithin(text, options.maxChars);
    return cut || fallBack(fallback, `answer of ${text.length} chars exceeds ${options.maxChars}`);
  };
}

function formatArticle(headline: string, body: string): string {
  let text = body.trim();
  if (text.length > MAX_BODY_CHARS) {
    const cut = text.slice(0, MAX_BODY_CHARS);
    const space = cut.lastIndexOf(" ");
    text = space > 0 ? cut.slice(0, space) : cut;
  }
  return `Headline: ${headline.trim()}\n\nArticle:\n${text}`;
}

/** Models sometimes add a label or wrap the answer in quotes despite the prompt. */
function cleanAnswer(content: string): string {
  let text = content.replace(/\s+/g, " ").trim();
  text = text.replace(/^(?:\*\*)?(?:summary|tl;?dr)\s*:\s*(?:\*\*)?\s*/i, "");
  const quoted = /^["“](.*)["”]$/su.exec(text);
  if (quoted?.[1] && !/["“”]/u.test(quoted[1])) text = quoted[1].trim();
  return text;
}

function wholeSentencesWithin(text: string, maxChars: number): string {
  const cut = cutAtSentence(text, maxChars);
  // "…" marks cutAtSentence's word-boundary fallback; no closing punctuation marks
  // an answer cut off by the model's own token limit. Neither is a whole sentence.
  return cut.endsWith("…") || !/[.!?]["”’')\]]*$/u.test(cut) ? "" : cut;
}

function redact(reason: string, apiKey: string | null): string {
  return apiKey ? reason.split(apiKey).join("[redacted]") : reason;
}
