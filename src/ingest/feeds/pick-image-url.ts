import type { MediaNs } from "feedsmith";

import { resolveLink } from "./resolve-link.js";

/** An image candidate in the order the feed's formats suggest; `type` is a MIME type if known. */
export interface ImageCandidate {
  url: string | null | undefined;
  type?: string | null | undefined;
}

const imageExtension = /\.(?:jpe?g|png|gif|webp|avif)(?:$|[?#])/i;

function isImageType(type: string | null | undefined): boolean {
  return typeof type === "string" && type.toLowerCase().startsWith("image/");
}

/**
 * Lists the Media RSS images of an item, best first: media:content marked as an
 * image, then thumbnails, then media:content without a type that looks like an
 * image file (many news feeds leave the type out).
 */
export function mediaImageCandidates(media: MediaNs.ItemOrFeed | undefined): ImageCandidate[] {
  if (!media) return [];
  const contents = [...(media.contents ?? []), ...(media.groups ?? []).flatMap((group) => group.contents ?? [])];
  const typed = contents.filter((content) => content.medium === "image" || isImageType(content.type));
  const thumbnails = [
    ...(media.thumbnails ?? []),
    ...contents.flatMap((content) => content.thumbnails ?? []),
    ...(media.groups ?? []).flatMap((group) => group.thumbnails ?? []),
  ];
  const untyped = contents.filter(
    (content) => content.medium === undefined && content.type === undefined && imageExtension.test(content.url ?? ""),
  );
  return [
    ...typed.map((content) => ({ url: content.url })),
    ...thumbnails.map((thumbnail) => ({ url: thumbnail.url })),
    ...untyped.map((content) => ({ url: content.url })),
  ];
}

/**
 * Returns the first usable image URL, absolute. Candidates with a MIME type
 * must be images; those without one are taken as given.
 */
export function pickImageUrl(candidates: readonly ImageCandidate[], base: string): string | null {
  for (const candidate of candidates) {
    if (candidate.type !== undefined && candidate.type !== null && !isImageType(candidate.type)) continue;
    const url = resolveLink(candidate.url, base);
    if (url) return url;
  }
  return null;
}
