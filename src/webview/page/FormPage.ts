// The form page: a toolbar (template picker, problem count, JSON buttons), a banner when the form can't edit, and the
// sections. A new state whose form has the same shape only refreshes values (never the field being typed in); a new
// shape rebuilds the form. Findings are placed next to the field their path points at.

import type { EditorState, FieldFinding, FormEdit } from '../protocol.ts';
import { formatString, type PageStrings } from '../pageStringKeys.ts';
import { buildFormView } from './buildFormView.ts';
import { h, withProps } from './dom.ts';
import { editsForInput, editsForListAction } from './editsForInput.ts';
import { findingAnchors, groupFindingsByAnchor } from './fieldForPath.ts';
import type { Block, FieldView, FormView } from './formModel.ts';
import type { HostConnection } from './hostConnection.ts';
import { createRegistry, findingSlot, renderBlocks, type FormCallbacks, type Registry } from './renderBlocks.ts';
import { viewShape } from './viewShape.ts';

const INPUT_DELAY_MS = 300;

export class FormPage {
  private readonly root: HTMLElement;
  private readonly strings: PageStrings;
  private readonly host: HostConnection;
  private state: EditorState;
  private view: FormView = { sections: [] };
  private fields = new Map<string, FieldView>();
  private registry: Registry = createRegistry();
  private shape = '';
  private findingsVersion = -1;
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(root: HTMLElement, strings: PageStrings, state: EditorState, host: HostConnection) {
    this.root = root;
    this.strings = strings;
    this.state = state;
    this.host = host;
    this.findingsVersion = state.documentVersion;
    this.render();
  }

  setState(state: EditorState): void {
    if (state.documentVersion < this.state.documentVersion && state.selected === this.state.selected) return;
    this.state = state;
    this.findingsVersion = Math.max(this.findingsVersion, state.documentVersion);
    const view = buildFormView(state.resource, this.strings);
    if (viewShape(view, state) === this.shape) this.refresh(view);
    else this.render();
  }

  setFindings(documentVersion: number, findings: FieldFinding[], otherFindingCount: number): void {
    if (documentVersion < this.findingsVersion) return;
    this.findingsVersion = documentVersion;
    this.state = { ...this.state, findings, otherFindingCount };
    this.placeFindings();
  }

  private render(): void {
    const focusedKey = this.focusedKey();
    this.view = buildFormView(this.state.resource, this.strings);
    this.shape = viewShape(this.view, this.state);
    this.registry = createRegistry();
    this.fields = collectFields(this.view);
    const cb: FormCallbacks = {
      strings: this.strings,
      disabled: this.state.readOnly !== undefined,
      onInput: (key, input, immediate) => this.onInput(key, input, immediate),
      onListAction: (list, action) => this.send(editsForListAction(list, action)),
    };
    const content: HTMLElement[] = [this.toolbar()];
    const banner = this.banner();
    if (banner) content.push(banner);
    if (this.state.selected >= 0) {
      for (const section of this.view.sections) {
        content.push(h('section', { class: 'section', 'data-key': section.key },
          h('h2', {}, section.title), findingSlot(section.key, this.registry), ...renderBlocks(section.blocks, cb, this.registry)));
      }
    }
    this.root.replaceChildren(...content);
    this.root.removeAttribute('aria-busy');
    this.placeFindings();
    if (focusedKey) this.registry.controls.get(focusedKey)?.focus();
  }

  /** Same shape: new values into controls the user isn't typing in, new hints and titles. */
  private refresh(view: FormView): void {
    this.view = view;
    this.fields = collectFields(view);
    for (const [key, field] of this.fields) {
      const control = this.registry.controls.get(key);
      const hint = this.registry.hints.get(key);
      if (hint && hint.textContent !== (field.hint ?? '')) hint.textContent = field.hint ?? '';
      if (!control || control === document.activeElement || this.timers.has(key)) continue;
      if (typeof field.value === 'boolean') {
        if (control.checked !== field.value) control.checked = field.value;
      } else if (control.value !== field.value) {
        control.value = field.value;
      }
    }
    forEachItem(view, (key, title) => {
      const element = this.registry.titles.get(key);
      if (element && element.textContent !== title) element.textContent = title;
    });
    this.placeFindings();
  }

  private onInput(key: string, input: string | boolean, immediate: boolean): void {
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    const flush = () => {
      this.timers.delete(key);
      const field = this.fields.get(key);
      if (field) this.send(editsForInput(field, input, this.state.resource));
    };
    if (immediate) flush();
    else this.timers.set(key, setTimeout(flush, INPUT_DELAY_MS));
  }

