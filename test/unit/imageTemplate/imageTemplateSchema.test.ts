import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { Ajv } from 'ajv';
import schema from '../../../src/core/imageTemplate/imageTemplate.schema.json' with { type: 'json' };
import { validateAgainstSchema } from '../../../src/core/imageTemplate/validateAgainstSchema.ts';
import { validateImageTemplateText } from '../../../src/core/imageTemplate/validateImageTemplateText.ts';
import { lineOf, linuxTemplate, propertiesOf } from './templateBuilders.ts';

const fixture = (name: string) => fs.readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const restExample = (name: string) => JSON.parse(fixture(`rest-examples/${name}`));
const schemaOnly = (text: string) => validateImageTemplateText(text, { rules: [] });
const messages = (resource: unknown) => validateAgainstSchema(resource, 'document').map((f) => f.message);

test('the REST examples for 2025-10-01 pass: request bodies and returned templates', () => {
  const linux = restExample('CreateImageTemplateLinux.json');
  const windows = restExample('CreateImageTemplateWindows.json');
  const list = restExample('ListImageTemplates.json');
  const bodies = [
    linux.parameters.parameters,
    linux.responses['200'].body,
    windows.parameters.parameters,
    ...list.responses['200'].body.value,
  ];
  for (const body of bodies) assert.deepEqual(validateAgainstSchema(body, 'document'), [], JSON.stringify(body).slice(0, 80));
});

test('variant-only properties are accepted (the published 2025-10-01 schema rejects them)', () => {
  const template = linuxTemplate();
  // source.publisher and customize[].inline are what the published allOf/additionalProperties schema wrongly rejects.
  assert.deepEqual(messages(template), []);
});

test('our own fixtures pass the schema: a full bare template and a deployment full of expressions', () => {
  assert.deepEqual(schemaOnly(fixture('ubuntuGallery.imagetemplate.json')), []);
  assert.deepEqual(schemaOnly(fixture('deploymentWithExpressions.json')), []);
});

test('a property of another variant is refused with a did-you-mean or the allowed list', () => {
  const template = linuxTemplate();
  propertiesOf(template).customize = [{ type: 'File', sourceUri: 'https://x/y', destination: '/tmp/y', inline: ['ls'] }];
  assert.deepEqual(messages(template), ['"inline" is not allowed here. Allowed: type, name, sourceUri, sha256Checksum, destination.']);
  propertiesOf(template).customize = [{ type: 'Shell', scriptUrl: 'https://x/y' }];
  assert.deepEqual(messages(template), ['"scriptUrl" is not allowed here. Did you mean "scriptUri"?']);
});

test('an unknown discriminator lists the kinds that exist', () => {
  const template = linuxTemplate();
  propertiesOf(template).customize = [{ type: 'Bash', inline: ['ls'] }];
  assert.deepEqual(messages(template), ['"type" must be one of: Shell, PowerShell, File, WindowsRestart, WindowsUpdate.']);
  propertiesOf(template).source = { type: 'Marketplace' };
  assert.ok(messages(template).includes('"type" must be one of: PlatformImage, ManagedImage, SharedImageVersion.'));
});

test('buildTimeoutInMinutes takes 0 to 960', () => {
  const template = linuxTemplate();
  for (const ok of [0, 960, '[parameters(\'t\')]']) {
    propertiesOf(template).buildTimeoutInMinutes = ok;
    assert.deepEqual(messages(template), [], String(ok));
  }
  for (const bad of [961, -1, 1.5, '60']) {
    propertiesOf(template).buildTimeoutInMinutes = bad;
    assert.deepEqual(messages(template), ['buildTimeoutInMinutes must be a whole number from 0 to 960 (16 hours); 0 uses the default of 4 hours.'], String(bad));
  }
});

test('ARM expressions are accepted for objects, arrays, numbers, booleans and enums, but a plain string is not an object', () => {
  const template = linuxTemplate();
  Object.assign(propertiesOf(template), {
    vmProfile: "[variables('vmProfile')]",
    customize: "[parameters('steps')]",
    validate: { continueDistributeOnFailure: "[parameters('b')]" },
    errorHandling: { onCustomizerError: "[parameters('mode')]" },
  });
  assert.deepEqual(messages(template), []);
  propertiesOf(template).vmProfile = 'Standard_D2s_v3';
  assert.deepEqual(messages(template), ['Expected an object { … } here.']);
  propertiesOf(template).vmProfile = '[[not an expression]';
  assert.deepEqual(messages(template), ['Expected an object { … } here.']);
});

test('missing required properties get a hint about what to add', () => {
  const template = linuxTemplate();
  delete propertiesOf(template).source;
  assert.deepEqual(messages(template), [
    'Missing "source": add the image to start from, a Marketplace image (PlatformImage), a managed image (ManagedImage) or a Compute Gallery image version (SharedImageVersion).',
  ]);
});

