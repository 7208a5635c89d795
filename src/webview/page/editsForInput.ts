// Turns what the user did in the form into FormEdits on the template (pure). The host applies them to the text with
// jsonc-parser, so only the edited value changes in the file.

import { isArmExpression } from '../../core/imageTemplate/armExpression.ts';
import type { FormEdit, JsonPath, JsonValue } from '../protocol.ts';
import { asObject, valueAt, type FieldView, type JsonObject, type ListView } from './formModel.ts';

/** The edits for a new input (text, selected option or checkbox state) of `field`; [] when nothing changes. */
export function editsForInput(field: FieldView, input: string | boolean, resource: JsonValue): FormEdit[] {
  if (field.readOnly) return [];
  const current = valueAt(resource, field.path);
  const edit = field.edit;
  // Always sent, even when `resource` already holds the value: it may be older than edits still on their way, and
  // the host turns a no-op into no change at all.
  const set = (value: JsonValue): FormEdit[] => [{ op: 'set', path: field.path, value }];
  const remove = (): FormEdit[] => [{ op: 'remove', path: field.path }];

  if (typeof input === 'boolean') {
    if (edit.mode === 'enabled') return input ? set('Enabled') : remove();
    return input ? set(true) : remove();
  }
  const text = input;
  switch (edit.mode) {
    case 'identity':
      return identityEdits(edit.current, text.trim(), resource);
    case 'kind': {
      const defaults = edit.defaults[text];
      if (!defaults || current === text) return [];
      const parentPath = field.path.slice(0, -1);
      const parent = asObject(valueAt(resource, parentPath)) ?? {};
      const kept: JsonObject = {};
      for (const key of edit.keep) if (parent[key] !== undefined) kept[key] = parent[key];
      return [{ op: 'set', path: parentPath, value: { ...defaults, ...kept, type: text } }];
    }
    case 'integer': {
      const trimmed = text.trim();
      if (!trimmed) return remove();
      return set(/^-?\d+$/.test(trimmed) ? Number(trimmed) : trimmed);
    }
    case 'lines': {
      if (!text.trim()) return remove();
      if (!text.includes('\n') && isArmExpression(text)) return set(text.trim());
      const lines = text.split(/\r?\n/);
      while (lines.length > 0 && !lines[lines.length - 1].trim()) lines.pop();
      return set(lines);
    }
    case 'commaList': {
      if (!text.trim()) return remove();
      if (isArmExpression(text)) return set(text.trim());
      return set(text.split(',').map((part) => part.trim()).filter(Boolean));
    }
    case 'boolean':
    case 'enabled':
    case 'string':
      return text === '' ? remove() : set(text);
  }
}

/** A user-assigned identity is a key of `identity.userAssignedIdentities`: typing renames it. */
function identityEdits(current: string | undefined, id: string, resource: JsonValue): FormEdit[] {
  const at: JsonPath = ['identity', 'userAssignedIdentities'];
  if (current !== undefined) {
    if (id === current) return [];
    return id ? [{ op: 'renameKey', path: at, from: current, to: id }] : [{ op: 'remove', path: [...at, current] }];
  }
  if (!id) return [];
  const identity = asObject(valueAt(resource, ['identity']));
  if (identity && asObject(identity.userAssignedIdentities)) {
    const edits: FormEdit[] = [{ op: 'set', path: [...at, id], value: {} }];
    if (identity.type !== 'UserAssigned') edits.unshift({ op: 'set', path: ['identity', 'type'], value: 'UserAssigned' });
    return edits;
  }
  return [{ op: 'set', path: ['identity'], value: { type: 'UserAssigned', userAssignedIdentities: { [id]: {} } } }];
}

export type ListAction = { action: 'add'; choice: number } | { action: 'move'; index: number; to: number } | { action: 'remove'; index: number };

export function editsForListAction(list: ListView, action: ListAction): FormEdit[] {
  if (list.note) return [];
  const count = list.items.length;
  switch (action.action) {
    case 'add': {
      const choice = list.addChoices[action.choice];
      if (!choice) return [];
      const value = structuredClone(choice.value);
      // A list that doesn't exist yet is created with its first item.
      return count === 0 ? [{ op: 'set', path: list.path, value: [value] }] : [{ op: 'insert', path: list.path, index: count, value }];
    }
    case 'move':
      if (action.index < 0 || action.index >= count || action.to < 0 || action.to >= count || action.to === action.index) return [];
      return [{ op: 'move', path: list.path, from: action.index, to: action.to }];
    case 'remove':
      return action.index >= 0 && action.index < count ? [{ op: 'remove', path: [...list.path, action.index] }] : [];
  }
}