  private send(edits: FormEdit[]): void {
    if (edits.length === 0 || this.state.readOnly) return;
    this.host.send({ kind: 'command', method: 'applyEdits', params: { documentVersion: this.state.documentVersion, edits } });
  }

  private toolbar(): HTMLElement {
    const s = this.strings;
    const bar = h('header', { class: 'toolbar' });
    if (this.state.templates.length > 1) {
      const select = h('vscode-single-select', { 'aria-label': s.template });
      this.state.templates.forEach((t, i) => select.append(h('vscode-option', { value: String(i), ...(i === this.state.selected ? { selected: '' } : {}) }, t.label)));
      select.addEventListener('change', () => this.host.send({ kind: 'command', method: 'selectTemplate', params: { index: Number((select as HTMLElement & { value: string }).value) } }));
      bar.append(h('vscode-label', {}, s.template), select);
    }
    bar.append(h('span', { class: 'summary', id: 'summary', 'aria-live': 'polite' }));
    const beside = withProps(h('vscode-button', { secondary: '' }, s.showJsonBeside), {});
    beside.addEventListener('click', () => this.host.send({ kind: 'command', method: 'showText', params: { beside: true } }));
    const asText = withProps(h('vscode-button', { secondary: '' }, s.openAsText), {});
    asText.addEventListener('click', () => this.host.send({ kind: 'command', method: 'showText', params: { beside: false } }));
    bar.append(beside, asText);
    return bar;
  }

  private banner(): HTMLElement | undefined {
    const s = this.strings;
    const reason = this.state.readOnly;
    if (!reason) return undefined;
    const text = { syntaxErrors: s.readOnlySyntax, empty: s.readOnlyEmpty, notAnObject: s.readOnlyNotObject, noTemplate: s.readOnlyNoTemplate }[reason];
    const banner = h('div', { class: `banner banner-${reason}`, role: 'status' }, text);
    if (reason === 'empty') {
      const create = h('vscode-button', {}, s.createTemplate);
      create.addEventListener('click', () => this.host.send({ kind: 'command', method: 'createTemplate', params: {} }));
      banner.append(' ', create);
    }
    return banner;
  }

  private placeFindings(): void {
    const grouped = groupFindingsByAnchor(this.state.findings, findingAnchors(this.view));
    for (const [key, slot] of this.registry.findingSlots) {
      const findings = grouped.get(key) ?? [];
      slot.replaceChildren(...findings.map((f) => this.findingItem(f)));
      slot.closest('.field, .item, .section')?.classList.toggle('has-error', findings.some((f) => f.severity === 'error'));
    }
    const errors = this.state.findings.filter((f) => f.severity === 'error').length;
    const warnings = this.state.findings.filter((f) => f.severity === 'warning').length;
    const summary = this.root.querySelector('#summary');
    if (summary) {
      const parts = [errors + warnings === 0 ? this.strings.noProblems : formatString(this.strings.summary, errors, warnings)];
      if (this.state.otherFindingCount > 0) parts.push(formatString(this.strings.otherFindings, this.state.otherFindingCount));
      summary.textContent = parts.join(' ');
    }
  }

  private findingItem(finding: FieldFinding): HTMLElement {
    const reveal = h('button', { type: 'button', class: 'link', title: this.strings.showInJson }, finding.message);
    reveal.addEventListener('click', () => this.host.send({ kind: 'command', method: 'showText', params: { beside: true, path: finding.path } }));
    return h('li', { class: `finding finding-${finding.severity}` }, h('span', { class: 'severity', 'aria-hidden': 'true' }), reveal);
  }

  private focusedKey(): string | undefined {
    for (const [key, control] of this.registry.controls) if (control === document.activeElement) return key;
    return undefined;
  }
}

function collectFields(view: FormView): Map<string, FieldView> {
  const fields = new Map<string, FieldView>();
  const visit = (blocks: Block[]) => {
    for (const block of blocks) {
      if (block.block === 'field') fields.set(block.key, block);
      else if (block.block === 'list') for (const item of block.items) visit(item.blocks);
    }
  };
  for (const section of view.sections) visit(section.blocks);
  return fields;
}

function forEachItem(view: FormView, visit: (key: string, title: string) => void): void {
  const walk = (blocks: Block[]) => {
    for (const block of blocks) {
      if (block.block !== 'list') continue;
      for (const item of block.items) {
        visit(item.key, item.title);
        walk(item.blocks);
      }
    }
  };
  for (const section of view.sections) walk(section.blocks);
}
