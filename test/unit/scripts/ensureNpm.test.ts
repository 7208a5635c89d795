import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// scripts/lib/common.sh's ensure_npm on a machine whose PATH holds only stand-ins: no npm at all (Debian's is
// installed through apt-get), or an npm/Node too old for `npm ci`.
const commonSh = join(import.meta.dirname, '../../../scripts/lib/common.sh');
const tools = ['bash', 'sh', 'cut', 'sed', 'grep', 'basename', 'dirname', 'date', 'id', 'cat', 'chmod'];

function machine(options: { npm?: string; node?: string; aptBrings?: { npm: string; node: string } }) {
  const dir = mkdtempSync(join(tmpdir(), 'ensure-npm-'));
  const bin = join(dir, 'bin');
  mkdirSync(bin);
  for (const tool of tools) {
    const real = ['/usr/bin', '/bin'].map((d) => join(d, tool)).find((p) => existsSync(p));
    if (real) symlinkSync(real, join(bin, tool));
  }
  const script = (name: string, body: string) => {
    writeFileSync(join(bin, name), `#!/bin/sh\n${body}\n`);
    chmodSync(join(bin, name), 0o755);
  };
  const versionStub = (version: string) => `echo ${version}`;
  if (options.npm) script('npm', versionStub(options.npm));
  if (options.node) script('node', versionStub(`v${options.node}`));
  // dpkg-query: nothing installed; apt-get: records its arguments and "installs" npm + node.
  script('dpkg-query', 'exit 1');
  script('sudo', '"$@"');
  const brings = options.aptBrings;
  script('apt-get', `echo "$@" >> ${join(dir, 'apt.log')}\n${brings ? `printf '#!/bin/sh\\necho ${brings.npm}\\n' > ${bin}/npm; printf '#!/bin/sh\\necho v${brings.node}\\n' > ${bin}/node; chmod +x ${bin}/npm ${bin}/node` : ''}`);
  const run = spawnSync(join(bin, 'bash'), ['-c', `. ${commonSh}; ensure_npm`], { env: { PATH: bin }, encoding: 'utf8' });
  const apt = existsSync(join(dir, 'apt.log')) ? readFileSync(join(dir, 'apt.log'), 'utf8') : '';
  rmSync(dir, { recursive: true, force: true });
  return { status: run.status, stderr: run.stderr, apt };
}

test('no npm on the machine: Debian\'s nodejs and npm are installed, then npm ci may run', () => {
  const r = machine({ aptBrings: { npm: '9.2.0', node: '18.19.0' } });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.apt, /install .*nodejs npm/);
  assert.match(r.stderr, /npm 9\.2\.0 on Node 18\.19\.0 runs npm ci/);
});

test('an npm too old for lockfileVersion 3, or a Node too old, stops setup with the reason', () => {
  const oldNpm = machine({ npm: '6.14.18', node: '20.1.0' });
  assert.notEqual(oldNpm.status, 0);
  assert.match(oldNpm.stderr, /npm 6\.14\.18 is too old for package-lock\.json/);
  const oldNode = machine({ npm: '8.19.4', node: '16.20.2' });
  assert.notEqual(oldNode.status, 0);
  assert.match(oldNode.stderr, /Node 16\.20\.2 is too old to run npm ci/);
  assert.equal(oldNode.apt, '', 'an npm that is there is not replaced behind the user\'s back');
});

test('a usable npm is left as it is', () => {
  const r = machine({ npm: '11.19.1', node: '20.20.2' });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.apt, '');
});
