import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findingsForProblems, findingsForTemplate, readEditorState } from '../../../src/features/imageTemplateEditor/readEditorState.ts';
import { validateImageTemplateText } from '../../../src/core/imageTemplate/validateImageTemplateText.ts';
import { formatMessage } from '../../../src/core/l10n/Translate.ts';
import { templateKey } from '../../../src/core/imageTemplate/imageTemplateFacts.ts';
import { twoTemplateDeployment } from '../imageTemplate/templateBuilders.ts';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../imageTemplate/fixtures', name), 'utf8');
const TYPE = 'Microsoft.VirtualMachineImages/imageTemplates';
const deployment = (...names: string[]) => JSON.stringify({
  $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
  resources: [{ type: 'Microsoft.ManagedIdentity/userAssignedIdentities', name: 'id' }, ...names.map((name) => ({ type: TYPE, name, location: name }))],
}, null, 2);

test('a bare template file is edited as a whole', () => {
  const read = readEditorState(fixture('ubuntuGallery.imagetemplate.json'), 3);
  assert.deepEqual(read.basePath, []);
  assert.equal(read.state.documentVersion, 3);
  assert.equal(read.state.selected, 0);
  assert.equal(read.state.embedding, 'document');
  assert.equal(read.state.readOnly, undefined);
  assert.equal((read.state.resource as { name: string }).name, 'ubuntu-golden');
});

test('a template inside a deployment template is found in resources[i]', () => {
  const read = readEditorState(fixture('deploymentWithExpressions.json'), 1);
  assert.deepEqual(read.basePath, ['resources', 1]);
  assert.equal(read.state.embedding, 'deployment');
  assert.deepEqual(read.state.templates.map((t) => t.label), ["[parameters('imageTemplateName')] (resources[1])"]);
});

test('with several templates the user chooses, and the choice follows the template when resources move', () => {
  const first = readEditorState(deployment('a', 'b'), 1, undefined, 1);
  assert.deepEqual(first.state.templates.map((t) => t.label), ['a (resources[1])', 'b (resources[2])']);
  assert.equal((first.state.resource as { name: string }).name, 'b');
  // A resource is inserted before "b": it is now resources[3], still selected by name.
  const moved = readEditorState(deployment('new', 'a', 'b'), 2, first.selection);
  assert.equal(moved.state.selected, 2);
  assert.deepEqual(moved.basePath, ['resources', 3]);
  // "b" is renamed in the text: the same place stays selected.
  const renamed = readEditorState(deployment('new', 'a', 'c'), 3, moved.selection);
  assert.deepEqual(renamed.basePath, ['resources', 3]);
});

test('files the form cannot edit say why', () => {
  assert.equal(readEditorState('  \n', 1).state.readOnly, 'empty');
  assert.equal(readEditorState('[1, 2]', 1).state.readOnly, 'notAnObject');
  assert.equal(readEditorState(deployment(), 1).state.readOnly, 'noTemplate');
  const broken = readEditorState('{ "location": "westus2", "properties": { ', 1);
  assert.equal(broken.state.readOnly, 'syntaxErrors');
  assert.equal((broken.state.resource as { location: string }).location, 'westus2', 'what can be read is still shown');
});

test('an object that is not a deployment template is a template even before it looks like one', () => {
  const read = readEditorState('{}', 1);
  assert.equal(read.state.readOnly, undefined);
  assert.deepEqual(read.basePath, []);
});

test('findings of the selected template get paths relative to it; the others are counted', () => {
  const text = JSON.stringify({
    resources: [
      { type: TYPE, name: 'a', apiVersion: '2025-10-01', location: 'westus2', properties: { customize: [{ type: 'Shell', name: 's' }] } },
      { type: TYPE, name: 'b', apiVersion: '2025-10-01', location: 'nowhere', properties: {} },
    ],
  }, null, 2);
  const findings = validateImageTemplateText(text);
  const { findings: inside, otherFindingCount } = findingsForTemplate(findings, ['resources', 0], formatMessage);
  assert.ok(inside.length > 0 && otherFindingCount > 0);
  assert.equal(inside.length + otherFindingCount, findings.length);
  assert.ok(inside.some((f) => JSON.stringify(f.path) === JSON.stringify(['properties', 'customize', 0, 'type'])), 'Shell step with nothing to run');
  assert.ok(inside.every((f) => f.path[0] !== 'resources'));
  const translated = findingsForTemplate(findings, ['resources', 0], (m) => `ja:${m}`).findings;
  assert.ok(translated.every((f) => f.message.startsWith('ja:')), 'messages go through the translator');
});

test('the form gets the findings from Azure facts of the template it shows, not those of the other template', () => {
  const { text, paths, facts } = twoTemplateDeployment();
  const findings = validateImageTemplateText(text, { factsByTemplate: new Map(paths.map((path, i) => [templateKey(path), facts[i]])) });
  const shown = paths.map((path) => findingsForTemplate(findings, path, formatMessage));
  assert.deepEqual(shown[0].findings.map((f) => [f.rule, f.path.join('.')]), [['security-type', 'properties.distribute.0.galleryImageId']]);
  assert.deepEqual(shown[1], { findings: [], otherFindingCount: 1 }, 'the consistent template: clean, the other\'s error counted elsewhere');
});

test('without a template every finding counts as elsewhere', () => {
  const findings = validateImageTemplateText('{ "a": ');
  assert.deepEqual(findingsForTemplate(findings, undefined, formatMessage), { findings: [], otherFindingCount: findings.length });
});

test('for *.imagetemplate.json the Problems panel leaves schema findings to the JSON language service', () => {
  const findings = validateImageTemplateText('{ "location": 5, "properties": { "customize": [{ "type": "Shell" }] } }');
  assert.ok(findings.some((f) => f.rule === 'schema'));
  const shown = findingsForProblems(findings, true);
  assert.ok(shown.length > 0 && shown.every((f) => f.rule !== 'schema'));
  assert.equal(findingsForProblems(findings, false).length, findings.length);
});
