import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { validateImageTemplateText } from '../../src/core/imageTemplate/validateImageTemplateText.ts';

export interface TemplateValidationFigures {
  readonly templateBytes: number;
  readonly customizers: number;
  readonly distributeTargets: number;
  readonly keystrokes: number;
  readonly medianMs: number;
  readonly p95Ms: number;
}

/**
 * What one keystroke costs in the editor: the whole text validated again (schema + every rule), on a large template
 * — a real example grown to 60 customizers and 12 distribution targets — while characters are typed into a string.
 */
export function runTemplateValidationBenchmark(keystrokes = 300): TemplateValidationFigures {
  const fixture = JSON.parse(readFileSync(join(import.meta.dirname, '../unit/imageTemplate/fixtures/ubuntuGallery.imagetemplate.json'), 'utf8'));
  const properties = fixture.properties;
  const steps = properties.customize as unknown[];
  const targets = properties.distribute as Array<Record<string, unknown>>;
  properties.customize = Array.from({ length: 60 }, (_, i) => ({ ...(steps[i % steps.length] as object), name: `step-${i}` }));
  properties.distribute = Array.from({ length: 12 }, (_, i) => ({ ...targets[0], runOutputName: `output-${i}` }));
  const base = JSON.stringify(fixture, null, 2);
  const insertAt = base.indexOf('"step-30"') + 2;
  validateImageTemplateText(base); // the first call loads and compiles the schema: not a keystroke
  const times: number[] = [];
  for (let i = 0; i < keystrokes; i++) {
    const text = base.slice(0, insertAt) + 'x'.repeat(i % 20) + base.slice(insertAt);
    const t0 = performance.now();
    validateImageTemplateText(text);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return {
    templateBytes: base.length,
    customizers: properties.customize.length,
    distributeTargets: properties.distribute.length,
    keystrokes,
    medianMs: times[Math.floor(times.length / 2)],
    p95Ms: times[Math.floor(times.length * 0.95)],
  };
}

if (import.meta.main) console.log(JSON.stringify(runTemplateValidationBenchmark()));
