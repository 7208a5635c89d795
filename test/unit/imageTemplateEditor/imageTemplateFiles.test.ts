import { test } from 'node:test';
import assert from 'node:assert/strict';
import { looksLikeImageTemplateDocument } from '../../../src/features/imageTemplateEditor/imageTemplateFiles.ts';

const deployment = '{"resources": [{"type": "Microsoft.VirtualMachineImages/imageTemplates", "apiVersion": "2025-10-01"}]}';

test('a deployment template holding an image template qualifies as JSON, JSONC or arm-template (ARM Tools\' language)', () => {
  for (const language of ['json', 'jsonc', 'arm-template']) assert.equal(looksLikeImageTemplateDocument('/w/main.json', language, deployment), true, language);
  assert.equal(looksLikeImageTemplateDocument('/w/main.json', 'arm-template', '{"resources": []}'), false);
  assert.equal(looksLikeImageTemplateDocument('/w/notes.md', 'markdown', deployment), false);
  assert.equal(looksLikeImageTemplateDocument('/w/web.imagetemplate.json', 'plaintext', '{}'), true);
});