test('inside a deployment the resource needs type, apiVersion and name; a bare template does not', () => {
  const template = linuxTemplate();
  assert.deepEqual(validateAgainstSchema(template, 'document'), []);
  const inDeployment = validateAgainstSchema({ ...template, type: 'Microsoft.VirtualMachineImages/imageTemplates' }, 'deployment');
  assert.deepEqual(inDeployment.map((f) => f.path), [['apiVersion'], ['name']]);
});

test('a schema finding is underlined on the offending line', () => {
  const text = fixture('ubuntuGallery.imagetemplate.json').replace('"replicaCount": 2', '"replicaCount": 0');
  const [finding] = schemaOnly(text);
  assert.equal(finding.message, 'replicaCount is a whole number, 1 or more.');
  assert.equal(text.slice(finding.range.offset, finding.range.offset + finding.range.length), '0');
  assert.equal(lineOf(text, '"replicaCount": 0'), text.slice(0, finding.range.offset).split('\n').length);
  assert.deepEqual(finding.path, ['properties', 'distribute', 0, 'targetRegions', 0, 'replicaCount']);
});

test('an unknown property is underlined by its name, a missing one at its parent', () => {
  const text = '{\n  "location": "westus",\n  "identity": {"type": "None"},\n  "properties": {\n    "source": {"type": "ManagedImage"},\n    "distribute": [{"type": "VHD", "runOutputName": "v", "url": "https://x"}]\n  }\n}';
  const findings = schemaOnly(text);
  const unknown = findings.find((f) => f.message.startsWith('"url"'));
  const missing = findings.find((f) => f.message.startsWith('Missing "imageId"'));
  assert.ok(unknown && missing, JSON.stringify(findings.map((f) => f.message)));
  assert.equal(text.substr(unknown.range.offset, unknown.range.length), '"url"');
  assert.equal(text.substr(missing.range.offset, missing.range.length), '"source"');
  assert.equal(unknown.messageTemplate, '"{0}" is not allowed here. Did you mean "{1}"?');
  assert.deepEqual(unknown.messageArgs, ['url', 'uri']);
});

test('every defaultSnippet body, with its defaults filled in, is valid where it is offered', () => {
  const ajv = new Ajv({ strict: false });
  ajv.addSchema(schema);
  let count = 0;
  const visit = (node: unknown, pointer: string) => {
    if (!node || typeof node !== 'object') return;
    const snippets = (node as { defaultSnippets?: { label: string; body: unknown }[] }).defaultSnippets;
    for (const snippet of snippets ?? []) {
      // Fill the tab stops with their defaults, as accepting the snippet does; `<sha256>` is a placeholder the user
      // must replace (the placeholder rule says so), so it is filled as the user would.
      const filled = JSON.stringify(snippet.body).replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/"\^([^"]*)"/g, '$1');
      const body = JSON.parse(filled.replace(/<sha256>/g, 'a'.repeat(64)));
      const validate = ajv.getSchema(`${schema.$id}#${pointer}`);
      assert.ok(validate, pointer);
      assert.ok(validate(body), `${snippet.label} at ${pointer}: ${JSON.stringify(validate.errors)}`);
      count++;
    }
    for (const [key, child] of Object.entries(node)) {
      if (key !== 'defaultSnippets') visit(child, `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`);
    }
  };
  visit(schema, '');
  assert.ok(count >= 15, `only ${count} snippets checked`);
});

test('every property in the schema carries a description for hover', () => {
  const undocumented: string[] = [];
  const visit = (node: unknown, where: string) => {
    if (!node || typeof node !== 'object') return;
    const schemaNode = node as { type?: string; properties?: Record<string, Record<string, unknown>> };
    const properties = schemaNode.type === 'object' ? schemaNode.properties : undefined;
    for (const [name, property] of Object.entries(properties ?? {})) {
      const documented = 'markdownDescription' in property || '$ref' in property || Object.keys(property).length === 0;
      if (!documented && !where.includes('/if')) undocumented.push(`${where}.${name}`);
    }
    for (const [key, child] of Object.entries(node)) visit(child, `${where}/${key}`);
  };
  visit(schema.definitions, '');
  assert.deepEqual(undocumented, []);
});

test('the root schema (what jsonValidation contributes) handles both a bare template and a deployment template', () => {
  const ajv = new Ajv({ strict: false, allErrors: true });
  const validate = ajv.compile(schema);
  assert.ok(validate(JSON.parse(fixture('ubuntuGallery.imagetemplate.json'))), JSON.stringify(validate.errors));
  const deployment = JSON.parse(fixture('deploymentWithExpressions.json')) as { resources: { properties: Record<string, unknown> }[] };
  assert.ok(validate(deployment), JSON.stringify(validate.errors));
  deployment.resources[1].properties.buildTimeoutInMinutes = 2000;
  deployment.resources[0].properties = { anything: true }; // other resource types are not ours to judge
  assert.equal(validate(deployment), false);
  const paths = (validate.errors ?? []).map((e) => `${e.instancePath} ${e.keyword}`);
  assert.ok(paths.includes('/resources/1/properties/buildTimeoutInMinutes maximum'), paths.join('\n'));
  assert.ok(!paths.some((p) => p.startsWith('/resources/0')), paths.join('\n'));
});
