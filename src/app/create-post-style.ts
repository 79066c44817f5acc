/** The channel's post style, from the configuration and the channel's language. */
import type { Config } from "../config.js";
import type { Translate } from "../i18n/translate.js";
import { createPostFormat } from "../publish/format-post.js";
import type { PostStyle } from "../publish/post-message.js";

/**
 * How channel posts look and sound, for the outbox, previews and edits alike: POST_MEDIA,
 * SILENT_POSTS, PUBLIC_URL, and POST_TEMPLATE or the default layout with its link's words
 * in CHANNEL_LANGUAGE (`translate` is that language's translator).
 */
export function createPostStyle(config: Config, translate: Translate): PostStyle {
  return {
    media: config.posts.media,
    silent: config.posts.silent,
    publicUrl: config.publicUrl,
    format: createPostFormat({ template: config.posts.template, readMore: translate("post-read-more"), breakingMarker: config.posts.breakingMarker }),
  };
}
