// The validator runs on every keystroke over half-typed text: it must never throw and must stay fast.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { validateImageTemplateText } from '../../../src/core/imageTemplate/validateImageTemplateText.ts';

const fixture = (name: string) => fs.readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const SEEDS = [fixture('ubuntuGallery.imagetemplate.json'), fixture('deploymentWithExpressions.json')];
const ODD_VALUES: unknown[] = [null, 0, -1, 1e309, '', 'x', '[', '[]', "[parameters('p')]", '<rgName>', [], {}, [null], { type: null }, true];

/** Small deterministic PRNG so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
}

function mutateValue(value: unknown, next: () => number): unknown {
  if (Array.isArray(value) || (value && typeof value === 'object')) {
    const entries = Object.entries(value as object);
    if (entries.length === 0 || next() < 0.15) return ODD_VALUES[Math.floor(next() * ODD_VALUES.length)];
    const [key, child] = entries[Math.floor(next() * entries.length)];
    const copy: Record<string, unknown> | unknown[] = Array.isArray(value) ? [...value] : { ...(value as object) };
    if (next() < 0.1) delete (copy as Record<string, unknown>)[key];
    else (copy as Record<string, unknown>)[key] = mutateValue(child, next);
    return copy;
  }
  return ODD_VALUES[Math.floor(next() * ODD_VALUES.length)];
}

function mutateText(text: string, next: () => number): string {
  const at = Math.floor(next() * text.length);
  const choice = next();
  if (choice < 0.4) return text.slice(0, at);
  if (choice < 0.7) return text.slice(0, at) + '{["\\,:'[Math.floor(next() * 7)] + text.slice(at);
  return text.slice(0, at) + text.slice(at + Math.floor(next() * 40));
}

function timeOf(text: string): number {
  const started = performance.now();
  validateImageTemplateText(text);
  return performance.now() - started;
}

test('2000 mutated templates: no exception, every finding inside the text, each under 50 ms', () => {
  const next = random(20251001);
  validateImageTemplateText(SEEDS[0]); // compile the schema outside the timing
  let slowest = 0;
  for (let i = 0; i < 2000; i++) {
    const seed = SEEDS[i % SEEDS.length];
    const text = next() < 0.5 ? JSON.stringify(mutateValue(JSON.parse(seed), next), null, 2) ?? 'null' : mutateText(seed, next);
    const findings = validateImageTemplateText(text);
    // Best of three: the budget is about the validator's own cost, not a GC pause or a busy machine.
    slowest = Math.max(slowest, Math.min(timeOf(text), timeOf(text), timeOf(text)));
    for (const f of findings) {
      assert.ok(f.range.offset >= 0 && f.range.offset + f.range.length <= Math.max(text.length, 1), `range outside text in case ${i}`);
      assert.ok(f.message.length > 0 && !/must match|must NOT/.test(f.message), `raw ajv wording in case ${i}: ${f.message}`);
    }
  }
  assert.ok(slowest < 50, `slowest validation took ${slowest.toFixed(1)} ms`);
});
