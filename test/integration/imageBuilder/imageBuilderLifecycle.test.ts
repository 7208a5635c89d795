import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { SubscriptionSession } from '../../../src/azure/auth/AccountProvider.ts';
import { azureCliCredentials, listAzureCliSubscriptions } from '../../../src/azure/auth/listAzureCliSubscriptions.ts';
import { findBuildLog } from '../../../src/azure/imageBuilder/buildLogReader.ts';
import {
  cancelImageBuild, createImageTemplate, deleteImageTemplate, getImageTemplateJson, listRunOutputs, startImageBuild, updateImageTemplateTagsAndIdentity,
} from '../../../src/azure/imageBuilder/imageTemplateOperations.ts';
import { getProviderRegistrationState, registerProvider } from '../../../src/azure/imageBuilder/providerRegistration.ts';
import { stagingResourceGroupName } from '../../../src/core/imageBuilder/buildLogLocation.ts';
import { findCustomizerForLogLine } from '../../../src/core/imageBuilder/findCustomizerForLogLine.ts';
import { formatAzureError } from '../../../src/core/errors/describeAzureError.ts';
import { buildSimulatorFor } from '../../azure-local/imageBuilder/BuildSimulator.ts';
import { startLocalAzure, type LocalAzure } from '../../azure-local/startLocalAzure.ts';
import { localCloud } from '../support/localCloud.ts';
import { IMAGES_RG, linuxTemplate, PROD } from './testTemplates.ts';

// The extension's Image Builder adapters (real SDK clients, Azure CLI sign-in) against the stand-in's image
// templates and build simulator: what a user gets from deploy, build, cancel, outputs, log and delete.

let local: LocalAzure;
let session: SubscriptionSession;
const originalPath = process.env.PATH;
const fast = { pollIntervalMs: 20 };

before(async () => {
  local = await startLocalAzure({ lroDurationMs: 100 });
  buildSimulatorFor(local.state).stepMs = 60;
  process.env.PATH = `${local.azBinDir}:${originalPath}`;
  const listing = await listAzureCliSubscriptions(localCloud(local), azureCliCredentials());
  session = listing.subscriptions.find((s) => s.subscriptionId === PROD)!;
});

after(async () => {
  process.env.PATH = originalPath;
  await local?.stop();
});

/** Polls the template as the tree does, recording each distinct state, until the run is over. */
async function watchRun(name: string): Promise<string[]> {
  const seen: string[] = [];
  for (let i = 0; i < 400; i++) {
    const status = (await getImageTemplateJson(session, IMAGES_RG, name))?.properties?.lastRunStatus as { runState?: string; runSubState?: string } | undefined;
    const text = `${status?.runState}${status?.runSubState && status.runState === 'Running' ? `/${status.runSubState}` : ''}`;
    if (seen.at(-1) !== text) seen.push(text);
    if (status?.runState && !['Running', 'Canceling'].includes(status.runState)) return seen;
    await new Promise((r) => setTimeout(r, 15));
  }
  throw new Error(`still running: ${seen.join(' → ')}`);
}

async function logText(name: string): Promise<string> {
  const template = await getImageTemplateJson(session, IMAGES_RG, name);
  const staging = stagingResourceGroupName(template?.properties)!;
  const lookup = await findBuildLog(session, staging, template?.properties?.lastRunStatus as { startTime?: string; message?: string });
  assert.ok(lookup.found, `log of ${name} found`);
  return (await lookup.log.readFrom(0)).toString('utf8');
}

test('an unregistered provider is reported and registering it makes it Registered', async () => {
  local.changeState({ providerRegistration: { [PROD]: { 'Microsoft.VirtualMachineImages': 'NotRegistered' } } });
  assert.equal(await getProviderRegistrationState(session), 'NotRegistered');
  await assert.rejects(createImageTemplate(session, IMAGES_RG, 'it-unregistered', linuxTemplate('unregistered'), fast), /MissingSubscriptionRegistration|not registered/);
  await registerProvider(session, undefined, { pollIntervalMs: 30 });
  assert.equal(await getProviderRegistrationState(session), 'Registered');
});

