/**
 * Who is asking: the address of the reader behind an HTTP request, read through the reverse
 * proxies the operator trusts (TRUST_PROXY) and no others.
 *
 * A proxy appends the address it received the request from to X-Forwarded-For, after whatever
 * the request already carried. Everything to the left of what your own proxies appended was
 * written by the client (or by proxies you know nothing of) and can say anything: a reader who
 * sends `X-Forwarded-For: 1.2.3.4` would be "1.2.3.4" to anyone reading the left-most entry. So
 * the header is read from the right, skipping the hops that are trusted proxies; the first hop
 * that is not one is the reader. It is only read at all when the connection itself comes from a
 * trusted proxy, since anyone can reach an exposed port directly with any header.
 */
import ipaddr from "ipaddr.js";

type Address = ipaddr.IPv4 | ipaddr.IPv6;

/** Address ranges whose requests are relayed by the operator's own reverse proxies. */
export type TrustedProxies = ReadonlyArray<readonly [Address, number]>;

/** Names for the ranges proxies usually sit in, besides plain addresses and CIDR ranges. */
const NAMED_RANGES: Record<string, string[]> = {
  loopback: ["127.0.0.0/8", "::1/128"],
  private: ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7"],
};

/** An IP address in its plain form ("::ffff:10.0.0.1" is 10.0.0.1); null unless it is one. */
function parseAddress(text: string): Address | null {
  const bare = text.trim().replace(/^\[([^\]]+)\](?::\d+)?$/, "$1").replace(/^(\d+\.\d+\.\d+\.\d+):\d+$/, "$1");
  if (!ipaddr.IPv4.isValidFourPartDecimal(bare) && !ipaddr.IPv6.isValid(bare)) return null;
  return ipaddr.process(bare);
}

function parseRange(entry: string): Array<readonly [Address, number]> | null {
  const named = NAMED_RANGES[entry.toLowerCase()];
  if (named) return named.flatMap((range) => parseRange(range) ?? []);
  const [address, bits, ...rest] = entry.split("/");
  const parsed = address === undefined || rest.length > 0 ? null : parseAddress(address);
  if (!parsed) return null;
  const max = parsed.kind() === "ipv4" ? 32 : 128;
  if (bits === undefined) return [[parsed, max]];
  if (!/^\d{1,3}$/.test(bits)) return null;
  // "::ffff:10.0.0.0/104" was written in IPv6 and became an IPv4 address above: 96 bits fewer.
  const prefix = Number(bits) - (max === 32 && address!.includes(":") ? 96 : 0);
  return prefix < 0 || prefix > max ? null : [[parsed, prefix]];
}

/** Why a TRUST_PROXY entry is not an address, a CIDR range, `loopback` or `private`; null when it is. */
export function trustedProxyProblem(entry: string): string | null {
  return parseRange(entry)
    ? null
    : `TRUST_PROXY must be comma-separated proxy addresses or CIDR ranges (or loopback, private), got "${entry}"`;
}

/** The ranges of validated TRUST_PROXY entries (unknown entries are left out; config refuses them first). */
export function parseTrustedProxies(entries: readonly string[]): TrustedProxies {
  return entries.flatMap((entry) => parseRange(entry) ?? []);
}

function isTrusted(address: Address, trusted: TrustedProxies): boolean {
  return trusted.some(([range, bits]) => range.kind() === address.kind() && address.match(range, bits));
}

/**
 * The reader's address for a request that reached us from `socketAddress`: that address itself,
 * unless it is a trusted proxy; then the right-most X-Forwarded-For hop that is not a trusted
 * proxy (the left-most hop when all of them are). A hop that is not an IP address ends the walk
 * at the last address a trusted proxy vouched for. Null when the socket has no address.
 */
export function clientAddress(
  socketAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  trusted: TrustedProxies,
): string | null {
  let client = socketAddress === undefined ? null : parseAddress(socketAddress);
  if (!client) return null;
  if (trusted.length === 0 || forwardedFor === undefined) return client.toString();
  const hops = [forwardedFor].flat().join(",").split(",").reverse();
  for (const hop of hops) {
    if (!isTrusted(client, trusted)) break;
    if (hop.trim() === "") continue;
    const address = parseAddress(hop);
    if (!address) break;
    client = address;
  }
  return client.toString();
}
