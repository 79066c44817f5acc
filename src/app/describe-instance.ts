/** How a process names itself in leases, claims and heartbeats. */
import { randomBytes } from "node:crypto";
import { hostname } from "node:os";

/** This process, in words other instances' logs can show ("the bot on newsroom-1, pid 41 (a1b2)"). */
export function describeInstance(role: string): string {
  return `${role} on ${hostname()}, pid ${process.pid} (${randomBytes(2).toString("hex")})`;
}
