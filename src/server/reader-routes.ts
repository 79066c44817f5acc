/** HTTP routes for readers: the click-counting redirect behind "Read more". */
import type { ServerResponse } from "node:http";

import type { Config } from "../config.js";
import type { EngagementRepository } from "../db/engagement.js";
import { isLikelyBot } from "../readers/is-likely-bot.js";
import { clientAddress, parseTrustedProxies } from "./client-address.js";
import type { Route } from "./create-server.js";

const NOT_FOUND_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Story not found</title></head>
<body><h1>Story not found</h1><p>This link does not lead to any story in our channel. It may have been mistyped, or the story was taken down.</p></body></html>
`;

function notFound(res: ServerResponse): void {
  res.writeHead(404, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
  res.end(NOT_FOUND_PAGE);
}

/** The post id in "/r/<id>"; null unless it is a plain positive number. */
export function parseRedirectPath(pathname: string): number | null {
  const match = /^\/r\/([1-9]\d{0,9})\/?$/.exec(pathname);
  if (!match?.[1]) return null;
  const id = Number(match[1]);
  return id <= 2_147_483_647 ? id : null;
}

/** The URL in its encoded form (a Location header must be ASCII); null unless http(s). */
function httpUrl(text: string): string | null {
  try {
    const url = new URL(text);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * GET /r/<postId>: answers 302 to the stored article URL of a post that is in the
 * channel, and a 404 page for any other post. Only ever redirects to that URL (never
 * to anything taken from the request), and only to http(s). A reader's click counts
 * once per post and hour; their address is read through TRUST_PROXY's proxies.
 * Robots are redirected but not counted.
 */
export function createReaderRoutes(deps: {
  engagement: EngagementRepository;
  config: Pick<Config, "trustProxy">;
  now: () => Date;
}): Route[] {
  const { engagement } = deps;
  const trustedProxies = parseTrustedProxies(deps.config.trustProxy);
  return [
    {
      method: "GET",
      path: /^\/r\//,
      async handler(req, res, url) {
        const postId = parseRedirectPath(url.pathname);
        if (postId === null) return notFound(res);
        const reader = isLikelyBot(req.headers["user-agent"])
          ? null
          : clientAddress(req.socket.remoteAddress, req.headers["x-forwarded-for"], trustedProxies);
        const target = await engagement.followLink(postId, { reader, now: deps.now() });
        const location = target ? httpUrl(target) : null;
        if (!location) return notFound(res);
        res.writeHead(302, { location, "cache-control": "no-store", "content-type": "text/plain; charset=utf-8" });
        res.end(`Redirecting to ${location}\n`);
      },
    },
  ];
}
