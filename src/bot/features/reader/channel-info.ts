/**
 * The channel /start names and links to: its title and its t.me address (or, for a
 * private channel, the invite link Telegram gives the bot), read with getChat once and
 * kept. When Telegram cannot say, /start welcomes without naming it and asks again later.
 */
import type { Api } from "grammy";

import type { ChatRef } from "../../../config.js";
import type { Logger } from "../../../logger.js";
import { describeError } from "../../../ops/describe-error.js";

export interface ChannelInfo {
  title: string;
  /** https://t.me/<username>, else the invite link; null when the channel has neither. */
  link: string | null;
}

/** After a failed getChat, /start goes without the channel's name this long before asking again. */
const RETRY_AFTER_MS = 10 * 60_000;

export interface ChannelInfoCache {
  /** The channel's title and link, from the first answer Telegram gave; null while unknown. */
  get(api: Pick<Api, "getChat">): Promise<ChannelInfo | null>;
}

export function createChannelInfoCache(deps: { channelId: ChatRef; logger: Logger; now: () => Date }): ChannelInfoCache {
  let known: ChannelInfo | null = null;
  let retryAt = 0;
  let asking: Promise<ChannelInfo | null> | null = null;
  const ask = async (api: Pick<Api, "getChat">): Promise<ChannelInfo | null> => {
    try {
      const chat = await api.getChat(deps.channelId);
      if (typeof chat !== "object" || !("title" in chat) || typeof chat.title !== "string") throw new Error("getChat gave no title");
      const username = "username" in chat && typeof chat.username === "string" ? chat.username : null;
      known = { title: chat.title, link: username ? `https://t.me/${username}` : (chat.invite_link ?? null) };
      return known;
    } catch (error) {
      retryAt = deps.now().getTime() + RETRY_AFTER_MS;
      deps.logger.warn({ ...describeError(error), channelId: deps.channelId }, "could not read the channel's title for /start; welcoming without it");
      return null;
    }
  };
  return {
    async get(api) {
      if (known) return known;
      if (deps.now().getTime() < retryAt) return null;
      asking ??= ask(api).finally(() => (asking = null));
      return asking;
    },
  };
}
