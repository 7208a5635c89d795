// A stand-in for the `vscode` module, enough to load the bundle and run activate() outside VS Code, so the
// benchmark measures our own activation cost (module evaluation + building services), not VS Code's.
// Every property is a callable, constructible proxy returning another such proxy.
function deepProxy() {
  const fn = function () {};
  return new Proxy(fn, {
    get(_target, prop) {
      if (prop === 'then') return undefined; // not a thenable
      if (prop === Symbol.toPrimitive) return () => '';
      if (prop === 'dispose') return () => {};
      return deepProxy();
    },
    set() { return true; }, // properties the extension assigns (statusBarItem.name, .text…) are accepted
    defineProperty() { return true; },
    apply() { return deepProxy(); },
    construct() { return deepProxy(); },
  });
}
// esbuild's namespace import copies the module's own keys, so the top-level namespaces are listed explicitly.
const names = ['window', 'workspace', 'commands', 'l10n', 'env', 'languages', 'authentication', 'extensions', 'tasks',
  'Uri', 'EventEmitter', 'ThemeIcon', 'ThemeColor', 'TreeItem', 'TreeItemCollapsibleState', 'ProgressLocation',
  'ConfigurationTarget', 'Disposable', 'StatusBarAlignment', 'ViewColumn', 'Range', 'Position', 'Diagnostic',
  'DiagnosticSeverity', 'CancellationTokenSource', 'RelativePattern', 'FileType', 'MarkdownString'];
module.exports = Object.fromEntries(names.map((name) => [name, deepProxy()]));
