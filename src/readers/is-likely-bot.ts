/**
 * Whether a request to the click redirect comes from a robot rather than a reader:
 * Telegram fetches every link of a channel post to build its preview, and search
 * engines and link checkers follow links too. Those must not count as reads.
 */
const BOT_USER_AGENT = /bot|crawl|spider|slurp|preview|facebookexternalhit|embedly|curl|wget|python-requests|go-http-client|headless/i;

export function isLikelyBot(userAgent: string | undefined): boolean {
  if (!userAgent || userAgent.trim() === "") return true;
  return BOT_USER_AGENT.test(userAgent);
}
