import { describe, expect, it } from "vitest";

import { classifyAddress } from "../../../src/ingest/fetch/classify-address.js";

describe("classifyAddress", () => {
  it.each([
    ["127.0.0.1", "a loopback address"],
    ["10.0.0.5", "a private address"],
    ["172.16.3.4", "a private address"],
    ["192.168.1.1", "a private address"],
    ["169.254.169.254", "a link-local address"],
    ["100.64.0.1", "a carrier-grade NAT address"],
    ["0.0.0.0", "an unspecified address"],
    ["224.0.0.1", "a multicast address"],
    ["255.255.255.255", "a broadcast address"],
    ["240.0.0.1", "a reserved address"],
    ["::1", "a loopback address"],
    ["::", "an unspecified address"],
    ["fd12:3456::1", "a private address"],
    ["fe80::1", "a link-local address"],
    ["ff02::1", "a multicast address"],
    ["::ffff:127.0.0.1", "a loopback address"],
    ["::ffff:10.0.0.1", "a private address"],
    ["64:ff9b::a9fe:a9fe", "a link-local address"],
    ["2002:c0a8:0101::1", "a private address"],
  ])("refuses %s as %s", (address, description) => {
    expect(classifyAddress(address)).toEqual({ public: false, description });
  });

  it.each(["93.184.216.34", "8.8.8.8", "2606:2800:220:1:248:1893:25c8:1946", "::ffff:93.184.216.34"])("allows %s", (address) => {
    expect(classifyAddress(address)).toEqual({ public: true });
  });

  it("refuses something that is not an address", () => {
    expect(classifyAddress("not-an-ip").public).toBe(false);
  });
});
