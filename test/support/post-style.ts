import { createPostFormat } from "../../src/publish/format-post.js";
import type { PostStyle } from "../../src/publish/post-message.js";

/** The default post style (POST_MEDIA=photo, silent, 🔴, the English layout), with overrides. */
export function testPostStyle(overrides: Partial<PostStyle> = {}): PostStyle {
  return {
    media: "photo",
    silent: true,
    publicUrl: null,
    format: createPostFormat({ template: null, readMore: "Read more", breakingMarker: "🔴" }),
    ...overrides,
  };
}
