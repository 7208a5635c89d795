// Name-based (RFC 4122 version 5) GUIDs for the role definitions and role assignments we create. The same inputs
// always give the same GUID, like Bicep's guid(): a retried or concurrent run PUTs the same name instead of
// creating a duplicate custom role or failing with RoleAssignmentExists under a new name.

import { createHash } from 'node:crypto';

// A fixed namespace for this extension (itself a random v4 GUID), so our names don't collide with other tools'.
const NAMESPACE = 'b7f1c2d4-5e6a-4f80-9a1b-3c4d5e6f7a80';

export function deterministicGuid(...parts: string[]): string {
  const ns = Buffer.from(NAMESPACE.replace(/-/g, ''), 'hex');
  const name = Buffer.from(parts.map((p) => p.toLowerCase()).join('|'), 'utf8');
  const hash = createHash('sha1').update(ns).update(name).digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
