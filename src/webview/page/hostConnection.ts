// The page's end of the protocol: typed commands and requests out, narrowed notifications and responses in.
// Messages the page doesn't know are logged to the webview console and ignored.

import { readHostMessage, type EditorState, type FieldFinding, type InitialState, type IpcCommand, type PageMessage } from '../protocol.ts';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

export interface HostListener {
  onState(state: EditorState): void;
  onFindings(documentVersion: number, findings: FieldFinding[], otherFindingCount: number): void;
}

export class HostConnection {
  private readonly api = acquireVsCodeApi();
  private nextId = 1;
  private readonly pending = new Map<number, { resolve(value: InitialState): void; reject(error: Error): void }>();
  private readonly listener: HostListener;

  constructor(listener: HostListener) {
    this.listener = listener;
    window.addEventListener('message', (event: MessageEvent) => this.receive(event.data));
  }

  send(command: IpcCommand): void {
    this.post(command);
  }

  getInitialState(): Promise<InitialState> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.post({ kind: 'request', id, method: 'getInitialState', params: {} });
    });
  }

  private post(message: PageMessage): void {
    this.api.postMessage(message);
  }

  private receive(raw: unknown): void {
    const message = readHostMessage(raw);
    if (!message) {
      console.warn('[image template editor] ignored an unknown message from the extension', raw);
      return;
    }
    if (message.kind === 'response') {
      const waiting = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (!waiting) return;
      if ('error' in message) waiting.reject(new Error(message.error));
      else waiting.resolve(message.result);
      return;
    }
    if (message.method === 'didChangeState') this.listener.onState(message.params);
    else this.listener.onFindings(message.params.documentVersion, message.params.findings, message.params.otherFindingCount);
  }
}
