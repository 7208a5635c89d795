// "Deploy as a new template": the next free versioned name. `it-ubuntu` → `it-ubuntu-v2`, `it-ubuntu-v2` → `-v3`,
// skipping names already taken in the resource group, within the 64 characters a template name may have.

const VERSIONED = /^(.*)-v(\d+)$/;
const MAX_NAME_LENGTH = 64;

export function nextVersionedTemplateName(name: string, takenNames: Iterable<string>): string {
  const taken = new Set([...takenNames].map((n) => n.toLowerCase()));
  const match = VERSIONED.exec(name);
  const base = match ? match[1] : name;
  let version = match ? Number(match[2]) + 1 : 2;
  for (;;) {
    const suffix = `-v${version}`;
    const candidate = base.slice(0, MAX_NAME_LENGTH - suffix.length) + suffix;
    if (!taken.has(candidate.toLowerCase())) return candidate;
    version++;
  }
}
