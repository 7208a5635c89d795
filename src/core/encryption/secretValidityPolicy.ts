// Article 001: ADE is not supported in a subscription where the policy "Secrets should have the specified maximum
// validity period" (built-in 342e8053-…) is enabled with the Deny effect: ADE writes its disk encryption secret
// without an expiry and the policy refuses that write. This decides, from the policy assignments that apply and the
// initiatives they assign, whether that policy denies secrets in the vault (or, before a vault is chosen, in the
// subscription). Shapes mirror @azure/arm-policy 7 (flattened properties).

export const SECRET_VALIDITY_POLICY_DEFINITION = '342e8053-e12e-4c44-be01-c3c2f318400f';

export type PolicyParameterValuesLike = Readonly<Record<string, { readonly value?: unknown } | undefined>>;

export type PolicyAssignmentLike = {
  readonly id?: string;
  readonly scope?: string;
  readonly notScopes?: readonly string[];
  readonly policyDefinitionId?: string;
  readonly parameters?: PolicyParameterValuesLike;
  readonly enforcementMode?: string;
  readonly overrides?: ReadonlyArray<{ readonly kind?: string; readonly value?: string; readonly selectors?: readonly unknown[] }>;
};

export type PolicySetDefinitionLike = {
  readonly id?: string;
  readonly parameters?: Readonly<Record<string, { readonly defaultValue?: unknown } | undefined>>;
  readonly policyDefinitions?: ReadonlyArray<{ readonly policyDefinitionId?: string; readonly parameters?: PolicyParameterValuesLike }>;
};

/** The built-in policy's own default effect when nothing sets it. */
const DEFAULT_EFFECT = 'Audit';

export function isSecretValidityPolicy(policyDefinitionId: string | undefined): boolean {
  return (policyDefinitionId ?? '').toLowerCase().endsWith(`/policydefinitions/${SECRET_VALIDITY_POLICY_DEFINITION}`);
}

export function isPolicySet(policyDefinitionId: string | undefined): boolean {
  return (policyDefinitionId ?? '').toLowerCase().includes('/policysetdefinitions/');
}

/**
 * True when an enforced assignment applies the secret-validity policy with the Deny effect at `targetScope` (the
 * vault id, or the subscription before a vault is chosen). `setDefinitions` holds the initiatives that were read;
 * an initiative that could not be read counts as not denying (the rule then stays silent rather than guess).
 */
export function secretValidityPolicyDenies(input: {
  readonly assignments: readonly PolicyAssignmentLike[];
  readonly setDefinitions: readonly PolicySetDefinitionLike[];
  readonly targetScope: string;
}): boolean {
  return input.assignments.some((assignment) => {
    if ((assignment.enforcementMode ?? 'Default').toLowerCase() === 'donotenforce') return false;
    if (!appliesTo(assignment, input.targetScope)) return false;
    return effectsOf(assignment, input.setDefinitions).some((effect) => effect.toLowerCase() === 'deny');
  });
}

/** The effects the secret-validity policy gets from one assignment (none when it does not assign it). */
function effectsOf(assignment: PolicyAssignmentLike, sets: readonly PolicySetDefinitionLike[]): string[] {
  const override = (assignment.overrides ?? []).find((o) => o.kind?.toLowerCase() === 'policyeffect' && (o.selectors ?? []).length === 0);
  if (isSecretValidityPolicy(assignment.policyDefinitionId)) {
    return [override?.value ?? stringValue(assignment.parameters?.effect?.value) ?? DEFAULT_EFFECT];
  }
  if (!isPolicySet(assignment.policyDefinitionId)) return [];
  const set = sets.find((s) => (s.id ?? '').toLowerCase() === (assignment.policyDefinitionId ?? '').toLowerCase());
  return (set?.policyDefinitions ?? []).filter((ref) => isSecretValidityPolicy(ref.policyDefinitionId)).map((ref) => {
    if (override?.value) return override.value;
    const raw = ref.parameters?.effect?.value;
    const parameter = typeof raw === 'string' ? /^\[\s*parameters\(\s*'([^']+)'\s*\)\s*\]$/i.exec(raw)?.[1] : undefined;
    if (parameter) {
      return stringValue(assignment.parameters?.[parameter]?.value) ?? stringValue(set?.parameters?.[parameter]?.defaultValue) ?? DEFAULT_EFFECT;
    }
    return stringValue(raw) ?? DEFAULT_EFFECT;
  });
}

/** The assignment's scope contains the target and no notScope excludes it (ARM ids compare case-insensitively). */
function appliesTo(assignment: PolicyAssignmentLike, target: string): boolean {
  const within = (scope: string) => {
    const s = scope.toLowerCase().replace(/\/+$/, '');
    const t = target.toLowerCase().replace(/\/+$/, '');
    // A management group's assignment reaches the subscriptions under it; the listing only returns those that do.
    return s.startsWith('/providers/microsoft.management/managementgroups/') || t === s || t.startsWith(`${s}/`);
  };
  if (!assignment.scope || !within(assignment.scope)) return false;
  return !(assignment.notScopes ?? []).some((n) => within(n) && !n.toLowerCase().startsWith('/providers/microsoft.management/'));
}

function stringValue(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}
