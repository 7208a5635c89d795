// The session most test files want: the real extension (and the local Azure) in code-server, the Azure Linux VMs
// view open and wide enough to read each row's state. Started once for the describe block it is called in, a
// screenshot taken of each failed test, stopped at the end.
import { after, afterEach, before } from 'node:test';
import { startSession, type E2ESession, type SessionOptions } from './session.ts';

export interface ResourceViewOptions {
  /** Runs once the session is up, before the view is opened (files to write, settings to add and reload for). */
  prepare?: (session: E2ESession) => Promise<void>;
  /** Width of the side bar in pixels (640 unless a file wants room for an editor beside it). */
  sideBarWidth?: number;
}

/**
 * Call inside `describe`. The returned object stands for the session once `before` has run (`s.wb`, `s.azure`, …):
 * the test bodies read it as they would a variable assigned in `before`.
 */
export function useResourceViewSession(options: SessionOptions, view: ResourceViewOptions = {}): E2ESession {
  let current: E2ESession | undefined;
  before(async () => {
    current = await startSession(options);
    await view.prepare?.(current);
    await current.wb.openViewContainer('Azure Linux VMs');
    await current.wb.setSideBarWidth(view.sideBarWidth ?? 640);
  });
  afterEach(async (t) => {
    await current?.screenshotIfFailed(t);
  });
  after(async () => {
    await current?.stop();
  });
  return new Proxy({} as E2ESession, {
    get(_target, property) {
      if (!current) throw new Error(`the E2E session ${options.name} has not started (read it inside a test, not at load)`);
      const value: unknown = Reflect.get(current, property);
      return typeof value === 'function' ? value.bind(current) : value;
    },
  });
}
