/** How a resource shows in the tree: everything a node needs, decided without `vscode`. */
export interface Presentation {
  readonly label: string;
  /** Short state shown beside the label. */
  readonly description: string;
  /** Markdown-free lines for the hover. */
  readonly tooltip: readonly string[];
  /** A codicon id, optionally with a theme color id: `{ id: 'vm-running', color: 'testing.iconPassed' }`. */
  readonly icon: { readonly id: string; readonly color?: string };
  /**
   * Space-separated facts menus match on with regexes (`viewItem =~ /\bdisk\b/ && viewItem =~ /\bactiveSas\b/`),
   * so each later feature adds its command by one `when` clause.
   */
  readonly contextValue: string;
}
