// The messages between the image template editor's host (extension) and its page (webview), shared by both sides
// (GitLens style): page -> host commands and requests, host -> page notifications and responses. Every message is
// narrowed on receipt by `readPageMessage` / `readHostMessage`; anything that doesn't fit is dropped by the caller.
// Pure: no `vscode`, no DOM.

import { PAGE_STRING_KEYS, type PageStrings } from './pageStringKeys.ts';

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
/** Property names and array indexes, relative to the edited image template resource unless said otherwise. */
export type JsonPath = (string | number)[];

/** One change the form asks for. Paths are relative to the selected template resource. */
export type FormEdit =
  | { op: 'set'; path: JsonPath; value: JsonValue }
  | { op: 'remove'; path: JsonPath }
  | { op: 'insert'; path: JsonPath; index: number; value: JsonValue }
  | { op: 'move'; path: JsonPath; from: number; to: number }
  | { op: 'renameKey'; path: JsonPath; from: string; to: string };

export type Severity = 'error' | 'warning' | 'info';

/** A validation finding, translated, with its path relative to the selected template. */
export interface FieldFinding {
  rule: string;
  severity: Severity;
  message: string;
  path: JsonPath;
}

export interface TemplateChoice {
  label: string;
}

/** Why the form can't edit right now; the page explains it and offers the text editor. */
export type ReadOnlyReason = 'syntaxErrors' | 'empty' | 'notAnObject' | 'noTemplate';

export interface EditorState {
  /** The document version this state was read from. */
  documentVersion: number;
  templates: TemplateChoice[];
  /** Index into `templates`; -1 when there is none. */
  selected: number;
  /** The selected template resource as parsed (anything the user typed), or null. */
  resource: JsonValue;
  /** `deployment` resources need `type`, `apiVersion` and `name`; a bare template body does not. */
  embedding: 'document' | 'deployment';
  readOnly?: ReadOnlyReason;
  /** Findings inside the selected template. */
  findings: FieldFinding[];
  /** Findings elsewhere in the file (syntax errors, other templates): the page shows only their number. */
  otherFindingCount: number;
}

export interface InitialState {
  strings: PageStrings;
  state: EditorState;
}

// ---- page -> host ----
export type IpcCommand =
  | { kind: 'command'; method: 'applyEdits'; params: { documentVersion: number; edits: FormEdit[] } }
  | { kind: 'command'; method: 'selectTemplate'; params: { index: number } }
  | { kind: 'command'; method: 'showText'; params: { beside: boolean; path?: JsonPath } }
  | { kind: 'command'; method: 'createTemplate'; params: Record<string, never> };

export type IpcRequest = { kind: 'request'; id: number; method: 'getInitialState'; params: Record<string, never> };

export type PageMessage = IpcCommand | IpcRequest;

// ---- host -> page ----
export type IpcNotification =
  | { kind: 'notification'; method: 'didChangeState'; params: EditorState }
  | { kind: 'notification'; method: 'didValidate'; params: { documentVersion: number; findings: FieldFinding[]; otherFindingCount: number } };

export type IpcResponse =
  | { kind: 'response'; id: number; method: 'getInitialState'; result: InitialState }
  | { kind: 'response'; id: number; method: 'getInitialState'; error: string };

export type HostMessage = IpcNotification | IpcResponse;

// ---- narrowing ----
type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isIndex = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

export function isJsonPath(v: unknown): v is JsonPath {
  return Array.isArray(v) && v.length <= 64 && v.every((p) => typeof p === 'string' || isIndex(p));
}

export function isJsonValue(v: unknown, depth = 0): v is JsonValue {
  if (depth > 64) return false;
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return true;
  if (typeof v === 'number') return Number.isFinite(v);
  if (Array.isArray(v)) return v.every((item) => isJsonValue(item, depth + 1));
  if (isObj(v)) return Object.values(v).every((item) => isJsonValue(item, depth + 1));
  return false;
}

export function isFormEdit(v: unknown): v is FormEdit {
  if (!isObj(v) || !isJsonPath(v.path)) return false;
  switch (v.op) {
    case 'set': return 'value' in v && isJsonValue(v.value);
    case 'remove': return true;
    case 'insert': return isIndex(v.index) && 'value' in v && isJsonValue(v.value);
    case 'move': return isIndex(v.from) && isIndex(v.to);
    case 'renameKey': return typeof v.from === 'string' && typeof v.to === 'string' && v.to.length > 0;
    default: return false;
  }
}

