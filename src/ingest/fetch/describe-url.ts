/**
 * A URL fit for logs and error messages: no user info, and the query string
 * and fragment hidden, because feed URLs often carry API keys there.
 */
export function describeUrl(url: string | URL): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return "(invalid URL)";
  }
  const query = parsed.search === "" ? "" : "?…";
  return `${parsed.protocol}//${parsed.host}${parsed.pathname}${query}`;
}
