// Every DOM node costs linkedom an object, an event-listener table and garbage collection, and
// costs Readability a visit. Markup that can never be article text or a signal the extractor
// reads is cheaper to cut from the string than to build and then delete.

// Scripts (JSON-LD kept for metadata), styles, inline SVG and comments: often half a page's bytes.
const INERT_ELEMENTS =
  /<script\b(?![^>]*application\/ld\+json)[^>]*>[\s\S]*?<\/script\s*>|<style\b[^>]*>[\s\S]*?<\/style\s*>|<svg\b[^>]*>[\s\S]*?<\/svg\s*>|<!--[\s\S]*?-->/gi;

// Indentation next to a block-level tag is a text node per line that renders as nothing. Spaces
// between inline tags ("<b>Kim</b> <i>Jong</i>") separate words and stay.
const BLOCK_TAGS =
  "address|article|aside|blockquote|body|dd|div|dl|dt|figcaption|figure|footer|form|h[1-6]|head|header|html|li|link|main|meta|nav|ol|option|p|section|select|table|tbody|td|tfoot|th|thead|title|tr|ul";
const WHITESPACE_AT_BLOCK_TAG = new RegExp(
  `(<\\/?(?:${BLOCK_TAGS})\\b[^<>]*>)\\s+(?=<)|>\\s+(?=<\\/?(?:${BLOCK_TAGS})\\b)`,
  "gi",
);

// Attributes neither Readability nor the metadata reader looks at, and the most numerous ones:
// data-*, event handlers, responsive-image lists, sizes, link targets, alt and title texts.
const UNREAD_ATTRIBUTE_NAMES = "data-[\\w:.-]*|on[a-z]+|srcset|sizes|target|tabindex|width|height|alt|title|loading|decoding";
const TAG_WITH_UNREAD_ATTRIBUTE = new RegExp(`<[a-zA-Z][^<>]*\\s(?:${UNREAD_ATTRIBUTE_NAMES})\\s*=[^<>]*>`, "gi");
const UNREAD_ATTRIBUTE = new RegExp(
  `\\s(?:${UNREAD_ATTRIBUTE_NAMES})\\s*=\\s*(?:"[^"]*"|'[^']*'|[^\\s"'=<>\`]+)(?=[\\s/>])`,
  "gi",
);

/**
 * Cuts what extraction never reads from an HTML string: scripts (except JSON-LD), styles, inline
 * SVG, comments, indentation around block tags and unread attributes.
 */
export function stripInertMarkup(html: string): string {
  return html
    .replace(INERT_ELEMENTS, " ")
    .replace(WHITESPACE_AT_BLOCK_TAG, (_gap, tag: string | undefined) => tag ?? ">")
    .replace(TAG_WITH_UNREAD_ATTRIBUTE, (tag) => tag.replace(UNREAD_ATTRIBUTE, ""));
}
