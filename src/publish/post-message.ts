/**
 * How a channel post goes out: which Bot API method, with which text and options. Pure: the
 * outbox sends it, editors' previews show it, and corrections edit it the same way.
 */
import type { LinkPreviewOptions } from "grammy/types";

import type { PostMedia } from "../config.js";
import type { PostRecord } from "../db/channel-posts.js";
import { sourceNameOf } from "../ingest/source-name.js";
import { formatPost, postLink, TELEGRAM_CAPTION_LIMIT, type PostContent, type PostFormat } from "./format-post.js";
import { TELEGRAM_TEXT_LIMIT } from "./telegram-html.js";

/** What a post is made of: its article (an editor's photo wins over the image) and whether it is breaking news. */
export type PostSubject = Pick<PostRecord, "id" | "breaking"> & {
  article: Pick<PostRecord["article"], "url" | "headline" | "summary" | "topics" | "imageUrl" | "editorImage" | "sourceName" | "feedTitle">;
};

/** The channel's presentation settings (POST_MEDIA, SILENT_POSTS, the format, PUBLIC_URL). */
export interface PostStyle {
  media: PostMedia;
  silent: boolean;
  format: PostFormat;
  publicUrl: string | null;
}

/** A post ready to send: sendPhoto with a caption, or sendMessage with (or without) a link preview. */
export type PostMessage =
  | { media: "photo"; photo: string; caption: string; disableNotification: boolean }
  | { media: "preview" | "text"; text: string; linkPreview: LinkPreviewOptions; disableNotification: boolean };

/** A post sent as a message (with or without its link preview), not as a photo. */
export type TextPostMessage = Extract<PostMessage, { media: "preview" | "text" }>;

/** The picture a post shows: the editor's photo, else the story's image, else none. */
export function postImage(article: Pick<PostSubject["article"], "editorImage" | "imageUrl">): string | null {
  return article.editorImage || article.imageUrl || null;
}

/**
 * The message for a post. `media` forces a way (the outbox falls back to "preview" when
 * Telegram refuses the picture); otherwise POST_MEDIA decides, and "photo" without a picture
 * is "preview". Breaking news always notifies. `reserve` keeps that many characters of
 * Telegram's limit free for text that follows the post (an editor's card lines): only the
 * summary is shortened to make room.
 */
export function planPostMessage(post: PostSubject, style: PostStyle, media: PostMedia = style.media, reserve = 0): PostMessage {
  const content = postContent(post, style);
  const disableNotification = style.silent && !post.breaking;
  const photo = postImage(post.article);
  if (media === "photo" && photo) {
    return { media: "photo", photo, caption: formatPost(content, style.format, TELEGRAM_CAPTION_LIMIT - reserve), disableNotification };
  }
  const text = formatPost(content, style.format, TELEGRAM_TEXT_LIMIT - reserve);
  if (media === "text") return { media: "text", text, linkPreview: { is_disabled: true }, disableNotification };
  // The article's own page, not the redirect: Telegram builds the preview from the page's tags.
  return { media: "preview", text, linkPreview: { url: post.article.url, prefer_large_media: true, show_above_text: true }, disableNotification };
}

/** The post as a message without its picture: as planned in "text" mode, else as a preview (the outbox's fallback when Telegram refuses the picture). */
export function planTextMessage(post: PostSubject, style: PostStyle, reserve = 0): TextPostMessage {
  return planPostMessage(post, style, style.media === "text" ? "text" : "preview", reserve) as TextPostMessage;
}

/**
 * The message that replaces a sent post's, when an editor corrects it: the same kind it went
 * out as (a photo's caption, or a text with the same preview setting; "preview" for posts
 * sent before the kind was recorded).
 */
export function planPostEdit(post: PostSubject & { media: string | null }, style: PostStyle): PostMessage {
  if (post.media === "photo") {
    const photo = postImage(post.article) ?? "";
    return { media: "photo", photo, caption: formatPost(postContent(post, style), style.format, TELEGRAM_CAPTION_LIMIT), disableNotification: false };
  }
  return planPostMessage(post, style, post.media === "text" ? "text" : "preview");
}

function postContent(post: PostSubject, style: PostStyle): PostContent {
  return {
    headline: post.article.headline,
    summary: post.article.summary,
    link: postLink(post.id, post.article.url, style.publicUrl),
    topics: post.article.topics,
    source: sourceNameOf(post.article),
    breaking: post.breaking,
  };
}

/** The HTML of a post's message (its caption or its text), as an editor would read it. */
export function postHtml(message: PostMessage): string {
  return message.media === "photo" ? message.caption : message.text;
}
