import "server-only";
import { BlockList, isIP } from "node:net";

/**
 * One spelling per address, so that a rate-limit bucket or an audit entry cannot be dodged by
 * writing the same address differently: no port, no brackets, no zone, IPv4-mapped IPv6 as
 * IPv4, IPv6 compressed and lower-case. Anything else (`203.0.113.07`, a host name) is null:
 * Node's parser refuses leading zeros rather than guessing octal.
 */
export function normaliseAddress(raw: string): string | null {
  let value = raw.trim();
  if (value.startsWith("[")) {
    const end = value.indexOf("]");
    if (end < 0 || !/^(:\d{1,5})?$/.test(value.slice(end + 1))) return null;
    value = value.slice(1, end);
  } else if (/^[\d.]+:\d{1,5}$/.test(value)) {
    value = value.slice(0, value.lastIndexOf(":"));
  }
  const zone = value.indexOf("%");
  if (zone >= 0) value = value.slice(0, zone);
  const family = isIP(value);
  if (family === 4) return value;
  if (family !== 6) return null;
  // The URL parser serialises IPv6 canonically (RFC 5952), mapped IPv4 included.
  const canonical = new URL(`http://[${value}]`).hostname.slice(1, -1);
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(canonical);
  if (!mapped) return canonical;
  const high = parseInt(mapped[1] ?? "0", 16);
  const low = parseInt(mapped[2] ?? "0", 16);
  return [high >> 8, high & 255, low >> 8, low & 255].join(".");
}

export interface AddressRange {
  address: string;
  prefix: number;
  family: "ipv4" | "ipv6";
}

/**
 * A comma-separated list of addresses and CIDR ranges (`10.0.0.0/8, ::1`). Returns the ranges,
 * or the first entry that is not one.
 */
export function parseAddressRanges(list: string): { ranges: AddressRange[] } | { invalid: string } {
  const ranges: AddressRange[] = [];
  for (const entry of list.split(",").map((part) => part.trim())) {
    if (!entry) continue;
    const [rawAddress = "", rawPrefix, ...rest] = entry.split("/");
    const address = rawAddress.includes(":") || rawAddress.includes(".") ? rawAddress : "";
    const normalised = address && !address.includes("[") ? normaliseAddress(address) : null;
    if (!normalised || rest.length || (rawPrefix !== undefined && !/^\d{1,3}$/.test(rawPrefix))) {
      return { invalid: entry };
    }
    const family = isIP(normalised) === 4 ? "ipv4" : "ipv6";
    const maxPrefix = family === "ipv4" ? 32 : 128;
    const prefix = rawPrefix === undefined ? maxPrefix : Number(rawPrefix);
    if (prefix > maxPrefix) return { invalid: entry };
    ranges.push({ address: normalised, prefix, family });
  }
  return { ranges };
}

export function addressMatcher(ranges: AddressRange[]): (address: string) => boolean {
  const list = new BlockList();
  for (const range of ranges) list.addSubnet(range.address, range.prefix, range.family);
  return (address) => list.check(address, isIP(address) === 4 ? "ipv4" : "ipv6");
}

/**
 * The client of a request that reached us from `peer`. X-Forwarded-For counts only when the
 * peer is a trusted proxy; then it is read from the right, each trusted proxy vouching for the
 * hop before it, and the first address no trusted proxy owns is the client. Entries further
 * left were written by the client itself and prove nothing.
 */
export function resolveClientAddress(
  peer: string | null | undefined,
  forwardedFor: string | null | undefined,
  isTrustedProxy: (address: string) => boolean,
): string {
  let current = peer ? normaliseAddress(peer) : null;
  if (!current) return "unknown";
  if (!forwardedFor || !isTrustedProxy(current)) return current;
  const hops = forwardedFor.split(",");
  for (let index = hops.length - 1; index >= 0; index--) {
    const hop = normaliseAddress(hops[index] ?? "");
    // A garbled entry from our own proxy: the last address we can vouch for is the answer.
    if (!hop) return current;
    current = hop;
    if (!isTrustedProxy(hop)) return hop;
  }
  return current;
}