test('create provisions the template and its staging resource group IT_<rg>_<template>_<guid>', async () => {
  const created = await createImageTemplate(session, IMAGES_RG, 'it-int-ok', linuxTemplate('ok'), fast);
  assert.equal(created?.properties?.provisioningState, 'Succeeded');
  const staging = stagingResourceGroupName(created?.properties)!;
  assert.match(staging, /^IT_rg-images-prod_it-int-ok_[0-9a-f-]{36}$/);
  assert.ok(local.state.resourceGroup(PROD, staging), 'the staging group exists in the subscription');
});

test('a PUT with changed properties is refused (templates are immutable); tags still change', async () => {
  const changed = linuxTemplate('ok', ['sudo apt-get install -y htop']);
  await assert.rejects(createImageTemplate(session, IMAGES_RG, 'it-int-ok', changed, fast), (error) => {
    assert.match(formatAzureError(error), /Update\/Upgrade of image templates is currently not supported/);
    return true;
  });
  // The same template again is accepted (idempotent PUT).
  await createImageTemplate(session, IMAGES_RG, 'it-int-ok', linuxTemplate('ok'), fast);
  await updateImageTemplateTagsAndIdentity(session, IMAGES_RG, 'it-int-ok', { tags: { team: 'images' } }, fast);
  assert.deepEqual((await getImageTemplateJson(session, IMAGES_RG, 'it-int-ok'))?.tags, { team: 'images' });
});

test('a build goes Queued → Building → Customizing → Optimizing → Validating → Distributing → Succeeded with outputs', async () => {
  await startImageBuild(session, IMAGES_RG, 'it-int-ok', fast);
  const states = await watchRun('it-int-ok');
  assert.deepEqual(states.filter((s, i) => states.indexOf(s) === i), [
    'Running/Queued', 'Running/Building', 'Running/Customizing', 'Running/Optimizing', 'Running/Validating', 'Running/Distributing', 'Succeeded',
  ]);
  const outputs = await listRunOutputs(session, IMAGES_RG, 'it-int-ok');
  assert.deepEqual(outputs.map((o) => o.name).sort(), ['ok-image', 'ok-vhd']);
  assert.equal(outputs.find((o) => o.name === 'ok-image')?.artifactId, `/subscriptions/${PROD}/resourceGroups/${IMAGES_RG}/providers/Microsoft.Compute/images/img-ok`);
  assert.match(outputs.find((o) => o.name === 'ok-vhd')?.artifactUri ?? '', /\/vhds\/it-int-ok_\d+\.vhd$/);
  const log = await logText('it-int-ok');
  for (const name of ['update-packages', 'install-tools', 'cleanup']) assert.match(log, new RegExp(`Running customizer '${name}'`));
});

test('a customizer that exits 1 fails the build; the log names it and maps to customize[1]', async () => {
  const template = linuxTemplate('bad', ['sudo apt-get install -y jq', 'exit 1']);
  await createImageTemplate(session, IMAGES_RG, 'it-int-bad', template, fast);
  await startImageBuild(session, IMAGES_RG, 'it-int-bad', fast);
  assert.equal((await watchRun('it-int-bad')).at(-1), 'Failed');
  const deployed = await getImageTemplateJson(session, IMAGES_RG, 'it-int-bad');
  const status = deployed?.properties?.lastRunStatus as { message?: string };
  assert.match(status.message ?? '', /review the build log.*customization\.log/);
  const log = await logText('it-int-bad');
  const lines = log.split('\n');
  const errorLine = lines.findIndex((l) => /non-zero exit status/.test(l));
  assert.ok(errorLine > 0, 'the log shows the error');
  const customizers = (template.properties!.customize as Array<{ name: string }>);
  assert.deepEqual(findCustomizerForLogLine(lines, errorLine, customizers), { index: 1, name: 'install-tools' });
  assert.doesNotMatch(log, /Running customizer 'cleanup'/, 'no customizer runs after the failing one');
});