const isEmptyParams = (v: unknown): v is Record<string, never> => v === undefined || isObj(v);

/** The page's message, or undefined when it isn't one we know (the host logs and ignores it). */
export function readPageMessage(raw: unknown): PageMessage | undefined {
  if (!isObj(raw)) return undefined;
  const p = raw.params;
  if (raw.kind === 'command') {
    switch (raw.method) {
      case 'applyEdits':
        return isObj(p) && isIndex(p.documentVersion) && Array.isArray(p.edits) && p.edits.length > 0 && p.edits.every(isFormEdit)
          ? { kind: 'command', method: 'applyEdits', params: { documentVersion: p.documentVersion, edits: p.edits } }
          : undefined;
      case 'selectTemplate':
        return isObj(p) && isIndex(p.index) ? { kind: 'command', method: 'selectTemplate', params: { index: p.index } } : undefined;
      case 'showText':
        if (!isObj(p) || typeof p.beside !== 'boolean' || (p.path !== undefined && !isJsonPath(p.path))) return undefined;
        return { kind: 'command', method: 'showText', params: { beside: p.beside, ...(p.path ? { path: p.path as JsonPath } : {}) } };
      case 'createTemplate':
        return isEmptyParams(p) ? { kind: 'command', method: 'createTemplate', params: {} } : undefined;
      default:
        return undefined;
    }
  }
  if (raw.kind === 'request' && isIndex(raw.id) && raw.method === 'getInitialState' && isEmptyParams(p)) {
    return { kind: 'request', id: raw.id, method: 'getInitialState', params: {} };
  }
  return undefined;
}

function isFieldFinding(v: unknown): v is FieldFinding {
  return isObj(v) && typeof v.rule === 'string' && typeof v.message === 'string' && isJsonPath(v.path) &&
    (v.severity === 'error' || v.severity === 'warning' || v.severity === 'info');
}

const READ_ONLY_REASONS: readonly unknown[] = ['syntaxErrors', 'empty', 'notAnObject', 'noTemplate'] satisfies ReadOnlyReason[];

export function isEditorState(v: unknown): v is EditorState {
  return isObj(v) && isIndex(v.documentVersion) && Array.isArray(v.templates) &&
    v.templates.every((t) => isObj(t) && typeof t.label === 'string') &&
    typeof v.selected === 'number' && Number.isInteger(v.selected) && v.selected >= -1 && v.selected < v.templates.length &&
    isJsonValue(v.resource) && (v.embedding === 'document' || v.embedding === 'deployment') &&
    (v.readOnly === undefined || READ_ONLY_REASONS.includes(v.readOnly)) &&
    Array.isArray(v.findings) && v.findings.every(isFieldFinding) && isIndex(v.otherFindingCount);
}

function isPageStrings(v: unknown): v is PageStrings {
  return isObj(v) && PAGE_STRING_KEYS.every((key) => typeof v[key] === 'string');
}

/** The host's message, or undefined when it isn't one we know (the page logs and ignores it). */
export function readHostMessage(raw: unknown): HostMessage | undefined {
  if (!isObj(raw)) return undefined;
  const p = raw.params;
  if (raw.kind === 'notification') {
    if (raw.method === 'didChangeState' && isEditorState(p)) return { kind: 'notification', method: 'didChangeState', params: p };
    if (raw.method === 'didValidate' && isObj(p) && isIndex(p.documentVersion) && Array.isArray(p.findings) &&
      p.findings.every(isFieldFinding) && isIndex(p.otherFindingCount)) {
      return { kind: 'notification', method: 'didValidate', params: { documentVersion: p.documentVersion, findings: p.findings, otherFindingCount: p.otherFindingCount } };
    }
    return undefined;
  }
  if (raw.kind === 'response' && isIndex(raw.id) && raw.method === 'getInitialState') {
    if (typeof raw.error === 'string') return { kind: 'response', id: raw.id, method: 'getInitialState', error: raw.error };
    const r = raw.result;
    if (isObj(r) && isPageStrings(r.strings) && isEditorState(r.state)) {
      return { kind: 'response', id: raw.id, method: 'getInitialState', result: { strings: r.strings, state: r.state } };
    }
  }
  return undefined;
}
