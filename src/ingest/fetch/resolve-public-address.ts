import { classifyAddress } from "./classify-address.js";

/** A resolver in the shape of `dns.promises.lookup(host, { all: true })`. */
export type LookupAll = (hostname: string) => Promise<{ address: string; family: number }[]>;

/** A resolved address that is not allowed, with the reason in words. */
export interface RefusedAddress {
  address: string;
  description: string;
}

/** Returns the first non-public address among `addresses`, or null when all are public. */
export function findRefusedAddress(addresses: readonly { address: string }[]): RefusedAddress | null {
  for (const { address } of addresses) {
    const verdict = classifyAddress(address);
    if (!verdict.public) return { address, description: verdict.description };
  }
  return null;
}

/**
 * Thrown from the connect-time lookup when a host resolves to a refused address
 * (DNS rebinding between the pre-flight check and the connection).
 */
export class PrivateAddressRefusedError extends Error {
  override readonly name = "PrivateAddressRefusedError";
  readonly code = "ERR_PRIVATE_ADDRESS";
  constructor(
    readonly hostname: string,
    readonly refused: RefusedAddress,
  ) {
    super(`${hostname} resolves to ${refused.address}, ${refused.description}`);
  }
}
