// Scripts, styles, SVG and comments are often half a page's bytes and never article text;
// cutting them from the string is far cheaper than building DOM nodes Readability then deletes.
const INERT =
  /<script\b(?![^>]*application\/ld\+json)[^>]*>[\s\S]*?<\/script\s*>|<style\b[^>]*>[\s\S]*?<\/style\s*>|<svg\b[^>]*>[\s\S]*?<\/svg\s*>|<!--[\s\S]*?-->/gi;

/** Removes scripts (except JSON-LD), styles, inline SVG and comments from an HTML string. */
export function stripInertMarkup(html: string): string {
  return html.replace(INERT, " ");
}
