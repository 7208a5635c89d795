// ARM template expressions (`[parameters('x')]`, `[concat(...)]`) can stand in for any value of a resource in a
// deployment template. Checks must treat such a value as "unknown until deployment" and neither flag nor parse it.
// Same test as common-definitions.json#/definitions/expression; a leading `[[` is an escaped literal `[`.

const ARM_EXPRESSION = /^\[([^[][\s\S]*)?\]$/;

export function isArmExpression(value: unknown): boolean {
  return typeof value === 'string' && ARM_EXPRESSION.test(value.trim());
}

/** True when the value is a plain string we can reason about (not an expression, not another type). */
export function isLiteralString(value: unknown): value is string {
  return typeof value === 'string' && !isArmExpression(value);
}
