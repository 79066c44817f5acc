/**
 * Which private/loopback destinations the operator allowed with ALLOW_PRIVATE_URLS:
 * all of them, or the listed hosts ("host" for any port, "host:port" for one).
 */
export type PrivateAddressPolicy = { allowAll: true } | { allowAll: false; hosts: string[] };

/** Parses ALLOW_PRIVATE_URLS: "" or unset (nothing), "true" (everything) or "host[:port],...". */
export function parsePrivateAddressPolicy(value: string | undefined): PrivateAddressPolicy {
  const trimmed = (value ?? "").trim();
  if (trimmed.toLowerCase() === "true") return { allowAll: true };
  const hosts = trimmed
    .split(",")
    .map((entry) => entry.trim().toLowerCase())
    .filter((entry) => entry !== "" && entry !== "false");
  return { allowAll: false, hosts };
}

function defaultPort(protocol: string): string {
  return protocol === "https:" ? "443" : "80";
}

/** True when the policy lets this URL reach a private address (exact host, or host:port). */
export function isUrlAllowedPrivate(policy: PrivateAddressPolicy, url: URL): boolean {
  if (policy.allowAll) return true;
  const host = url.hostname.toLowerCase();
  const port = url.port === "" ? defaultPort(url.protocol) : url.port;
  return policy.hosts.includes(host) || policy.hosts.includes(`${host}:${port}`);
}

/**
 * True when the policy lets this host name reach a private address on some port.
 * Used at connect time, where only the host name is known; the port was already
 * checked before the request was sent.
 */
export function isHostAllowedPrivate(policy: PrivateAddressPolicy, hostname: string): boolean {
  if (policy.allowAll) return true;
  const host = hostname.toLowerCase();
  return policy.hosts.some((entry) => entry === host || entry.startsWith(`${host}:`));
}
