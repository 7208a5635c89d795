// Form edits -> one minimal text replacement on the document (pure). jsonc-parser's `modify` changes only the
// value at a path and keeps the rest of the text (formatting, comments) as it is; moves and key renames work on the
// exact text of the nodes involved. The result is the smallest single replacement between the old and new text, so
// the undo stack, the dirty state and a git diff show just what the user changed.

import { applyEdits, findNodeAtLocation, modify, parseTree, type Edit, type FormattingOptions, type Node } from 'jsonc-parser';
import type { FormEdit, JsonPath } from '../../webview/protocol.ts';

export interface TextReplacement {
  offset: number;
  length: number;
  content: string;
}

export interface ComputedEdit {
  /** Undefined when the edits change nothing. */
  replacement?: TextReplacement;
  text: string;
  /** Edits that could not be applied (the path no longer exists, or a parent is not an object/array). */
  skipped: FormEdit[];
}

/** Applies `edits` (paths relative to the template at `basePath`) to `text`. */
export function computeTextEdit(text: string, basePath: JsonPath, edits: readonly FormEdit[]): ComputedEdit {
  const formatting = detectFormatting(text);
  let current = text;
  const skipped: FormEdit[] = [];
  for (const edit of edits) {
    const absolute = { ...edit, path: [...basePath, ...edit.path] } as FormEdit;
    const next = applyOne(current, absolute, formatting);
    if (next === undefined) skipped.push(edit);
    else current = next;
  }
  const replacement = minimalReplacement(text, current);
  return { text: current, skipped, ...(replacement ? { replacement } : {}) };
}

function applyOne(text: string, edit: FormEdit, formattingOptions: FormattingOptions): string | undefined {
  const root = parseTree(text, [], { allowTrailingComma: true });
  if (!root) return undefined;
  try {
    switch (edit.op) {
      case 'set':
        if (!parentIsContainer(root, edit.path)) return undefined;
        return applyEdits(text, modify(text, edit.path, edit.value, { formattingOptions }));
      case 'remove':
        if (!findNodeAtLocation(root, edit.path)) return text; // already gone: nothing to do
        return applyEdits(text, modify(text, edit.path, undefined, { formattingOptions }));
      case 'insert': {
        const list = findNodeAtLocation(root, edit.path);
        if (list?.type !== 'array') return undefined;
        const index = Math.min(edit.index, list.children?.length ?? 0);
        return applyEdits(text, modify(text, [...edit.path, index], edit.value, { formattingOptions, isArrayInsertion: true }));
      }
      case 'move':
        return moveItem(text, root, edit.path, edit.from, edit.to);
      case 'renameKey':
        return renameKey(text, root, edit.path, edit.from, edit.to);
    }
  } catch {
    return undefined; // jsonc-parser refuses paths through scalars; the caller reports the edit as skipped
  }
}

/** `set` may create missing objects on the way, but never write through a string or number. */
function parentIsContainer(root: Node, path: JsonPath): boolean {
  for (let depth = path.length - 1; depth >= 0; depth--) {
    const node = findNodeAtLocation(root, path.slice(0, depth));
    if (!node) continue;
    return node.type === 'object' || (node.type === 'array' && typeof path[depth] === 'number');
  }
  return false;
}

/** Reorders by moving the items' exact text, so a moved step keeps its own formatting and inner comments. */
function moveItem(text: string, root: Node, path: JsonPath, from: number, to: number): string | undefined {
  const list = findNodeAtLocation(root, path);
  const items = list?.type === 'array' ? (list.children ?? []) : [];
  if (from >= items.length || to >= items.length) return undefined;
  const texts = items.map((node) => text.slice(node.offset, node.offset + node.length));
  const order = texts.map((_, i) => i);
  const [moved] = order.splice(from, 1);
  order.splice(to, 0, moved);
  const edits: Edit[] = [];
  order.forEach((source, position) => {
    if (source !== position) edits.push({ offset: items[position].offset, length: items[position].length, content: texts[source] });
  });
  return applyEdits(text, edits);
}

function renameKey(text: string, root: Node, path: JsonPath, from: string, to: string): string | undefined {
  const value = findNodeAtLocation(root, [...path, from]);
  const key = value?.parent?.type === 'property' ? value.parent.children?.[0] : undefined;
  if (!key) return undefined;
  return applyEdits(text, [{ offset: key.offset, length: key.length, content: JSON.stringify(to) }]);
}

/** Indentation and line ending as the file already uses them (new text should look like the rest). */
export function detectFormatting(text: string): FormattingOptions {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const indented = /^([ \t]+)\S/m.exec(text)?.[1];
  if (indented?.startsWith('\t')) return { insertSpaces: false, tabSize: 4, eol };
  return { insertSpaces: true, tabSize: indented ? Math.min(indented.length, 8) : 2, eol };
}

/** The single smallest replacement that turns `before` into `after` (common prefix and suffix kept). */
export function minimalReplacement(before: string, after: string): TextReplacement | undefined {
  if (before === after) return undefined;
  let start = 0;
  const shorter = Math.min(before.length, after.length);
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before.charCodeAt(endBefore - 1) === after.charCodeAt(endAfter - 1)) {
    endBefore--;
    endAfter--;
  }
  // Don't split a \r\n pair or a surrogate pair between kept and replaced text.
  while (start > 0 && (isLowSurrogate(before.charCodeAt(start)) || (before[start - 1] === '\r' && before[start] === '\n'))) start--;
  return { offset: start, length: endBefore - start, content: after.slice(start, endAfter) };
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
