// Shared by the form tests: strings that show their key, and the fields of a form view by key.
import { buildFormView } from '../../../src/webview/page/buildFormView.ts';
import { pathKey, type Block, type FieldView, type FormView, type ListView } from '../../../src/webview/page/formModel.ts';
import { PAGE_STRING_KEYS, type PageStrings } from '../../../src/webview/pageStringKeys.ts';
import type { JsonPath, JsonValue } from '../../../src/webview/protocol.ts';

export const STRINGS = Object.fromEntries(PAGE_STRING_KEYS.map((key) => [key, `<${key}>`])) as PageStrings;

export function fieldsOf(view: FormView): Map<string, FieldView> {
  const fields = new Map<string, FieldView>();
  const visit = (blocks: Block[]) => blocks.forEach((b) => {
    if (b.block === 'field') fields.set(b.key, b);
    if (b.block === 'list') b.items.forEach((i) => visit(i.blocks));
  });
  view.sections.forEach((s) => visit(s.blocks));
  return fields;
}


/** The list view at `path` in the form of `resource`. */
export function listAt(resource: JsonValue, path: JsonPath): ListView | undefined {
  let found: ListView | undefined;
  const visit = (blocks: Block[]) => blocks.forEach((b) => {
    if (b.block !== 'list') return;
    if (b.key === pathKey(path)) found = b;
    b.items.forEach((i) => visit(i.blocks));
  });
  buildFormView(resource, STRINGS).sections.forEach((s) => visit(s.blocks));
  return found;
}
