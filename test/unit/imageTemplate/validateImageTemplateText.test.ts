import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { validateImageTemplateText } from '../../../src/core/imageTemplate/validateImageTemplateText.ts';
import type { ImageTemplateRule } from '../../../src/core/imageTemplate/imageTemplateRule.ts';
import { templateKey } from '../../../src/core/imageTemplate/imageTemplateFacts.ts';
import { lineAt, lineOf, twoTemplateDeployment } from './templateBuilders.ts';

const fixture = (name: string) => fs.readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const underlined = (text: string, f: { range: { offset: number; length: number } }) => text.substr(f.range.offset, f.range.length);

test('a good Gen2 gallery template yields nothing; a deployment full of expressions yields nothing', () => {
  const findings = validateImageTemplateText(fixture('ubuntuGallery.imagetemplate.json'));
  assert.deepEqual(findings.map((f) => [f.rule, f.severity, f.message]), []);
  assert.deepEqual(validateImageTemplateText(fixture('deploymentWithExpressions.json')), []);
});

test('findings inside a deployment carry the full path and land on the right line', () => {
  const text = fixture('deploymentWithExpressions.json').replace(
    '{ "type": "Shell", "name": "setup", "inline": "[parameters(\'commands\')]" }',
    '{ "type": "Shell", "name": "setup", "inline": ["ls"], "scriptUri": "https://x/s.sh" }',
  );
  const finding = validateImageTemplateText(text).find((f) => f.rule === 'script-or-inline');
  assert.ok(finding);
  assert.deepEqual(finding.path, ['resources', 1, 'properties', 'customize', 0, 'inline']);
  assert.equal(underlined(text, finding), '"inline"');
  assert.equal(lineAt(text, finding.range.offset), lineOf(text, '"name": "setup"'));
});

test('the REST examples pass the schema, and the rules point out their {subscription-id} placeholders', () => {
  const example = JSON.parse(fixture('rest-examples/CreateImageTemplateLinux.json'));
  const text = JSON.stringify(example.parameters.parameters, null, 2);
  const findings = validateImageTemplateText(text);
  assert.deepEqual(findings.filter((f) => f.rule === 'schema'), []);
  assert.deepEqual([...new Set(findings.map((f) => f.rule))].sort(), ['download-checksum', 'unreplaced-placeholder']);
});

test('syntax errors are reported where they are, and the valid part is still checked', () => {
  const text = '{\n  "location": "mars",\n  "identity": {"type": "None"},\n  "properties": {"source": {"type": "ManagedImage", "imageId": "x"} "distribute": []}\n}';
  const findings = validateImageTemplateText(text);
  const syntax = findings.find((f) => f.rule === 'json-syntax');
  assert.ok(syntax);
  assert.equal(syntax.message, 'A comma is expected between items.');
  assert.equal(lineAt(text, syntax.range.offset), 4);
  assert.ok(findings.some((f) => f.rule === 'service-region' && underlined(text, f) === '"mars"'));
});

test('an empty object opened as a template asks for what is missing, one finding per property', () => {
  const findings = validateImageTemplateText('{}');
  assert.deepEqual(findings.map((f) => f.path.join('.')).sort(), ['identity', 'location', 'properties']);
  assert.ok(findings.every((f) => f.range.offset === 0 && f.range.length === 1));
});

test('a deployment template without image templates, and non-object JSON, produce nothing', () => {
  assert.deepEqual(validateImageTemplateText('{"resources": [{"type": "Microsoft.Storage/storageAccounts"}]}'), []);
  assert.deepEqual(validateImageTemplateText('[]'), []);
});

test('findings are sorted by position and carry translation templates', () => {
  const text = fixture('ubuntuGallery.imagetemplate.json').replace('"japaneast"', '"japanwest"').replace('"command -v nginx"', '"x"], "scriptUri": "http://x/y.sh');
  const findings = validateImageTemplateText(text);
  const offsets = findings.map((f) => f.range.offset);
  assert.deepEqual(offsets, [...offsets].sort((a, b) => a - b));
  const region = findings.find((f) => f.rule === 'service-region');
  assert.ok(region);
  assert.equal(region.messageArgs[0], 'japanwest');
  assert.match(region.messageTemplate, /^VM Image Builder does not run in "\{0\}"/);
});

test('facts from Azure reach the rules', () => {
  const text = fixture('ubuntuGallery.imagetemplate.json');
  const factsByTemplate = new Map([[templateKey([]), { stagingResourceGroup: { exists: true, resourceCount: 2 } }]]);
  const findings = validateImageTemplateText(text, { factsByTemplate });
  const staging = findings.find((f) => f.rule === 'staging-resource-group');
  assert.ok(staging);
  assert.equal(lineAt(text, staging.range.offset), lineOf(text, '"stagingResourceGroup"'));
});

test('each template of a deployment is checked against its own facts: a Trusted Launch mismatch shows on its template only', () => {
  const { text, paths: [first, second], facts: [firstFacts, secondFacts] } = twoTemplateDeployment();
  const securityFindings = (factsByTemplate: Map<string, typeof firstFacts>) =>
    validateImageTemplateText(text, { factsByTemplate }).filter((f) => f.rule === 'security-type');

  const both = securityFindings(new Map([[templateKey(first), firstFacts], [templateKey(second), secondFacts]]));
  assert.deepEqual(both.map((f) => f.path), [[...first, 'properties', 'distribute', 0, 'galleryImageId']]);
  assert.match(both[0].message, /source is TrustedLaunchSupported, so the target image definition must be TrustedLaunchSupported too \(it is Standard\)/);
  assert.ok(both[0].range.offset < text.indexOf('"name": "standard"'), 'underlined inside the first template');

  // The consistent template stays clean even with the other's facts around, and a template without facts says nothing.
  assert.deepEqual(securityFindings(new Map([[templateKey(second), secondFacts]])), []);
  assert.deepEqual(securityFindings(new Map([[templateKey(second), firstFacts]])).map((f) => f.path), [[...second, 'properties', 'distribute', 0, 'galleryImageId']]);
});

test('a rule that throws becomes an info finding instead of breaking validation', () => {
  const broken: ImageTemplateRule = { id: 'broken', check: () => { throw new Error('boom'); } };
  const findings = validateImageTemplateText(fixture('ubuntuGallery.imagetemplate.json'), { rules: [broken] });
  assert.deepEqual(findings.map((f) => [f.rule, f.severity, f.message]), [['broken', 'info', 'The check "broken" could not run: boom']]);
});
