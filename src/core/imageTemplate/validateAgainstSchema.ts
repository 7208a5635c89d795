// Runs our JSON Schema (imageTemplate.schema.json) over one image template resource and turns ajv's errors into
// findings. The schema lets an ARM expression stand in for any value (`anyOf: [real, expression]`); when a value
// fails, only the errors of the real branch are kept, so the message talks about the value, not about brackets.

import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import type { JsonPath, RuleFinding } from './finding.ts';
import schema from './imageTemplate.schema.json' with { type: 'json' };
import { describeSchemaError } from './schemaErrorMessages.ts';

export const SCHEMA_RULE = 'schema';
const EXPRESSION_SCHEMA_PATH = '#/definitions/armExpression';

interface CompiledSchemas {
  resource: ValidateFunction;
  document: ValidateFunction;
}

let compiled: CompiledSchemas | undefined;

function compiledSchemas(): CompiledSchemas {
  if (!compiled) {
    // Editor-only keywords are annotations for VS Code; ajv must know them to stay strict about typos in the schema.
    const ajv = new Ajv({ allErrors: true, verbose: true, strict: true, strictRequired: false });
    ajv.addVocabulary(['markdownDescription', 'defaultSnippets', 'errorMessage']);
    ajv.addSchema(schema);
    const at = (name: string) => ajv.getSchema(`${schema.$id}#/definitions/${name}`) as ValidateFunction;
    compiled = { resource: at('imageTemplateResource'), document: at('imageTemplateDocument') };
  }
  return compiled;
}

/** Schema findings for one resource; paths are relative to the resource. */
export function validateAgainstSchema(resource: unknown, embedding: 'document' | 'deployment'): RuleFinding[] {
  const validate = embedding === 'deployment' ? compiledSchemas().resource : compiledSchemas().document;
  if (validate(resource)) return [];
  return relevantErrors(validate.errors ?? []).map((error) => toFinding(error, resource));
}

function relevantErrors(errors: ErrorObject[]): ErrorObject[] {
  const real = errors.filter((e) => !e.schemaPath.startsWith(EXPRESSION_SCHEMA_PATH) && e.keyword !== 'if');
  const kept = real.filter(
    (e) => e.keyword !== 'anyOf' || !real.some((other) => other !== e && other.keyword !== 'anyOf' && isSameOrBelow(other.instancePath, e.instancePath)),
  );
  const seen = new Set<string>();
  return kept.filter((e) => {
    const key = `${e.instancePath}|${e.keyword}|${JSON.stringify(e.params)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function isSameOrBelow(path: string, ancestor: string): boolean {
  return path === ancestor || path.startsWith(`${ancestor}/`);
}

function toFinding(error: ErrorObject, resource: unknown): RuleFinding {
  const path = pointerToPath(error.instancePath, resource);
  const params = error.params as Record<string, unknown>;
  let target: 'key' | 'value' = 'value';
  if (error.keyword === 'required') path.push(String(params.missingProperty));
  if (error.keyword === 'additionalProperties') {
    path.push(String(params.additionalProperty));
    target = 'key';
  }
  return { rule: SCHEMA_RULE, severity: 'error', path, target, ...describeSchemaError(error) };
}

/** `/properties/customize/0` -> ['properties', 'customize', 0]; a segment is an index only where the data is an array. */
function pointerToPath(pointer: string, data: unknown): JsonPath {
  if (!pointer) return [];
  const path: JsonPath = [];
  let current: unknown = data;
  for (const raw of pointer.slice(1).split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const step = Array.isArray(current) && /^\d+$/.test(segment) ? Number(segment) : segment;
    path.push(step);
    current = current !== null && typeof current === 'object' ? (current as Record<string | number, unknown>)[step] : undefined;
  }
  return path;
}
