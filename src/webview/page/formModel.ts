// What the form shows, as plain data: sections of fields and lists, each keyed by the JSON path it edits. Built from
// the template resource by `buildFormView` (pure, testable without a DOM) and drawn by `renderForm`.

import { isArmExpression } from '../../core/imageTemplate/armExpression.ts';
import type { JsonPath, JsonValue } from '../protocol.ts';
import type { PageStrings } from '../pageStringKeys.ts';

export type JsonObject = { [key: string]: JsonValue };

/** How a field's input becomes JSON (see `editsForInput`). */
export type EditMode =
  | { mode: 'string' } // '' removes the property
  | { mode: 'integer' } // digits -> number; anything else (an ARM expression) stays a string; '' removes
  | { mode: 'lines' } // one item per line -> string array; a one-line ARM expression stays a string
  | { mode: 'commaList' } // "a, b" -> ["a", "b"]
  | { mode: 'boolean' } // checked -> true, unchecked -> removed (the default is false)
  | { mode: 'enabled' } // checked -> "Enabled", unchecked -> removed
  | { mode: 'kind'; defaults: Record<string, JsonObject>; keep: string[] } // replaces the parent object
  | { mode: 'identity'; current?: string }; // the key of identity.userAssignedIdentities

export type Control =
  | { type: 'text'; multiline?: boolean }
  | { type: 'select'; options: { value: string; label: string }[] }
  | { type: 'checkbox' };

export interface FieldView {
  block: 'field';
  key: string;
  path: JsonPath;
  label: string;
  /** The JSON property, shown beside the label so the form and the text can be matched up. */
  property: string;
  control: Control;
  value: string | boolean;
  edit: EditMode;
  hint?: string;
  /** The value can't be shown as text (an object where a string belongs…): edit it in the JSON. */
  readOnly?: boolean;
}

export interface ItemView {
  key: string;
  path: JsonPath;
  title: string;
  index: number;
  count: number;
  blocks: Block[];
}

export interface ListView {
  block: 'list';
  key: string;
  path: JsonPath;
  label: string;
  property: string;
  items: ItemView[];
  /** What "add" offers; one choice is a plain button, several a menu. */
  addChoices: { label: string; value: JsonObject }[];
  addLabel: string;
  /** Set when the list can't be edited here (an ARM expression stands in for it). */
  note?: string;
}

export interface NoteView {
  block: 'note';
  key: string;
  text: string;
}

export type Block = FieldView | ListView | NoteView;

export interface SectionView {
  key: string;
  title: string;
  /** Further paths whose findings belong to this section. */
  alsoKeys: string[];
  blocks: Block[];
}

export interface FormView {
  sections: SectionView[];
}

export function pathKey(path: JsonPath): string {
  return JSON.stringify(path);
}

export function asObject(value: unknown): JsonObject | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as JsonObject) : undefined;
}

export function valueAt(root: JsonValue | undefined, path: JsonPath): JsonValue | undefined {
  let current: JsonValue | undefined = root;
  for (const part of path) {
    if (typeof part === 'number') current = Array.isArray(current) ? current[part] : undefined;
    else current = asObject(current)?.[part];
    if (current === undefined) return undefined;
  }
  return current;
}

/** Everything a section builder needs. */
export interface ViewContext {
  resource: JsonObject;
  strings: PageStrings;
}

interface FieldOptions {
  label: string;
  control?: Control;
  edit?: EditMode;
  hint?: string;
}

/** A field for `path`, its value shown as the control expects; odd values (objects, lists) become read-only text. */
export function field(ctx: ViewContext, path: JsonPath, options: FieldOptions): FieldView {
  const raw = valueAt(ctx.resource, path);
  const edit = options.edit ?? { mode: 'string' };
  let control = options.control ?? { type: 'text' };
  let value: string | boolean = '';
  let readOnly = false;
  if (control.type === 'checkbox') {
    if (raw === undefined || typeof raw === 'boolean') value = raw === true;
    else if (edit.mode === 'enabled' && (raw === 'Enabled' || raw === 'Disabled')) value = raw === 'Enabled';
    else control = { type: 'text' }; // an ARM expression: show and edit it as text
  }
  if (control.type !== 'checkbox') {
    if (raw === undefined || raw === null) value = '';
    else if (typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean') value = String(raw);
    else if (Array.isArray(raw) && raw.every((item) => typeof item === 'string') && (edit.mode === 'lines' || edit.mode === 'commaList')) {
      value = raw.join(edit.mode === 'lines' ? '\n' : ', ');
    } else {
      value = JSON.stringify(raw);
      readOnly = true;
    }
    if (control.type === 'select' && typeof value === 'string' && value && !control.options.some((o) => o.value === value)) {
      // A value the list doesn't know (a typo the validator reports, or an expression): keep it visible.
      control = isArmExpression(value) ? { type: 'text' } : { type: 'select', options: [...control.options, { value, label: value }] };
    }
  }
  if (blockedByAncestor(ctx.resource, path)) {
    // An ancestor is an ARM expression (e.g. "vmProfile": "[variables('x')]"): editing below it would replace it.
    return {
      block: 'field', key: pathKey(path), path, label: options.label, property: String(path[path.length - 1] ?? ''),
      control: { type: 'text' }, value: '', edit, hint: ctx.strings.setByExpression, readOnly: true,
    };
  }
  const property = String(path[path.length - 1] ?? '');
  return {
    block: 'field', key: pathKey(path), path, label: options.label, property, control, value, edit,
    ...(options.hint ? { hint: options.hint } : {}), ...(readOnly ? { readOnly } : {}),
  };
}

/** True when something on the way to `path` exists but is not an object or array. */
export function blockedByAncestor(root: JsonObject, path: JsonPath): boolean {
  for (let depth = 1; depth < path.length; depth++) {
    const value = valueAt(root, path.slice(0, depth));
    if (value !== undefined && (value === null || typeof value !== 'object')) return true;
  }
  return false;
}

export function selectOptions(entries: [string, string][], strings: PageStrings, allowEmpty: boolean): { value: string; label: string }[] {
  const options = entries.map(([value, label]) => ({ value, label }));
  return allowEmpty ? [{ value: '', label: strings.chooseType }, ...options] : options;
}
