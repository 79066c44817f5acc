import { describe, expect, it } from "vitest";

import {
  isHostAllowedPrivate,
  isUrlAllowedPrivate,
  parsePrivateAddressPolicy,
} from "../../../src/ingest/fetch/private-address-policy.js";

describe("parsePrivateAddressPolicy", () => {
  it.each([undefined, "", "  "])("allows nothing for %j", (value) => {
    expect(parsePrivateAddressPolicy(value)).toEqual({ allowAll: false, hosts: [] });
  });

  it("allows everything for true", () => {
    expect(parsePrivateAddressPolicy("TRUE")).toEqual({ allowAll: true });
  });

  it("reads a host list, lower-cased and trimmed", () => {
    expect(parsePrivateAddressPolicy(" Intranet.Local:8080, wiki.lan ,,")).toEqual({
      allowAll: false,
      hosts: ["intranet.local:8080", "wiki.lan"],
    });
  });
});

describe("matching URLs against the policy", () => {
  const policy = parsePrivateAddressPolicy("intranet.local:8080,wiki.lan,[::1]:3000");

  it.each([
    ["http://intranet.local:8080/feed", true],
    ["http://intranet.local/feed", false],
    ["https://intranet.local:8443/feed", false],
    ["http://wiki.lan/feed", true],
    ["https://wiki.lan:9999/feed", true],
    ["http://[::1]:3000/feed", true],
    ["http://[::1]/feed", false],
    ["http://elsewhere.lan/feed", false],
  ])("%s → %s", (url, allowed) => {
    expect(isUrlAllowedPrivate(policy, new URL(url))).toBe(allowed);
  });

  it("matches a port default to the scheme", () => {
    expect(isUrlAllowedPrivate(parsePrivateAddressPolicy("secure.lan:443"), new URL("https://secure.lan/"))).toBe(true);
  });

  it("lets a listed host through at connect time, whatever the port", () => {
    expect(isHostAllowedPrivate(policy, "intranet.local")).toBe(true);
    expect(isHostAllowedPrivate(policy, "intranet")).toBe(false);
  });
});
