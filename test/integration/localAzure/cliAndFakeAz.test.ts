// The process form (cli.ts) and the fake `az` as a person or AzureCliCredential would use them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { promisify } from 'node:util';
import { AzureCliCredential } from '@azure/identity';
import { decodeToken } from '../../azure-local/arm/tokens.ts';
import { CONTOSO_TENANT, FABRIKAM_TENANT } from '../../azure-local/fixtures/default.ts';
import { startLocalAzure } from '../../azure-local/startLocalAzure.ts';

const run = promisify(execFile);

test('fake az: account show, get-access-token per tenant, unknown tenant fails', async (t) => {
  const local = await startLocalAzure({ fixture: 'default' });
  t.after(() => local.stop());
  const az = `${local.azBinDir}/az`;
  const show = JSON.parse((await run(az, ['account', 'show', '--output', 'json'])).stdout);
  assert.equal(show.name, 'Contoso Production');
  assert.equal(show.user.name, 'aiko.tanaka@contoso.com');
  const token = JSON.parse((await run(az, ['account', 'get-access-token', '--output', 'json', '--resource', local.tokenAudience, '--tenant', FABRIKAM_TENANT])).stdout);
  assert.equal(token.tenant, FABRIKAM_TENANT);
  assert.ok(token.expires_on > Date.now() / 1000);
  await assert.rejects(run(az, ['account', 'get-access-token', '--output', 'json', '--resource', local.tokenAudience, '--tenant', '11111111-1111-1111-1111-111111111111']), /AADSTS90002/);

  const previous = process.env.PATH;
  process.env.PATH = `${local.azBinDir}:${previous}`;
  try {
    const access = await new AzureCliCredential({ tenantId: CONTOSO_TENANT }).getToken(`${local.tokenAudience}/.default`);
    const claims = JSON.parse(Buffer.from(access.token.split('.')[1], 'base64url').toString());
    assert.equal(claims.aud, local.tokenAudience);
    assert.equal(claims.tid, CONTOSO_TENANT);
    assert.equal(decodeToken(access.token)?.signatureValid, true, 'signed as arm/tokens.ts signs, so the storage stand-ins accept it');
    await local.configureAz({ loggedIn: false });
    await assert.rejects(new AzureCliCredential().getToken(`${local.tokenAudience}/.default`), /az login/);
  } finally {
    process.env.PATH = previous;
  }
});

test('cli.ts prints one JSON line with the endpoints and stops cleanly on SIGTERM', async () => {
  const child = spawn(process.execPath, ['test/azure-local/cli.ts', '--fixture', 'bench:2x20', '--latency-ms', '5'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  try {
    const line = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (c) => {
        out += c;
        const nl = out.indexOf('\n');
        if (nl >= 0) resolve(out.slice(0, nl));
      });
      child.once('exit', () => reject(new Error('cli exited before printing')));
    });
    const info = JSON.parse(line);
    for (const key of ['armEndpoint', 'tokenAudience', 'caCertFile', 'caCertPem', 'azBinDir', 'blobEndpoint']) assert.ok(info[key], key);
    assert.ok(existsSync(info.caCertFile) && existsSync(`${info.azBinDir}/az`));
    const { request } = await import('node:https');
    const state = await new Promise<any>((resolve, reject) => {
      request(`${info.armEndpoint}/__admin/state`, { ca: info.caCertPem }, (res) => {
        let text = '';
        res.on('data', (c) => (text += c)).on('end', () => resolve(JSON.parse(text)));
      }).on('error', reject).end();
    });
    assert.equal(state.subscriptions.length, 2);
    assert.equal(state.virtualMachines.length + state.disks.length + state.snapshots.length + state.vaults.length + state.imageTemplates.length, 40);
    child.kill('SIGTERM');
    assert.equal(await exited, 0);
    assert.equal(existsSync(dirname(info.caCertFile)), false, 'temp folder removed');
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
  }
});
