import { renderFindingText, type FindingParams } from '../../core/encryption/finding.ts';
import type { Translate } from '../../core/l10n/Translate.ts';

// The encryption core returns English templates with named placeholders (`{diskName}`): the template is the
// translation key, and the placeholders are filled after translating so translators keep them in place.
export function translateCoreText(t: Translate, template: string, params?: FindingParams): string {
  return renderFindingText(t(template), params);
}
