/**
 * Whether a host name is a loopback interface (reachable only from this machine).
 *
 * @param hostname A host name or address (IPv6 with or without brackets).
 * @returns True for `localhost`, `127.x.x.x` and `::1`.
 *
 * @example Usage
 * ```ts
 * import { isLoopback } from "./is_loopback.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(isLoopback("127.0.0.1"), true);
 * assert.equal(isLoopback("0.0.0.0"), false);
 * ```
 */
export function isLoopback(hostname: string): boolean {
  const h = hostname.toLowerCase();
  return h === "localhost" || h === "::1" || h === "[::1]" || /^127(\.\d{1,3}){3}$/.test(h);
}
