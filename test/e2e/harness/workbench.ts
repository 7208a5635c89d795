// Drives the VS Code workbench in Debian's Chromium through playwright-core, the way a person uses it: the activity
// bar, tree rows, the command palette, quick picks, notifications, the editor. Selectors are VS Code 1.105's DOM.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Frame, type Locator, type Page } from 'playwright-core';
import { repoRoot } from './processes.ts';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage',
  '--disable-features=LocalNetworkAccessChecks'];
export const screenshotDir = resolve(repoRoot, 'test-results/e2e');

export interface TreeRow {
  label: string;
  description: string;
  level: number;
  /** undefined when the row has no children */
  expanded: boolean | undefined;
  ariaLabel: string;
}

export class Workbench {
  /** The path each row locator from treeRow was found by, so that actions on it can find it again. */
  private readonly rowPaths = new WeakMap<Locator, Array<string | RegExp>>();
  readonly browser: Browser;
  readonly page: Page;
  /** Page errors seen so far (uncaught exceptions in the workbench). */
  readonly pageErrors: string[] = [];

  constructor(browser: Browser, page: Page) {
    this.browser = browser;
    this.page = page;
    page.on('pageerror', e => this.pageErrors.push(e.message));
  }

  static async open(url: string, timeoutMs = 90_000): Promise<Workbench> {
    const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });
    try {
      const context = await browser.newContext({ viewport: { width: 1440, height: 960 }, locale: 'en-US' });
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(url).origin });
      const page = await context.newPage();
      page.setDefaultTimeout(20_000);
      const wb = new Workbench(browser, page);
      await page.goto(url);
      await page.waitForSelector('.monaco-workbench', { timeout: timeoutMs });
      // The status bar shows the remote host once the extension host is connected.
      await page.waitForSelector('.statusbar', { timeout: timeoutMs });
      await page.waitForTimeout(1500);
      return wb;
    } catch (err) {
      await browser.close();
      throw err;
    }
  }

  async close(): Promise<void> {
    await this.browser.close();
  }

  // ---- activity bar and views ----

  /** Opens a view container from the activity bar by its title (the icon's tooltip). */
  async openViewContainer(title: string): Promise<void> {
    const item = this.page.locator(`.activitybar .action-item a.action-label[aria-label^="${cssString(title)}"]`).first();
    await item.waitFor({ timeout: 30_000 });
    const li = item.locator('xpath=..');
    if ((await li.getAttribute('aria-selected')) !== 'true' && !(await li.evaluate(e => e.classList.contains('checked')))) {
      await item.click();
    }
    await this.page.locator(`.sidebar .composite.title h2[title^="${cssString(title)}" i], .sidebar .title-label h2`).first().waitFor();
  }

  /** Drags the side bar's edge so rows show their whole description (screenshots a person can read). */
  async setSideBarWidth(width: number): Promise<void> {
    const box = await this.page.locator('.part.sidebar').boundingBox();
    if (!box) return;
    const y = box.y + box.height / 2;
    await this.page.mouse.move(box.x + box.width - 1, y);
    await this.page.mouse.down();
    await this.page.mouse.move(box.x + width / 2, y, { steps: 4 });
    await this.page.mouse.move(box.x + width, y, { steps: 4 });
    await this.page.mouse.up();
    await this.page.mouse.move(0, 0);
  }

  /** The pane (one view inside the side bar) whose header reads `name`. */
  pane(name: string): Locator {
    return this.page.locator('.sidebar .pane', { has: this.page.locator(`.pane-header[aria-label^="${cssString(name)}" i]`) })
      .or(this.page.locator('.sidebar .pane').filter({ has: this.page.locator('.pane-header h3.title', { hasText: name }) }))
      .first();
  }

  /** Rows currently rendered in the side bar's trees (the list is virtual: only visible rows exist). */
  async treeRows(scope: Locator = this.page.locator('.sidebar')): Promise<TreeRow[]> {
    return (await renderedRows(scope)).map(({ index: _index, ...row }) => row);
  }

  /**
   * The row reached by a path of labels: `['Contoso Dev/Test', 'Virtual machines', 'vm-web-01']`. Each label
   * matches a row's label exactly (or a RegExp) among the descendants of the previous one. Waits for it to appear.
   */
  async treeRow(path: Array<string | RegExp>, timeoutMs = 30_000): Promise<Locator> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const rows = await renderedRows(this.page.locator('.sidebar'));
      const found = positionOf(rows, path);
      if (found !== undefined) {
        // The row at that place *with that label*: when the tree re-renders and rows move, the locator finds nothing
        // (and a context menu looks the row up again) rather than acting on whatever row took its place.
        const label = path[path.length - 1];
        const row = this.page.locator(`.sidebar .monaco-list-row[data-index="${rows[found].index}"]`)
          .filter({ has: this.page.locator('.label-name', { hasText: typeof label === 'string' ? new RegExp(`^\\s*${escapeRegExp(label)}\\s*$`) : label }) })
          .first();
        this.rowPaths.set(row, path);
        return row;
      }
      await this.reopenCollapsedAncestor(rows, path);
      if (Date.now() > deadline) {
        const twistie = (r: TreeRow) => (r.expanded === undefined ? '' : r.expanded ? '▾ ' : '▸ ');
        const seen = (await this.treeRows()).map(r => `${'  '.repeat(r.level - 1)}${twistie(r)}${r.label} ${r.description}`).join('\n');
        throw new Error(`tree row ${pathText(path)} not found; rows:\n${seen}`);
      }
      await this.page.waitForTimeout(250);
    }
  }

  /**
   * A person looking for a row opens its group again if it is closed. VS Code can close a group that is refreshed
   * while it is being expanded, so a row that is not shown under a collapsed ancestor is looked for after one click.
   */
  private async reopenCollapsedAncestor(rows: RenderedRow[], path: Array<string | RegExp>): Promise<void> {
    for (let depth = path.length - 1; depth >= 1; depth--) {
      const at = positionOf(rows, path.slice(0, depth));
      if (at === undefined) continue;
      if (rows[at].expanded === false) {
        const row = this.page.locator(`.sidebar .monaco-list-row[data-index="${rows[at].index}"]`).first();
        await row.locator('.monaco-tl-twistie').click().catch(() => undefined);
        // Wait for the click to show, so that the next poll does not click again and close it.
        await row.and(this.page.locator('[aria-expanded="true"]')).waitFor({ timeout: 5_000 }).catch(() => undefined);
      }
      return;
    }
  }

  /** The codicon a tree row shows (`plug` for `codicon-plug`), or '' when it shows none. */
  async rowIcon(row: Locator): Promise<string> {
    return row.evaluate(e => {
      const icon = e.querySelector('.custom-view-tree-node-item-icon, .monaco-icon-label .codicon');
      const name = Array.from(icon?.classList ?? [] as string[]).find(c => c.startsWith('codicon-') && c !== 'codicon-modifier-spin');
      return name ? name.slice('codicon-'.length) : '';
    });
  }

  async rowInfo(row: Locator): Promise<TreeRow> {
    return row.evaluate(e => ({
      label: (e.querySelector('.label-name')?.textContent ?? '').trim(),
      description: (e.querySelector('.label-description')?.textContent ?? '').trim(),
      level: Number(e.getAttribute('aria-level') ?? 1),
      expanded: e.hasAttribute('aria-expanded') ? e.getAttribute('aria-expanded') === 'true' : undefined,
      ariaLabel: e.getAttribute('aria-label') ?? '',
    }));
  }

  /**
   * Expands the row at `path` (a click on its twistie) and waits until it shows as expanded. Collapsed ancestors
   * are expanded first, as a person would (the tree may have been refreshed or collapsed since).
   */
  async expand(path: Array<string | RegExp>): Promise<Locator> {
    for (let depth = 1; depth < path.length; depth++) {
      const ancestor = await this.treeRow(path.slice(0, depth));
      if ((await ancestor.getAttribute('aria-expanded')) === 'false') await this.expand(path.slice(0, depth));
    }
    // The row is found again on every poll: a refresh of the tree (a command finishing) re-renders its rows, and a
    // click that landed on the old element is lost, so it is clicked again (at most three times).
    for (let attempt = 1; ; attempt++) {
      const row = await this.treeRow(path);
      if ((await row.getAttribute('aria-expanded')) === 'true') return row;
      await row.locator('.monaco-tl-twistie').click();
      const deadline = Date.now() + 10_000;
      while (Date.now() < deadline) {
        const current = await this.treeRow(path);
        if ((await current.getAttribute('aria-expanded')) === 'true') return current;
        await this.page.waitForTimeout(200);
      }
      if (attempt >= 3) throw new Error(`${pathText(path)} did not expand`);
    }
  }

  /** Collapses the row at `path` if it is expanded (keeps the virtual list short enough to see what follows). */
  async collapse(path: Array<string | RegExp>): Promise<void> {
    const row = await this.treeRow(path);
    if ((await row.getAttribute('aria-expanded')) === 'true') {
      await row.locator('.monaco-tl-twistie').click();
      await this.page.waitForFunction(
        el => el?.getAttribute('aria-expanded') === 'false', await row.elementHandle(), { timeout: 10_000 });
    }
  }

  /** Expands the row and waits until it has rendered children (loading placeholders gone). */
  async expandAndWaitForChildren(path: Array<string | RegExp>, timeoutMs = 30_000): Promise<TreeRow[]> {
    await this.expand(path);
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const children = await this.childrenOf(path);
      if (children.length > 0 && !children.some(c => /^Loading/i.test(c.label))) return children;
      if (Date.now() > deadline) throw new Error(`${pathText(path)} shows no children`);
      await this.page.waitForTimeout(250);
    }
  }

  /**
   * The rendered direct children of the row at `path`. One snapshot of the DOM is read: the tree re-renders while a
   * command refreshes it, and two reads could disagree on which row is where.
   */
  async childrenOf(path: Array<string | RegExp>): Promise<TreeRow[]> {
    const rows = await renderedRows(this.page.locator('.sidebar'));
    const start = positionOf(rows, path);
    if (start === undefined) return [];
    const parent = rows[start];
    const out: TreeRow[] = [];
    for (let i = start + 1; i < rows.length && rows[i].level > parent.level; i++) {
      if (rows[i].level === parent.level + 1) out.push(withoutIndex(rows[i]));
    }
    return out;
  }

  /** Hovers the row and returns the text of the hover that appears (the tree item's tooltip). */
  async tooltipOf(row: Locator): Promise<string> {
    await this.page.mouse.move(0, 0);
    await row.locator('.monaco-icon-label').hover();
    const hover = this.page.locator('.workbench-hover, .monaco-hover:not(.hidden)').filter({ hasText: /\S/ }).last();
    await hover.waitFor({ state: 'visible', timeout: 10_000 });
    const text = (await hover.innerText()).trim();
    await this.page.mouse.move(0, 0);
    await this.page.keyboard.press('Escape');
    return text;
  }

  /** Clicks an inline action button (by its title, e.g. "Retry") on the row. */
  async clickRowAction(row: Locator, title: string): Promise<void> {
    await row.hover();
    await row.locator(`.actions .action-label[aria-label^="${cssString(title)}" i]`).first().click();
  }

  /** Clicks an action in the side bar view's title bar (e.g. "Refresh"). */
  async clickViewTitleAction(title: string): Promise<void> {
    await this.page.locator('.sidebar').hover();
    await this.page.locator(`.sidebar :is(.title-actions, .pane-header .actions) .action-label[aria-label^="${cssString(title)}" i]`)
      .first().click();
  }

  /** Opens the row's context menu and chooses an entry. */
  async contextMenu(row: Locator, entry: string | RegExp): Promise<void> {
    // The tree may re-render the row under the pointer (children arriving) and close a fresh menu: retry, finding
    // the row again by its path (a row from treeRow) since it may have moved.
    const path = this.rowPaths.get(row);
    for (let attempt = 1; attempt <= 3; attempt++) {
      const target = path && attempt > 1 ? await this.treeRow(path) : row;
      if (!(await target.click({ button: 'right', timeout: 5000 }).then(() => true, () => false))) continue;
      const item = this.page.locator('.monaco-menu .action-item:not(.disabled) .action-label', { hasText: entry }).first();
      if (!(await item.waitFor({ timeout: 5000 }).then(() => true, () => false))) {
        await this.page.keyboard.press('Escape');
        continue;
      }
      await item.hover();
      await item.click();
      if (await this.page.locator('.monaco-menu').first().waitFor({ state: 'hidden', timeout: 5000 }).then(() => true, () => false)) return;
      await this.page.keyboard.press('Escape');
    }
    throw new Error(`context menu entry "${String(entry)}" could not be chosen`);
  }

  /** Waits until the row at `path` shows a description matching `pattern` (the tree updating itself). */
  async waitForRowDescription(path: Array<string | RegExp>, pattern: RegExp, timeoutMs = 60_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const description = await this.treeRow(path, 5_000).then((row) => this.rowInfo(row)).then((r) => r.description, () => '');
      if (pattern.test(description)) return description;
      if (Date.now() > deadline) throw new Error(`${pathText(path)} never showed ${String(pattern)} (last: "${description}")`);
      await this.page.waitForTimeout(250);
    }
  }

  // ---- dialogs ----

  /** The modal dialog (a modal showWarningMessage / showInformationMessage). */
  dialog(): Locator {
    return this.page.locator('.monaco-dialog-box');
  }

  /** A button of the modal dialog, by its whole text. */
  dialogButton(text: string): Locator {
    return this.dialog().locator('.monaco-button', { hasText: new RegExp(`^${escapeRegExp(text)}$`) }).first();
  }

  // ---- command palette and quick picks ----

  /** Runs a command from the palette (F1) by its full title, e.g. "Azure Linux VM: View Properties". */
  async runCommand(title: string, timeoutMs = 60_000): Promise<void> {
    // The palette lists the commands known when it opens; right after start-up the extension host may not have
    // registered an extension's contributions yet, so reopen it until the command shows up.
    const deadline = Date.now() + timeoutMs;
    const row = this.page.locator('.quick-input-widget .quick-input-list .monaco-list-row')
      .filter({ has: this.page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(title)}$`) }) }).first();
    for (;;) {
      await this.closeQuickInput();
      await this.page.keyboard.press('F1');
      const input = this.quickInput();
      // Right after a palette closes over a webview editor, the webview takes focus back asynchronously (later
      // under load); if that lands after F1, the new palette closes on blur before we type. Then open it again.
      const opened = await input.waitFor({ timeout: 5000 }).then(() => input.fill(`>${title}`, { timeout: 5000 })).then(() => true, () => false);
      if (opened && await row.waitFor({ timeout: 3000 }).then(() => true, () => false)) break;
      if (Date.now() > deadline) {
        throw new Error(opened ? `command "${title}" is not in the command palette` : `the command palette did not stay open to run "${title}"`);
      }
    }
    await row.click();
  }

  quickInput(): Locator {
    return this.page.locator('.quick-input-widget:not([style*="display: none"]) .quick-input-box input');
  }

  /** Waits for a quick pick (optionally one whose placeholder/title matches) and returns its item labels. */
  async quickPickItems(prompt?: string | RegExp, timeoutMs = 30_000): Promise<string[]> {
    const widget = this.page.locator('.quick-input-widget:not([style*="display: none"])');
    await widget.waitFor({ timeout: timeoutMs });
    if (prompt) {
      const deadline = Date.now() + timeoutMs;
      const asks = (text: string) => typeof prompt === 'string' ? text.includes(prompt) : prompt.test(text);
      while (!asks(await this.quickPickPrompt())) {
        if (Date.now() > deadline) throw new Error(`quick pick "${String(prompt)}" not shown (showing "${await this.quickPickPrompt()}")`);
        await this.page.waitForTimeout(200);
      }
    }
    await widget.locator('.quick-input-list .monaco-list-row').first().waitFor({ timeout: timeoutMs });
    return (await this.quickPickEntries()).map(e => e.label);
  }

  /** The quick pick's rows as shown: label (without its icon), description, detail. */
  async quickPickEntries(): Promise<Array<{ label: string; description: string; detail: string }>> {
    return this.page.locator('.quick-input-widget:not([style*="display: none"]) .quick-input-list .monaco-list-row')
      .evaluateAll(els => els.map(e => {
        const rows = e.querySelectorAll('.quick-input-list-rows > .quick-input-list-row');
        const text = (el: Element | null | undefined) => (el?.textContent ?? '').trim();
        return {
          label: text(rows[0]?.querySelector('.label-name')),
          description: text(rows[0]?.querySelector('.label-description')),
          detail: text(rows[1]?.querySelector('.label-name')),
        };
      }));
  }

  /** The quick pick's placeholder or title (what it asks). */
  async quickPickPrompt(): Promise<string> {
    const widget = this.page.locator('.quick-input-widget:not([style*="display: none"])');
    if (!(await widget.count())) return '';
    const placeholder = (await widget.locator('.quick-input-box input').getAttribute('placeholder')) ?? '';
    const title = (await widget.locator('.quick-input-title').innerText().catch(() => '')).trim();
    return [title, placeholder].filter(Boolean).join(' — ');
  }

  /**
   * Waits for the input box (showInputBox) whose title, placeholder or prompt matches `prompt` and returns its text
   * field, ready to read or type into. A quick pick that was just accepted stays on screen, holding the filter text
   * `pick` typed, until the extension host's answer (hide it, show the next input) comes back; on a busy machine that
   * takes a while, so `quickInput()` read right after a pick can still be the pick's. Both use the same widget, hence
   * the check that its list is gone as well as the prompt (an input box and the next pick may share a title).
   */
  async inputBox(prompt: string | RegExp, timeoutMs = 30_000): Promise<Locator> {
    const asks = (text: string) => typeof prompt === 'string' ? text.includes(prompt) : prompt.test(text);
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const shown = await this.inputBoxPrompt();
      if (shown !== undefined && asks(shown)) return this.quickInput();
      if (Date.now() > deadline) throw new Error(`input box "${String(prompt)}" not shown (showing "${await this.quickPickPrompt()}")`);
      await this.page.waitForTimeout(200);
    }
  }

  /** What the input box on screen asks (title — placeholder — prompt), or undefined when a quick pick (a list) or nothing shows. */
  private async inputBoxPrompt(): Promise<string | undefined> {
    return this.page.locator('.quick-input-widget').evaluateAll(widgets => {
      const displayed = (el: Element | null | undefined) => !!el && (el as HTMLElement).style.display !== 'none';
      const widget = widgets.find(displayed);
      // VS Code hides the list (display: none on .quick-input-list) while the widget is an input box.
      if (!widget || displayed(widget.querySelector('.quick-input-list'))) return undefined;
      const shown = (selector: string) => {
        const el = widget.querySelector(selector);
        return displayed(el) ? (el?.textContent ?? '').trim() : '';
      };
      const placeholder = widget.querySelector('.quick-input-box input')?.getAttribute('placeholder') ?? '';
      return [shown('.quick-input-title'), placeholder, shown('.quick-input-message')].filter(Boolean).join(' — ');
    });
  }

  /** Chooses the quick pick item whose label is `label` (types it to filter, then clicks it). */
  async pick(label: string | RegExp, prompt?: string | RegExp): Promise<void> {
    await this.quickPickItems(prompt);
    if (typeof label === 'string') await this.quickInput().fill(label);
    const row = this.page.locator('.quick-input-widget .quick-input-list .monaco-list-row').filter({
      has: this.page.locator('.quick-input-list-rows > .quick-input-list-row:first-child .label-name',
        { hasText: typeof label === 'string' ? new RegExp(`^\\s*${escapeRegExp(label)}\\s*$`) : label }),
    });
    await row.first().waitFor();
    await row.first().click();
  }

  async closeQuickInput(): Promise<void> {
    const open = this.page.locator('.quick-input-widget:not([style*="display: none"])');
    if (await open.count()) {
      await this.page.keyboard.press('Escape');
      await open.first().waitFor({ state: 'hidden', timeout: 5000 }).catch(() => {});
    }
  }

  // ---- notifications ----

  /** Texts of the notification toasts now on screen. */
  async notifications(): Promise<Array<{ text: string; severity: 'error' | 'warning' | 'info' }>> {
    return this.page.locator('.notifications-toasts .notification-list-item').evaluateAll(els => els.map(e => ({
      text: ((e as HTMLElement).innerText ?? '').replace(/\s+/g, ' ').trim(),
      severity: e.querySelector('.codicon-error') ? 'error' as const
        : e.querySelector('.codicon-warning') ? 'warning' as const : 'info' as const,
    })));
  }

  async waitForNotification(text: string | RegExp, timeoutMs = 30_000): Promise<string> {
    const toast = this.page.locator('.notifications-toasts .notification-list-item', { hasText: text }).first();
    await toast.waitFor({ timeout: timeoutMs });
    return (await toast.innerText()).replace(/\s+/g, ' ').trim();
  }

  async errorNotifications(): Promise<string[]> {
    return (await this.notifications()).filter(n => n.severity === 'error').map(n => n.text);
  }

  async clearNotifications(): Promise<void> {
    await this.runCommand('Notifications: Clear All Notifications').catch(() => {});
  }

  // ---- editors ----

  /** The title of the active editor tab ('' when no editor is open). */
  async activeEditorTitle(): Promise<string> {
    const tab = this.page.locator('.editor-group-container.active .tabs-container .tab.active').first();
    if (!(await tab.count())) return '';
    return (await tab.getAttribute('aria-label')) ?? (await tab.innerText());
  }

  /** Waits until the active editor's tab title matches. */
  async waitForEditor(title: string | RegExp, timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!matches(await this.activeEditorTitle(), title)) {
      if (Date.now() > deadline) {
        const toasts = (await this.notifications()).map(n => `${n.severity}: ${n.text}`).join(' | ');
        throw new Error(`no editor "${String(title)}" (active: "${await this.activeEditorTitle()}"; notifications: ${toasts || 'none'})`);
      }
      await this.page.waitForTimeout(250);
    }
  }

  /** The whole text of the active editor (select all + copy through the clipboard, not just the visible lines). */
  async activeEditorText(): Promise<string> {
    const editor = this.page.locator('.editor-group-container.active .monaco-editor .view-lines').first();
    await editor.waitFor();
    await editor.click();
    await this.page.evaluate(() => navigator.clipboard.writeText(''));
    await this.page.keyboard.press('Control+A');
    await this.page.keyboard.press('Control+C');
    let text = '';
    for (let i = 0; i < 20 && !text; i++) {
      text = await this.page.evaluate(() => navigator.clipboard.readText());
      if (!text) await this.page.waitForTimeout(100);
    }
    await this.page.keyboard.press('ArrowLeft');
    if (text) return text;
    // fallback: the rendered lines (only what is on screen)
    return (await this.page.locator('.editor-group-container.active .view-lines .view-line').allInnerTexts()).join('\n');
  }

  /** Whether the active editor is read-only (VS Code shows a lock / "[Read-only]" and refuses typing). */
  async activeEditorIsReadOnly(): Promise<boolean> {
    const before = await this.activeEditorText();
    const editor = this.page.locator('.editor-group-container.active .monaco-editor .view-lines').first();
    await editor.click();
    await this.page.keyboard.press('Control+End');
    await this.page.keyboard.type('x');
    const after = await this.activeEditorText();
    if (after !== before) await this.page.keyboard.press('Control+Z');
    return after === before;
  }

  // ---- webviews and the Problems panel ----

  /**
   * The frame of a webview whose page has `selector` (code-server nests each webview in two iframes; the inner
   * one holds the extension's page). Waits until such a frame exists.
   */
  async webviewFrame(selector: string, timeoutMs = 30_000): Promise<Frame> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      for (const frame of this.page.frames()) {
        if (frame === this.page.mainFrame()) continue;
        if (await frame.locator(selector).count().catch(() => 0)) return frame;
      }
      if (Date.now() > deadline) throw new Error(`no webview shows "${selector}" (frames: ${this.page.frames().map(f => f.url().slice(0, 80)).join(', ')})`);
      await this.page.waitForTimeout(250);
    }
  }

  /** Opens the Problems panel and returns its rows as shown: the file rows and each marker's text with its line. */
  async problems(): Promise<Array<{ text: string; severity: 'error' | 'warning' | 'info' | 'file' }>> {
    const panel = this.page.locator('.markers-panel');
    if (!(await panel.isVisible().catch(() => false))) {
      await this.runCommand('View: Focus Problems (Errors, Warnings, Infos)').catch(() => this.runCommand('Problems: Focus on Problems View'));
      await panel.waitFor({ timeout: 10_000 });
    }
    await this.page.waitForTimeout(300);
    return panel.locator('.monaco-list-row').evaluateAll(els => els.map(e => ({
      text: ((e as HTMLElement).innerText ?? '').replace(/\s+/g, ' ').trim(),
      severity: e.querySelector('.codicon-error') ? 'error' as const : e.querySelector('.codicon-warning') ? 'warning' as const
        : e.querySelector('.codicon-info') ? 'info' as const : 'file' as const,
    })));
  }

  /** Waits until some Problems row matches (`present`) or none does (`!present`). */
  async waitForProblem(text: string | RegExp, present = true, timeoutMs = 20_000): Promise<string[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const rows = (await this.problems()).map(p => p.text);
      if (rows.some(r => matches(r, text)) === present) return rows;
      if (Date.now() > deadline) throw new Error(`Problems ${present ? 'never showed' : 'still shows'} "${String(text)}" (rows: ${rows.join(' | ')})`);
      await this.page.waitForTimeout(300);
    }
  }

  // ---- screenshots ----

  /** Saves test-results/e2e/NAME.png; the mouse moves out of the way unless `keepMouse` (to show a hover). */
  async screenshot(name: string, options: { keepMouse?: boolean } = {}): Promise<string> {
    mkdirSync(screenshotDir, { recursive: true });
    const file = join(screenshotDir, `${name}.png`);
    if (!options.keepMouse) await this.page.mouse.move(0, 0);
    await this.page.waitForTimeout(300);
    await this.page.screenshot({ path: file });
    return file;
  }
}

function matches(text: string, want: string | RegExp): boolean {
  return typeof want === 'string' ? text === want : want.test(text);
}

function pathText(path: Array<string | RegExp>): string {
  return path.map(String).join(' > ');
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function cssString(s: string): string {
  return s.replace(/["\\]/g, '\\$&');
}

type RenderedRow = TreeRow & { index: number };

/** The rendered tree rows under `scope`, in their order in the tree, read in one pass over the DOM. */
async function renderedRows(scope: Locator): Promise<RenderedRow[]> {
  const rows = await scope.locator('.monaco-list-row').evaluateAll(els => els.map(e => ({
    index: Number(e.getAttribute('data-index') ?? 0),
    label: (e.querySelector('.label-name')?.textContent ?? '').trim(),
    description: (e.querySelector('.label-description')?.textContent ?? '').trim(),
    level: Number(e.getAttribute('aria-level') ?? 1),
    expanded: e.hasAttribute('aria-expanded') ? e.getAttribute('aria-expanded') === 'true' : undefined,
    ariaLabel: e.getAttribute('aria-label') ?? '',
  })));
  return rows.sort((a, b) => a.index - b.index);
}

/** Position in `rows` of the row reached by a path of labels, each looked for among the previous one's descendants. */
function positionOf(rows: RenderedRow[], path: Array<string | RegExp>): number | undefined {
  let from = 0;
  let parentLevel = 0;
  let hit: number | undefined;
  for (const want of path) {
    hit = undefined;
    for (let i = from; i < rows.length; i++) {
      if (parentLevel > 0 && rows[i].level <= parentLevel) break;
      if (matches(rows[i].label, want)) { hit = i; break; }
    }
    if (hit === undefined) return undefined;
    from = hit + 1;
    parentLevel = rows[hit].level;
  }
  return hit;
}

function withoutIndex({ index: _index, ...row }: RenderedRow): TreeRow {
  return row;
}
