import { test } from 'node:test';
import assert from 'node:assert/strict';
import { galleryImageIdRule } from '../../../../src/core/imageTemplate/rules/galleryImageIdRule.ts';
import { GALLERY_IMAGE_ID, check, linuxTemplate, propertiesOf } from '../templateBuilders.ts';

const withGalleryId = (galleryImageId: string) => {
  const template = linuxTemplate();
  propertiesOf(template).distribute = [{ type: 'SharedImage', galleryImageId, runOutputName: 'g' }];
  return template;
};
const messagesFor = (id: string) => check(galleryImageIdRule, withGalleryId(id)).map((f) => f.message);

test('an image definition id, an expression or a placeholder-bearing id (reported elsewhere) passes', () => {
  assert.deepEqual(messagesFor(GALLERY_IMAGE_ID), []);
  assert.deepEqual(messagesFor(GALLERY_IMAGE_ID.toLowerCase()), []);
  assert.deepEqual(messagesFor("[resourceId('Microsoft.Compute/galleries/images', 'g', 'i')]"), []);
  assert.deepEqual(messagesFor('/subscriptions/<subscriptionID>/resourceGroups/<rgName>/providers/Microsoft.Compute/galleries/<g>/images/<i>'), []);
});

test('a version id is refused with advice to drop /versions', () => {
  const [message] = messagesFor(`${GALLERY_IMAGE_ID}/versions/1.0.0`);
  assert.match(message, /not a version/);
});

test('a bare name or a truncated id gets the expected shape', () => {
  for (const id of ['ubuntu-gen2', GALLERY_IMAGE_ID.replace('/providers', ''), GALLERY_IMAGE_ID.replace('11111111-2222-3333-4444-555555555555', 'mysub')]) {
    const [message] = messagesFor(id);
    assert.match(message, /Compute Gallery image definition: \/subscriptions\/\{subscriptionId\}/, id);
  }
});

test('a gallery name with a hyphen is refused', () => {
  const [message] = messagesFor(GALLERY_IMAGE_ID.replace('corpGallery', 'corp-gallery'));
  assert.equal(message, 'Gallery name "corp-gallery" is not valid: gallery names use letters, digits, "." and "_" (no hyphens), up to 80 characters.');
});
