import type { Caller } from '@lianxiao/platform';
import { demoWorld } from '@lianxiao/demo-data';

let demoNames: Map<string, string> | undefined;

/**
 * Display name copied onto a customer when its owner is set. The caller knows their own name;
 * other owners are looked up among the demo users until identity publishes user events
 * (see PLATFORM-REQUESTS.md). Unknown owners keep no name rather than a wrong one.
 */
export function ownerNameFor(ownerId: string, caller: Caller): string | null {
  if (ownerId === caller.userId) return caller.displayName ?? demoOwnerName(ownerId) ?? caller.username;
  return demoOwnerName(ownerId);
}

export function demoOwnerName(ownerId: string): string | null {
  demoNames ??= new Map(demoWorld().users.map((u) => [u.id, u.displayName]));
  return demoNames.get(ownerId) ?? null;
}