test('cancel stops a running build: Canceling, then Canceled, and no run outputs', async () => {
  buildSimulatorFor(local.state).stepMs = 400;
  await startImageBuild(session, IMAGES_RG, 'it-int-ok', fast);
  await assert.rejects(startImageBuild(session, IMAGES_RG, 'it-int-ok', fast), /already in progress/);
  await cancelImageBuild(session, IMAGES_RG, 'it-int-ok', fast);
  const status = (await getImageTemplateJson(session, IMAGES_RG, 'it-int-ok'))?.properties?.lastRunStatus as { runState?: string };
  assert.equal(status.runState, 'Canceled');
  assert.deepEqual(await listRunOutputs(session, IMAGES_RG, 'it-int-ok'), []);
  assert.match(await logText('it-int-ok'), /canceled by the user/);
});

test('a running template cannot be deleted until its build is cancelled; delete removes the staging group', async () => {
  await startImageBuild(session, IMAGES_RG, 'it-int-ok', fast);
  await assert.rejects(deleteImageTemplate(session, IMAGES_RG, 'it-int-ok', fast), /build in progress/);
  const staging = stagingResourceGroupName((await getImageTemplateJson(session, IMAGES_RG, 'it-int-ok'))?.properties)!;
  await cancelImageBuild(session, IMAGES_RG, 'it-int-ok', fast);
  await deleteImageTemplate(session, IMAGES_RG, 'it-int-ok', fast);
  assert.equal(await getImageTemplateJson(session, IMAGES_RG, 'it-int-ok'), undefined);
  assert.equal(local.state.resourceGroup(PROD, staging), undefined, 'the staging group went with the template');
  buildSimulatorFor(local.state).stepMs = 60;
});

test('the live tail reads customization.log from its last offset while the build runs and keeps the last lines', async () => {
  const { tailBuildLog } = await import('../../../src/core/imageBuilder/tailBuildLog.ts');
  buildSimulatorFor(local.state).stepMs = 250;
  // In Azure each template's logs live in its own staging account; the stand-in keeps every template's in one. The
  // viewer takes a log written up to 1 s before the run started as this run's (blob times have whole seconds), so
  // the previous test's log, finished just now, must be older than that to be told apart.
  await new Promise((r) => setTimeout(r, 1100));
  await createImageTemplate(session, IMAGES_RG, 'it-int-tail', linuxTemplate('tail'), fast);
  await startImageBuild(session, IMAGES_RG, 'it-int-tail', fast);
  const staging = stagingResourceGroupName((await getImageTemplateJson(session, IMAGES_RG, 'it-int-tail'))?.properties)!;
  // As the viewer does: the run's start time picks this run's log among the account's earlier ones.
  const runStatus = async () => (await getImageTemplateJson(session, IMAGES_RG, 'it-int-tail'))?.properties?.lastRunStatus as { startTime?: string };
  let lookup = await findBuildLog(session, staging, await runStatus());
  for (let i = 0; i < 100 && !lookup.found; i++) {
    await new Promise((r) => setTimeout(r, 50));
    lookup = await findBuildLog(session, staging, await runStatus());
  }
  assert.ok(lookup.found, 'the log appears while the build runs');
  const offsets: number[] = [];
  let text = '';
  await tailBuildLog({
    readFrom: (offset) => { offsets.push(offset); return lookup.found ? lookup.log.readFrom(offset) : Promise.resolve(Buffer.alloc(0)); },
    isRunActive: async () => ['Running', 'Canceling'].includes(String(((await getImageTemplateJson(session, IMAGES_RG, 'it-int-tail'))?.properties?.lastRunStatus as { runState?: string })?.runState)),
    onText: (t) => { text += t; },
    stopped: () => false,
    wait: () => new Promise((r) => setTimeout(r, 100)),
  }, true);
  assert.ok(new Set(offsets.filter((o) => o > 0)).size >= 2, `read in several pieces as the log grew (${offsets.join(', ')})`);
  assert.equal(text, (await lookup.log.readFrom(0)).toString('utf8'), 'the pieces add up to the whole log');
  assert.match(text, /Running customizer 'cleanup'/);
  assert.match(text.trimEnd().split('\n').at(-1) ?? '', /Builds finished/, 'the lines written as the run ended are there');
  buildSimulatorFor(local.state).stepMs = 60;
});
