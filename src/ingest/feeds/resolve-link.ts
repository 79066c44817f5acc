/**
 * Resolves a link from a feed against its base and keeps it only if it is an
 * http(s) URL: a `javascript:` or `data:` link from a feed must never reach a post.
 */
export function resolveLink(href: string | null | undefined, base: string | null | undefined): string | null {
  const trimmed = href?.trim();
  if (!trimmed) return null;
  let resolved: URL;
  try {
    resolved = base ? new URL(trimmed, base) : new URL(trimmed);
  } catch {
    return null;
  }
  return resolved.protocol === "http:" || resolved.protocol === "https:" ? resolved.href : null;
}

/** Resolves a (possibly relative) xml:base against the base above it. */
export function resolveBase(xmlBase: string | null | undefined, parentBase: string): string {
  const trimmed = xmlBase?.trim();
  if (!trimmed) return parentBase;
  try {
    return new URL(trimmed, parentBase).href;
  } catch {
    return parentBase;
  }
}
