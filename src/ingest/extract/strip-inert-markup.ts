// Every DOM node costs linkedom an object, an event-listener table and garbage collection, and
// costs Readability a visit. Markup that can never be article text or a signal the extractor
// reads is cheaper to cut from the string than to build and then delete.
//
// Every pattern here runs in linear time on hostile input (a page is up to PAGE_MAX_BYTES): an
// element left open runs to the end of the page, as it does in a browser, instead of being
// searched for again from every later opening.

// Scripts (JSON-LD kept for metadata), styles, inline SVG and comments: often half a page's bytes.
const INERT_ELEMENTS =
  /<script\b(?![^>]*application\/ld\+json)[^>]*>[\s\S]*?(?:<\/script\s*>|$)|<style\b[^>]*>[\s\S]*?(?:<\/style\s*>|$)|<svg\b[^>]*\/\s*>|<svg\b[^>]*>[\s\S]*?(?:<\/svg\s*>|$)|<!--[\s\S]*?(?:-->|$)/gi;

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
const UNREAD_ATTRIBUTE_NAME = /^(?:data-[\w:.-]*|on[a-z]+|srcset|sizes|target|tabindex|width|height|alt|title|loading|decoding)$/i;
const MAY_HAVE_UNREAD_ATTRIBUTE = /\s(?:data-|on[a-z]|srcset|sizes|target|tabindex|width|height|alt|title|loading|decoding)/i;
const TAG_WITH_ATTRIBUTES = /<([a-zA-Z][\w:-]*)(\s[^<>]*)>/g;
// One attribute at a time from the start, so a quoted value ("Why alt=text matters") is always
// read as a value and never searched for names.
const ATTRIBUTE = /([^\s"'<>/=]+)(\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]*))?/g;

function dropUnreadAttributes(tag: string, name: string, attributes: string): string {
  if (!MAY_HAVE_UNREAD_ATTRIBUTE.test(attributes)) return tag;
  let kept = "";
  for (const match of attributes.matchAll(ATTRIBUTE)) {
    if (!UNREAD_ATTRIBUTE_NAME.test(match[1]!)) kept += ` ${match[0]}`;
  }
  return `<${name}${kept}>`;
}

/**
 * Cuts what extraction never reads from an HTML string: scripts (except JSON-LD), styles, inline
 * SVG, comments, indentation around block tags and unread attributes.
 */
export function stripInertMarkup(html: string): string {
  return html
    .replace(INERT_ELEMENTS, " ")
    .replace(WHITESPACE_AT_BLOCK_TAG, (_gap, tag: string | undefined) => tag ?? ">")
    .replace(TAG_WITH_ATTRIBUTES, dropUnreadAttributes);
}
