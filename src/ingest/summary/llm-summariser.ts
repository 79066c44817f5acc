import { z } from "zod";

import type { Fetcher, JsonAnswer } from "../fetch/create-fetcher.js";
import { FetchError } from "../fetch/fetch-error.js";
import { htmlToLine } from "../feeds/html-to-line.js";
import { collapseWhitespace } from "../normalise-text.js";
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
 * Abstractive summaries through an OpenAI-compatible chat endpoint, reached through
 * the guarded fetcher like any other URL (a private or loopback address is refused
 * unless ALLOW_PRIVATE_URLS allows it). On a refused address, timeout, HTTP error,
 * empty or over-long answer it returns `fallback` (the extractive summary) and
 * reports why through onFallback — a refused address only the first time, since it
 * is the same configuration problem for every article.
 *
 * The answer is taken as plain text: markup and control characters are dropped
 * (posts escape whatever text is left).
 *
 * An answer longer than maxChars is cut at its last whole sentence that fits;
 * only when not even its first sentence fits is it thrown away for `fallback`.
 * Models miss a character budget by a little far more often than they write
 * nonsense, and a whole sentence of theirs is still a good summary.
 */
export function createLlmSummariser(
  options: LlmSummariserOptions,
  deps: { fetcher: Pick<Fetcher, "postJson">; onFallback?: (reason: string) => void },
): Summariser {
  let refusalReported = false;
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

    // SUMMARY_LLM_TIMEOUT_MS is the whole budget, a wait for Retry-After included: ingestion waits for it.
    const signal = AbortSignal.timeout(options.timeoutMs);
    let answer: JsonAnswer;
    try {
      answer = await deps.fetcher.postJson({ url: endpoint, body: request, headers, timeoutMs: options.timeoutMs, signal });
    } catch (error) {
      if (signal.aborted || (error instanceof FetchError && error.code === "timeout")) {
        return fallBack(fallback, `timed out after ${options.timeoutMs} ms`);
      }
      if (!(error instanceof FetchError)) {
        return fallBack(fallback, `request failed: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (error.code === "private_address") {
        if (refusalReported) return fallback;
        refusalReported = true;
      }
      const status = error.code === "http_status" ? (error.status ?? 0) : 0;
      return fallBack(fallback, status >= 400 ? `HTTP ${status} from the summary endpoint` : error.message);
    }

    let payload: unknown;
    try {
      payload = JSON.parse(answer.text);
    } catch {
      return fallBack(fallback, "answer is not JSON");
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

/** Invisible characters that can reorder or hide text: controls, bidi overrides and isolates, zero-width space, BOM. */
const INVISIBLE = /[\p{Cc}\u200B\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/gu;

/**
 * Plain text of the model's answer: HTML tags dropped and entities decoded, Markdown emphasis,
 * code and link syntax reduced to their words, invisible characters removed. Models also
 * sometimes add a label or wrap the answer in quotes despite the prompt.
 */
function cleanAnswer(content: string): string {
  let text = htmlToLine(content)
    .replace(INVISIBLE, " ")
    .replace(/\[([^\]]*)\]\([^)\s]*\)/g, "$1")
    .replace(/(\*\*|__)(.+?)\1/g, "$2")
    .replace(/`+/g, "");
  text = collapseWhitespace(text);
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
