// The contributed snippets expand to JSON the schema accepts (only the <placeholders> are left for the user).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateImageTemplateText } from '../../../src/core/imageTemplate/validateImageTemplateText.ts';

const snippets = JSON.parse(readFileSync(join(import.meta.dirname, '../../../src/features/imageTemplateEditor/imageTemplate.snippets.json'), 'utf8')) as
  Record<string, { prefix: string; body: string[] }>;

/** What the snippet inserts when the user accepts every default. */
const expand = (body: string[]) => body.join('\n').replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\d+/g, '');

test('the template snippet is a template the validator accepts, apart from the placeholders to fill in', () => {
  const text = expand(snippets['Image template (Linux, Compute Gallery)'].body);
  const findings = validateImageTemplateText(text);
  assert.deepEqual(findings.filter((f) => f.severity === 'error' && f.rule !== 'unreplaced-placeholder').map((f) => `${f.rule}: ${f.message}`), []);
  assert.ok(findings.some((f) => /subscriptionID/.test(f.message)), 'the <subscriptionID> placeholder is pointed out');
});

test('each step and target snippet is valid inside a template', () => {
  for (const [name, { prefix, body }] of Object.entries(snippets)) {
    assert.match(prefix, /^aib-/, name);
    const item = JSON.parse(expand(body));
    if (prefix === 'aib-template') continue;
    const key = ['Shell', 'File'].includes(item.type) ? 'customize' : 'distribute';
    const template = JSON.parse(expand(snippets['Image template (Linux, Compute Gallery)'].body));
    template.properties[key] = [item];
    const schemaErrors = validateImageTemplateText(JSON.stringify(template, null, 2)).filter((f) => f.rule === 'schema');
    assert.deepEqual(schemaErrors.map((f) => f.message), [], name);
  }
});
