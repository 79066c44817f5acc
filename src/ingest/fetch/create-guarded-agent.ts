import type { LookupAddress, LookupOptions } from "node:dns";

import { Agent } from "undici";

import type { PrivateAddressPolicy } from "./private-address-policy.js";
import { isHostAllowedPrivate } from "./private-address-policy.js";
import type { LookupAll } from "./resolve-public-address.js";
import { PrivateAddressRefusedError, findRefusedAddress } from "./resolve-public-address.js";

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * An undici Agent whose sockets resolve names through `lookup` and refuse
 * private addresses at connect time. The fetcher also checks before each
 * request; this second check closes the DNS-rebinding gap between the two.
 * IP literals never reach the lookup (Node connects to them directly); the
 * pre-request check covers them.
 */
export function createGuardedAgent(options: {
  lookup: LookupAll;
  allowPrivate: PrivateAddressPolicy;
  connectTimeoutMs: number;
}): Agent {
  const { lookup, allowPrivate, connectTimeoutMs } = options;

  function guardedLookup(hostname: string, lookupOptions: LookupOptions, callback: LookupCallback): void {
    lookup(hostname).then(
      (addresses) => {
        const wanted = lookupOptions.family === 4 || lookupOptions.family === 6
          ? addresses.filter((entry) => entry.family === lookupOptions.family)
          : addresses;
        const first = wanted[0];
        if (!first) {
          const error: NodeJS.ErrnoException = new Error(`getaddrinfo ENOTFOUND ${hostname}`);
          error.code = "ENOTFOUND";
          callback(error, "");
          return;
        }
        const refused = isHostAllowedPrivate(allowPrivate, hostname) ? null : findRefusedAddress(wanted);
        if (refused) {
          callback(new PrivateAddressRefusedError(hostname, refused), "");
          return;
        }
        if (lookupOptions.all) callback(null, wanted);
        else callback(null, first.address, first.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, ""),
    );
  }

  return new Agent({
    connect: {
      timeout: connectTimeoutMs,
      lookup: guardedLookup,
    },
  });
}
