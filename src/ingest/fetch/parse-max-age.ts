/**
 * The max-age of a Cache-Control header, in seconds; null when absent, unreadable, or when
 * `no-cache`/`no-store` say the answer must not be reused (then only the poll interval counts).
 */
export function parseMaxAge(cacheControl: string | null): number | null {
  if (cacheControl === null) return null;
  const directives = cacheControl.toLowerCase().split(",").map((d) => d.trim());
  if (directives.some((d) => d === "no-cache" || d === "no-store")) return null;
  for (const directive of directives) {
    const match = /^max-age\s*=\s*"?(\d+)"?$/.exec(directive);
    if (match) return Number(match[1]);
  }
  return null;
}
