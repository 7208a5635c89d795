// The form for one image template resource, section by section, in the order people fill a template in: where it
// runs and as whom, what it starts from, what it does, where the result goes, then the build's own settings.

import { isLiteralString } from '../../core/imageTemplate/armExpression.ts';
import { generationFromSku } from '../../core/imageTemplate/sourceImageTraits.ts';
import type { JsonValue } from '../protocol.ts';
import { customizeList, distributeList, inVMValidationsList } from './buildStepLists.ts';
import {
  asObject, field, pathKey, selectOptions, valueAt,
  type Block, type FieldView, type FormView, type JsonObject, type SectionView, type ViewContext,
} from './formModel.ts';

export function buildFormView(resource: JsonValue, strings: ViewContext['strings']): FormView {
  const ctx: ViewContext = { resource: asObject(resource) ?? {}, strings };
  return {
    sections: [
      section(pathKey([]), strings.sectionGeneral, [pathKey(['properties'])], generalBlocks(ctx)),
      section(pathKey(['identity']), strings.sectionIdentity, [], identityBlocks(ctx)),
      section(pathKey(['properties', 'source']), strings.sectionSource, [], sourceBlocks(ctx)),
      section(pathKey(['properties', 'customize']), strings.sectionCustomize, [], [customizeList(ctx)]),
      section(pathKey(['properties', 'distribute']), strings.sectionDistribute, [], [distributeList(ctx)]),
      section(pathKey(['properties', 'vmProfile']), strings.sectionVmProfile, [], vmProfileBlocks(ctx)),
      section(pathKey(['properties', '#build']), strings.sectionBuild, [], buildBlocks(ctx)),
      section(pathKey(['properties', 'validate']), strings.sectionValidate, [pathKey(['properties', 'optimize'])], validateBlocks(ctx)),
    ],
  };
}

function section(key: string, title: string, alsoKeys: string[], blocks: Block[]): SectionView {
  return { key, title, alsoKeys, blocks };
}

function generalBlocks(ctx: ViewContext): Block[] {
  const s = ctx.strings;
  return [field(ctx, ['name'], { label: s.name }), field(ctx, ['location'], { label: s.location })];
}

function identityBlocks(ctx: ViewContext): Block[] {
  const s = ctx.strings;
  const identities = asObject(valueAt(ctx.resource, ['identity', 'userAssignedIdentities']));
  const ids = identities ? Object.keys(identities) : [];
  const fields: FieldView[] = ids.map((id) => ({
    ...field(ctx, ['identity', 'userAssignedIdentities', id], { label: s.identityId, edit: { mode: 'identity', current: id }, hint: s.identityHint }),
    value: id,
    readOnly: false,
  }));
  if (fields.length === 0) {
    fields.push({
      ...field(ctx, ['identity', 'userAssignedIdentities'], { label: s.identityId, edit: { mode: 'identity' }, hint: s.identityHint }),
      value: '',
      readOnly: false,
    });
  }
  return fields.map((f) => ({ ...f, property: 'userAssignedIdentities' }));
}

const SOURCE_DEFAULTS: Record<string, JsonObject> = {
  PlatformImage: { type: 'PlatformImage', publisher: '', offer: '', sku: '', version: 'latest' },
  ManagedImage: { type: 'ManagedImage', imageId: '' },
  SharedImageVersion: { type: 'SharedImageVersion', imageVersionId: '' },
};

function sourceBlocks(ctx: ViewContext): Block[] {
  const s = ctx.strings;
  const at = ['properties', 'source'];
  const kind = valueAt(ctx.resource, [...at, 'type']);
  const blocks: Block[] = [field(ctx, [...at, 'type'], {
    label: s.sourceType,
    control: {
      type: 'select',
      options: selectOptions([
        ['PlatformImage', s.kindPlatformImage], ['ManagedImage', s.kindManagedImage], ['SharedImageVersion', s.kindSharedImageVersion],
      ], s, kind === undefined),
    },
    edit: { mode: 'kind', defaults: SOURCE_DEFAULTS, keep: [] },
  })];
  if (kind === 'PlatformImage') {
    const sku = valueAt(ctx.resource, [...at, 'sku']);
    blocks.push(
      field(ctx, [...at, 'publisher'], { label: s.publisher }),
      field(ctx, [...at, 'offer'], { label: s.offer }),
      field(ctx, [...at, 'sku'], { label: s.sku, hint: generationHint(sku, ctx) }),
      field(ctx, [...at, 'version'], { label: s.version }),
    );
  } else if (kind === 'ManagedImage') {
    blocks.push(field(ctx, [...at, 'imageId'], { label: s.imageId }));
  } else if (kind === 'SharedImageVersion') {
    blocks.push(field(ctx, [...at, 'imageVersionId'], { label: s.imageVersionId }));
  }
  return blocks;
}

/** The Gen1/Gen2 hint read from the SKU name (the same reading the validator uses). */
export function generationHint(sku: unknown, ctx: ViewContext): string | undefined {
  if (!isLiteralString(sku) || !sku) return undefined;
  const generation = generationFromSku(sku);
  if (generation === 'V2') return ctx.strings.genV2;
  if (generation === 'V1') return ctx.strings.genV1;
  return ctx.strings.genUnknown;
}

function vmProfileBlocks(ctx: ViewContext): Block[] {
  const s = ctx.strings;
  const at = ['properties', 'vmProfile'];
  return [
    field(ctx, [...at, 'vmSize'], { label: s.vmSize }),
    field(ctx, [...at, 'osDiskSizeGB'], { label: s.osDiskSizeGB, edit: { mode: 'integer' } }),
    field(ctx, [...at, 'vnetConfig', 'subnetId'], { label: s.subnetId }),
  ];
}

function buildBlocks(ctx: ViewContext): Block[] {
  const s = ctx.strings;
  return [
    field(ctx, ['properties', 'buildTimeoutInMinutes'], { label: s.buildTimeout, edit: { mode: 'integer' } }),
    field(ctx, ['properties', 'stagingResourceGroup'], { label: s.stagingResourceGroup }),
  ];
}

function validateBlocks(ctx: ViewContext): Block[] {
  const s = ctx.strings;
  const checkbox = { type: 'checkbox' } as const;
  const blocks: Block[] = [
    field(ctx, ['properties', 'validate', 'continueDistributeOnFailure'], { label: s.continueDistributeOnFailure, control: checkbox, edit: { mode: 'boolean' } }),
    field(ctx, ['properties', 'validate', 'sourceValidationOnly'], { label: s.sourceValidationOnly, control: checkbox, edit: { mode: 'boolean' } }),
    field(ctx, ['properties', 'optimize', 'vmBoot', 'state'], { label: s.vmBoot, control: checkbox, edit: { mode: 'enabled' } }),
  ];
  blocks.push(inVMValidationsList(ctx));
  return blocks;
}
