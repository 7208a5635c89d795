// Draws fields, lists and notes with @vscode-elements controls, and records the elements that later updates touch
// (controls, hints, item titles, finding slots) by key, so a value change doesn't rebuild the form.

import type { PageStrings } from '../pageStringKeys.ts';
import { h, uniqueId, withProps } from './dom.ts';
import type { ListAction } from './editsForInput.ts';
import type { Block, FieldView, ListView, NoteView } from './formModel.ts';

export interface FormCallbacks {
  strings: PageStrings;
  /** The form can't edit (syntax errors…): every control is disabled. */
  disabled: boolean;
  onInput(key: string, input: string | boolean, immediate: boolean): void;
  onListAction(list: ListView, action: ListAction): void;
}

export interface Registry {
  controls: Map<string, HTMLElement & { value?: string; checked?: boolean }>;
  findingSlots: Map<string, HTMLElement>;
  hints: Map<string, HTMLElement>;
  titles: Map<string, HTMLElement>;
}

export function createRegistry(): Registry {
  return { controls: new Map(), findingSlots: new Map(), hints: new Map(), titles: new Map() };
}

export function findingSlot(key: string, registry: Registry): HTMLElement {
  const slot = h('ul', { class: 'findings', 'aria-live': 'polite' });
  registry.findingSlots.set(key, slot);
  return slot;
}

export function renderBlocks(blocks: Block[], cb: FormCallbacks, registry: Registry, nested = false): HTMLElement[] {
  return blocks.map((block) => {
    if (block.block === 'field') return renderField(block, cb, registry);
    if (block.block === 'list') return renderList(block, cb, registry, nested);
    return renderNote(block, registry);
  });
}

function renderNote(note: NoteView, registry: Registry): HTMLElement {
  return h('div', { class: 'note' }, note.text, findingSlot(note.key, registry));
}

function renderField(field: FieldView, cb: FormCallbacks, registry: Registry): HTMLElement {
  const id = uniqueId('field');
  const disabled = cb.disabled || !!field.readOnly;
  const control = createControl(field, id, disabled);
  registry.controls.set(field.key, control);
  const hint = h('div', { class: 'hint' }, field.hint ?? '');
  registry.hints.set(field.key, hint);
  const label = field.control.type === 'checkbox'
    ? undefined
    : h('vscode-label', { for: id }, field.label, ' ', h('code', { class: 'property' }, field.property));
  return h('div', { class: `field field-${field.control.type}`, 'data-key': field.key }, label, control, hint, findingSlot(field.key, registry));

  function createControl(f: FieldView, controlId: string, off: boolean): HTMLElement {
    if (f.control.type === 'checkbox') {
      const box = withProps(h('vscode-checkbox', { id: controlId }), { checked: f.value === true, disabled: off, label: `${f.label} (${f.property})` });
      box.addEventListener('change', () => cb.onInput(f.key, (box as HTMLElement & { checked: boolean }).checked, true));
      return box;
    }
    if (f.control.type === 'select') {
      const select = h('vscode-single-select', { id: controlId });
      for (const option of f.control.options) {
        select.append(h('vscode-option', { value: option.value, ...(option.value === f.value ? { selected: '' } : {}) }, option.label));
      }
      withProps(select, { disabled: off });
      select.addEventListener('change', () => cb.onInput(f.key, (select as HTMLElement & { value: string }).value, true));
      return select;
    }
    const input = f.control.multiline
      ? withProps(h('vscode-textarea', { id: controlId, rows: '4', resize: 'vertical', monospace: '' }), { value: String(f.value), disabled: off })
      : withProps(h('vscode-textfield', { id: controlId }), { value: String(f.value), disabled: off });
    const read = () => (input as HTMLElement & { value: string }).value;
    input.addEventListener('input', () => cb.onInput(f.key, read(), false));
    input.addEventListener('change', () => cb.onInput(f.key, read(), true));
    return input;
  }
}

function renderList(list: ListView, cb: FormCallbacks, registry: Registry, nested: boolean): HTMLElement {
  const s = cb.strings;
  const container = h('div', { class: nested ? 'list nested' : 'list', 'data-key': list.key },
    nested ? h('h4', {}, list.label, ' ', h('code', { class: 'property' }, list.property)) : undefined,
    findingSlot(list.key, registry));
  if (list.note) {
    container.append(h('div', { class: 'note' }, list.note));
    return container;
  }
  const items = h('ol', { class: 'items' });
  if (list.items.length === 0) container.append(h('div', { class: 'empty' }, s.emptyList));
  for (const item of list.items) {
    const title = h('span', { class: 'item-title' }, item.title);
    registry.titles.set(item.key, title);
    const buttons = h('span', { class: 'item-actions' },
      button(s.moveUp, item.index === 0, () => cb.onListAction(list, { action: 'move', index: item.index, to: item.index - 1 })),
      button(s.moveDown, item.index === item.count - 1, () => cb.onListAction(list, { action: 'move', index: item.index, to: item.index + 1 })),
      button(s.remove, false, () => cb.onListAction(list, { action: 'remove', index: item.index })));
    items.append(h('li', { class: 'item', 'data-key': item.key },
      h('div', { class: 'item-header' }, title, buttons),
      findingSlot(item.key, registry),
      ...renderBlocks(item.blocks, cb, registry, true)));
  }
  container.append(items, renderAdd(list, cb));
  return container;

  function button(text: string, off: boolean, onClick: () => void): HTMLElement {
    const b = withProps(h('vscode-button', { secondary: '' }, text), { disabled: cb.disabled || off });
    b.addEventListener('click', onClick);
    return b;
  }
}

function renderAdd(list: ListView, cb: FormCallbacks): HTMLElement {
  const row = h('div', { class: 'add-row' });
  if (list.addChoices.length === 0) return row;
  let choice = 0;
  if (list.addChoices.length > 1) {
    const select = withProps(h('vscode-single-select', { 'aria-label': list.addLabel }), { disabled: cb.disabled });
    list.addChoices.forEach((c, i) => select.append(h('vscode-option', { value: String(i), ...(i === 0 ? { selected: '' } : {}) }, c.label)));
    select.addEventListener('change', () => { choice = Number((select as HTMLElement & { value: string }).value) || 0; });
    row.append(select);
  }
  const add = withProps(h('vscode-button', {}, list.addLabel), { disabled: cb.disabled });
  add.addEventListener('click', () => cb.onListAction(list, { action: 'add', choice }));
  row.append(add);
  return row;
}
