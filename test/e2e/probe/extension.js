// Throwaway extension used only to prove the E2E harness (tree rows, descriptions, tooltips, palette commands,
// quick picks, notifications, read-only documents) while the real extension is written. Not shipped.
const vscode = require('vscode');

const tree = {
  'Fleet A': [
    { label: 'vm-alpha', description: 'running', tooltip: 'vm-alpha: VM running', children: [
      { label: 'osdisk-alpha', description: '30 GiB · Premium_LRS · Attached', tooltip: 'OS disk' },
    ] },
    { label: 'vm-beta', description: 'deallocated', tooltip: 'vm-beta: VM deallocated' },
  ],
  'Fleet B': [{ label: 'vm-gamma', description: 'running', tooltip: 'vm-gamma' }],
};
let failing = true;

class Provider {
  constructor() { this.emitter = new vscode.EventEmitter(); this.onDidChangeTreeData = this.emitter.event; }
  getTreeItem(n) { return n.item; }
  getChildren(n) {
    if (!n) {
      const fleets = Object.keys(tree).map(k => node(k, undefined, k, tree[k]));
      fleets.push(failing
        ? node('Could not list Fleet C', 'fails until retried', 'error', [], 'error')
        : node('Fleet C', 'recovered', 'Fleet C', []));
      return fleets;
    }
    return n.children.map(c => node(c.label, c.description, c.tooltip, c.children || []));
  }
}
function node(label, description, tooltip, children, contextValue) {
  const item = new vscode.TreeItem(label, children.length ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
  Object.assign(item, { description, tooltip, contextValue });
  return { item, children };
}

exports.activate = context => {
  const provider = new Provider();
  context.subscriptions.push(
    vscode.window.registerTreeDataProvider('e2eProbe.tree', provider),
    vscode.commands.registerCommand('e2eProbe.retry', () => { failing = false; provider.emitter.fire(); }),
    vscode.commands.registerCommand('e2eProbe.fail', () => vscode.window.showErrorMessage('Probe failure shown on purpose')),
    vscode.commands.registerCommand('e2eProbe.viewProperties', async () => {
      const fleet = await vscode.window.showQuickPick(Object.keys(tree), { placeHolder: 'Select a fleet' });
      if (!fleet) return;
      const vm = await vscode.window.showQuickPick(tree[fleet].map(v => ({ label: v.label, description: v.description })), { placeHolder: 'Select a VM' });
      if (!vm) return;
      const json = JSON.stringify({ id: `/fleets/${fleet}/vms/${vm.label}`, name: vm.label, state: vm.description }, null, 2);
      const doc = await vscode.workspace.openTextDocument({ language: 'json', content: json });
      await vscode.window.showTextDocument(doc);
      vscode.window.showInformationMessage(`Opened properties of ${vm.label}`);
    }),
  );
};
exports.deactivate = () => {};
