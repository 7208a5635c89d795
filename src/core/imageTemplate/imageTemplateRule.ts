// The contract every semantic rule follows: a pure function of the template resource and the facts from Azure.

import type { RuleFinding } from './finding.ts';
import type { ImageTemplateFacts } from './imageTemplateFacts.ts';
import type { JsonObject } from './templateAccess.ts';

/** What every semantic rule receives. */
export interface ImageTemplateUnderCheck {
  /** The image template resource object (bare document or the entry in `resources`). */
  resource: JsonObject;
  facts: ImageTemplateFacts;
}

export interface ImageTemplateRule {
  id: string;
  check(template: ImageTemplateUnderCheck): RuleFinding[];
}
