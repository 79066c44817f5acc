import { describe, expect, it } from "vitest";

import { clientAddress, parseTrustedProxies, trustedProxyProblem } from "../../src/server/client-address.js";

const proxies = (...entries: string[]) => parseTrustedProxies(entries);

describe("clientAddress", () => {
  it("is the connection's address when no proxy is trusted, whatever X-Forwarded-For says", () => {
    expect(clientAddress("198.51.100.7", "203.0.113.9", [])).toBe("198.51.100.7");
    expect(clientAddress("::ffff:198.51.100.7", undefined, [])).toBe("198.51.100.7");
    expect(clientAddress("2001:db8:0:0:0:0:0:1", undefined, [])).toBe("2001:db8::1");
  });

  it("ignores X-Forwarded-For on a connection that does not come from a trusted proxy", () => {
    expect(clientAddress("198.51.100.7", "203.0.113.9", proxies("loopback"))).toBe("198.51.100.7");
  });

  it("takes the hop the trusted proxy appended, not the one the client wrote on the left", () => {
    // The client sent "X-Forwarded-For: 1.2.3.4"; the proxy appended the address it saw.
    expect(clientAddress("127.0.0.1", "1.2.3.4, 203.0.113.9", proxies("loopback"))).toBe("203.0.113.9");
  });

  it("skips every trusted proxy from the right, through several layers", () => {
    const trusted = proxies("127.0.0.1", "10.0.0.0/8");
    expect(clientAddress("127.0.0.1", "1.2.3.4, 203.0.113.9, 10.1.2.3, 10.9.9.9", trusted)).toBe("203.0.113.9");
    // Several X-Forwarded-For headers read as one list.
    expect(clientAddress("127.0.0.1", ["1.2.3.4, 203.0.113.9", "10.1.2.3"], trusted)).toBe("203.0.113.9");
    // Only trusted hops: the left-most is the reader.
    expect(clientAddress("127.0.0.1", "10.4.4.4, 10.1.2.3", trusted)).toBe("10.4.4.4");
  });

  it("stops at a hop that is not an address, keeping the last address a trusted proxy vouched for", () => {
    expect(clientAddress("10.0.0.2", "203.0.113.9, unknown", proxies("private"))).toBe("10.0.0.2");
    expect(clientAddress("10.0.0.2", "203.0.113.9:51234", proxies("private"))).toBe("203.0.113.9");
    expect(clientAddress("10.0.0.2", "[2001:db8::5]:443", proxies("private"))).toBe("2001:db8::5");
  });

  it("is null for a connection without an address", () => {
    expect(clientAddress(undefined, "203.0.113.9", proxies("loopback"))).toBeNull();
  });
});

describe("TRUST_PROXY entries", () => {
  it("accepts addresses, CIDR ranges, loopback and private", () => {
    for (const entry of ["127.0.0.1", "10.0.0.0/8", "fd00::/8", "::1", "LOOPBACK", "private", "::ffff:10.0.0.0/104"]) {
      expect(trustedProxyProblem(entry), entry).toBeNull();
    }
    expect(clientAddress("10.2.3.4", "203.0.113.9", proxies("::ffff:10.0.0.0/104"))).toBe("203.0.113.9");
  });

  it("names an entry that is none of those", () => {
    for (const entry of ["proxy.local", "10.0.0.0/33", "10.0.0/8", "10.0.0.1/8/1", "1.2.3.4.5", "*", "0x7f000001"]) {
      expect(trustedProxyProblem(entry), entry).toBe(
        `TRUST_PROXY must be comma-separated proxy addresses or CIDR ranges (or loopback, private), got "${entry}"`,
      );
    }
  });
});
