// The shape of a form: which controls exist, of what kind, with which options — not their values. Two states with the
// same shape differ only in values, so the page updates controls in place instead of rebuilding (keeping focus,
// caret and scroll position while the user types).

import type { EditorState } from '../protocol.ts';
import type { Block, FormView } from './formModel.ts';

export function viewShape(view: FormView, state: Pick<EditorState, 'readOnly' | 'templates' | 'selected'>): string {
  const block = (b: Block): unknown => {
    if (b.block === 'note') return ['note', b.key, b.text];
    if (b.block === 'list') return ['list', b.key, b.note ?? '', b.items.map((item) => [item.key, item.count, item.blocks.map(block)])];
    return ['field', b.key, b.control, b.readOnly ?? false, b.edit.mode === 'identity' ? b.edit.current ?? '' : ''];
  };
  return JSON.stringify([
    state.readOnly ?? '', state.selected, state.templates.map((t) => t.label),
    view.sections.map((s) => [s.key, s.blocks.map(block)]),
  ]);
}
