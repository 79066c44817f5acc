import ipaddr from "ipaddr.js";

/** Whether an IP address may be contacted from the public internet side, and if not why. */
export type AddressClass = { public: true } | { public: false; description: string };

const descriptions: Record<string, string> = {
  loopback: "a loopback address",
  private: "a private address",
  uniqueLocal: "a private address",
  linkLocal: "a link-local address",
  carrierGradeNat: "a carrier-grade NAT address",
  unspecified: "an unspecified address",
  multicast: "a multicast address",
  broadcast: "a broadcast address",
  reserved: "a reserved address",
};

function describeRange(range: string): string {
  return descriptions[range] ?? `a non-public (${range}) address`;
}

/**
 * Classifies an IP address with ipaddr.js's range table. Only plain unicast
 * addresses are public; IPv6 forms that embed an IPv4 address (mapped, NAT64,
 * 6to4) are judged by the embedded address.
 */
export function classifyAddress(address: string): AddressClass {
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    parsed = ipaddr.parse(address.replace(/^\[|\]$/g, ""));
  } catch {
    return { public: false, description: "not a valid IP address" };
  }
  if (parsed.kind() === "ipv6") {
    const v6 = parsed as ipaddr.IPv6;
    const embedded = embeddedIpv4(v6);
    if (embedded) return classifyAddress(embedded.toString());
  }
  const range = parsed.range();
  return range === "unicast" ? { public: true } : { public: false, description: describeRange(range) };
}

function embeddedIpv4(address: ipaddr.IPv6): ipaddr.IPv4 | null {
  if (address.isIPv4MappedAddress()) return address.toIPv4Address();
  const range = address.range();
  const bytes = address.toByteArray();
  if (range === "rfc6052" || range === "rfc6145") {
    return new ipaddr.IPv4(bytes.slice(12, 16));
  }
  if (range === "6to4") return new ipaddr.IPv4(bytes.slice(2, 6));
  return null;
}
