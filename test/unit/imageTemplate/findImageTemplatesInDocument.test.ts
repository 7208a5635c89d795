import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { findImageTemplatesInDocument } from '../../../src/core/imageTemplate/findImageTemplatesInDocument.ts';

const fixture = (name: string) => fs.readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

test('a bare template file is one template at the root', () => {
  const [found, ...rest] = findImageTemplatesInDocument(fixture('ubuntuGallery.imagetemplate.json'));
  assert.equal(rest.length, 0);
  assert.deepEqual(found.path, []);
  assert.equal(found.embedding, 'document');
  assert.equal(found.name, 'ubuntu-golden');
});

test('a REST body without "type" is recognised by its properties', () => {
  const body = { location: 'westus', identity: {}, properties: { source: {}, distribute: [] } };
  assert.equal(findImageTemplatesInDocument(JSON.stringify(body)).length, 1);
});

test('in a deployment template only image template resources are returned, with their paths', () => {
  const found = findImageTemplatesInDocument(fixture('deploymentWithExpressions.json'));
  assert.deepEqual(found.map((t) => [t.path, t.embedding]), [[['resources', 1], 'deployment']]);
});

test('symbolic-name resources, nested deployments and any casing of the type are found', () => {
  const template = {
    languageVersion: '2.0',
    resources: {
      golden: { type: 'microsoft.virtualmachineimages/IMAGETEMPLATES', apiVersion: '2025-10-01', name: 'a' },
      nested: {
        type: 'Microsoft.Resources/deployments', apiVersion: '2022-09-01', name: 'inner',
        properties: { template: { resources: [{ type: 'Microsoft.VirtualMachineImages/imageTemplates', name: 'b' }] } },
      },
    },
  };
  const found = findImageTemplatesInDocument(JSON.stringify(template));
  assert.deepEqual(found.map((t) => t.path), [['resources', 'golden'], ['resources', 'nested', 'properties', 'template', 'resources', 0]]);
});

test('other JSON (a package.json, an array, broken text) holds no template', () => {
  assert.deepEqual(findImageTemplatesInDocument('{"name": "pkg", "version": "1.0.0"}'), []);
  assert.deepEqual(findImageTemplatesInDocument('[1, 2]'), []);
  assert.deepEqual(findImageTemplatesInDocument('{"type": "Microsoft.Compute/virtualMachines", "properties": {}}'), []);
  assert.deepEqual(findImageTemplatesInDocument(''), []);
});
