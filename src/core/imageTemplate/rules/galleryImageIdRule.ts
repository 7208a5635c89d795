// A SharedImage target names the gallery image *definition*; the service creates the version. Common slips: pasting
// a version id, a bare name, or a gallery name with a hyphen (gallery names allow letters, digits, "." and "_" only).

import { isLiteralString } from '../armExpression.ts';
import type { ImageTemplateRule } from '../imageTemplateRule.ts';
import { RESOURCE_ID_SHAPES, matchesResourceIdShape } from '../azureResourceId.ts';
import { localizable, ruleFinding, type RuleFinding } from '../finding.ts';
import { hasPlaceholder } from '../placeholders.ts';
import { distributors, kindOf } from '../templateAccess.ts';

const RULE = 'gallery-image-id';
const GALLERY_NAME = /^[A-Za-z0-9._]{1,80}$/;
const IMAGE_DEFINITION_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/;

export const galleryImageIdRule: ImageTemplateRule = {
  id: RULE,
  check({ resource }) {
    const findings: RuleFinding[] = [];
    for (const { value, path } of distributors(resource)) {
      const id = value.galleryImageId;
      if (kindOf(value) !== 'SharedImage' || !isLiteralString(id) || hasPlaceholder(id)) continue;
      const at = [...path, 'galleryImageId'];
      if (matchesResourceIdShape(id, 'galleryImageVersion')) {
        findings.push(ruleFinding(RULE, 'error', at, localizable(
          'Give the image definition, not a version: remove "/versions/…" from the end. Image Builder creates the new version itself.')));
        continue;
      }
      const match = RESOURCE_ID_SHAPES.galleryImageDefinition.pattern.exec(id.trim());
      if (!match) {
        findings.push(ruleFinding(RULE, 'error', at, localizable(
          '"galleryImageId" must be the resource id of a Compute Gallery image definition: {0}', RESOURCE_ID_SHAPES.galleryImageDefinition.example)));
        continue;
      }
      const [, , , gallery, definition] = match;
      if (!GALLERY_NAME.test(gallery)) {
        findings.push(ruleFinding(RULE, 'error', at, localizable(
          'Gallery name "{0}" is not valid: gallery names use letters, digits, "." and "_" (no hyphens), up to 80 characters.', gallery)));
      }
      if (!IMAGE_DEFINITION_NAME.test(definition) || definition.endsWith('.')) {
        findings.push(ruleFinding(RULE, 'error', at, localizable(
          'Image definition name "{0}" is not valid: use letters, digits, "-", "_" and ".", up to 80 characters, not ending with ".".', definition)));
      }
    }
    return findings;
  },
};
