// The two ordered lists of a template: customization steps and distribution targets (with a gallery target's
// replication regions as a list of its own). Each item shows the fields of its `type`.

import { isArmExpression } from '../../core/imageTemplate/armExpression.ts';
import type { JsonPath } from '../protocol.ts';
import { formatString, type PageStrings } from '../pageStringKeys.ts';
import {
  asObject, blockedByAncestor, field, pathKey, selectOptions, valueAt,
  type Block, type ItemView, type JsonObject, type ListView, type ViewContext,
} from './formModel.ts';

export const CUSTOMIZER_DEFAULTS: Record<string, JsonObject> = {
  Shell: { type: 'Shell', name: '', inline: [] },
  File: { type: 'File', name: '', sourceUri: '', destination: '' },
  PowerShell: { type: 'PowerShell', name: '', inline: [] },
  WindowsRestart: { type: 'WindowsRestart', name: '' },
  WindowsUpdate: { type: 'WindowsUpdate', name: '' },
};

export const DISTRIBUTOR_DEFAULTS: Record<string, JsonObject> = {
  ManagedImage: { type: 'ManagedImage', runOutputName: '', imageId: '', location: '' },
  SharedImage: { type: 'SharedImage', runOutputName: '', galleryImageId: '', targetRegions: [] },
  VHD: { type: 'VHD', runOutputName: '' },
};

const customizerKinds = (s: PageStrings): [string, string][] => [
  ['Shell', s.kindShell], ['File', s.kindFile], ['PowerShell', s.kindPowerShell],
  ['WindowsRestart', s.kindWindowsRestart], ['WindowsUpdate', s.kindWindowsUpdate],
];
const distributorKinds = (s: PageStrings): [string, string][] => [
  ['ManagedImage', s.kindManagedImageTarget], ['SharedImage', s.kindSharedImage], ['VHD', s.kindVhd],
];

export function customizeList(ctx: ViewContext): ListView {
  return stepList(ctx, ['properties', 'customize'], ctx.strings.sectionCustomize, ctx.strings.addStep, customizerKinds(ctx.strings));
}

/** The validation steps run on the built image: Shell, PowerShell or File, edited like customization steps. */
export function inVMValidationsList(ctx: ViewContext): ListView {
  const s = ctx.strings;
  const kinds = customizerKinds(s).filter(([kind]) => kind === 'Shell' || kind === 'PowerShell' || kind === 'File');
  return stepList(ctx, ['properties', 'validate', 'inVMValidations'], s.sectionInVMValidations, s.addValidation, kinds);
}

function stepList(ctx: ViewContext, at: JsonPath, label: string, addLabel: string, kinds: [string, string][]): ListView {
  const s = ctx.strings;
  return list(ctx, at, label, addLabel,
    kinds.map(([kind, label]) => ({ label, value: CUSTOMIZER_DEFAULTS[kind] })),
    (item, path) => {
      const kind = item.type;
      const blocks: Block[] = [
        field(ctx, [...path, 'type'], {
          label: s.stepType,
          control: { type: 'select', options: selectOptions(kinds, s, kind === undefined) },
          edit: { mode: 'kind', defaults: CUSTOMIZER_DEFAULTS, keep: ['name'] },
        }),
        field(ctx, [...path, 'name'], { label: s.stepName }),
      ];
      const f = (key: string, label: string, edit?: 'lines' | 'integer' | 'boolean') => field(ctx, [...path, key], {
        label,
        ...(edit === 'lines' ? { control: { type: 'text', multiline: true }, edit: { mode: 'lines' } } : {}),
        ...(edit === 'integer' ? { edit: { mode: 'integer' } } : {}),
        ...(edit === 'boolean' ? { control: { type: 'checkbox' }, edit: { mode: 'boolean' } } : {}),
      });
      if (kind === 'Shell' || kind === 'PowerShell') {
        blocks.push(f('scriptUri', s.scriptUri), f('sha256Checksum', s.sha256Checksum), f('inline', s.inline, 'lines'));
        if (kind === 'PowerShell') blocks.push(f('runElevated', s.runElevated, 'boolean'), f('runAsSystem', s.runAsSystem, 'boolean'));
      } else if (kind === 'File') {
        blocks.push(f('sourceUri', s.sourceUri), f('sha256Checksum', s.sha256Checksum), f('destination', s.destination));
      } else if (kind === 'WindowsRestart') {
        blocks.push(f('restartCommand', s.restartCommand), f('restartCheckCommand', s.restartCheckCommand), f('restartTimeout', s.restartTimeout));
      } else if (kind === 'WindowsUpdate') {
        blocks.push(f('searchCriteria', s.searchCriteria), f('filters', s.filters, 'lines'), f('updateLimit', s.updateLimit, 'integer'));
      }
      return { title: itemTitle(s, kinds, item, 'name'), blocks };
    });
}

export function distributeList(ctx: ViewContext): ListView {
  const s = ctx.strings;
  const kinds = distributorKinds(s);
  return list(ctx, ['properties', 'distribute'], s.sectionDistribute, s.addTarget,
    kinds.map(([kind, label]) => ({ label, value: DISTRIBUTOR_DEFAULTS[kind] })),
    (item, path) => {
      const kind = item.type;
      const blocks: Block[] = [
        field(ctx, [...path, 'type'], {
          label: s.targetType,
          control: { type: 'select', options: selectOptions(kinds, s, kind === undefined) },
          edit: { mode: 'kind', defaults: DISTRIBUTOR_DEFAULTS, keep: ['runOutputName', 'artifactTags'] },
        }),
        field(ctx, [...path, 'runOutputName'], { label: s.runOutputName }),
      ];
      if (kind === 'ManagedImage') {
        blocks.push(field(ctx, [...path, 'imageId'], { label: s.managedImageId }), field(ctx, [...path, 'location'], { label: s.imageLocation }));
      } else if (kind === 'SharedImage') {
        blocks.push(field(ctx, [...path, 'galleryImageId'], { label: s.galleryImageId }));
        if (item.replicationRegions !== undefined) {
          blocks.push(field(ctx, [...path, 'replicationRegions'], { label: s.replicationRegions, edit: { mode: 'commaList' } }));
        }
        if (item.targetRegions !== undefined || item.replicationRegions === undefined) blocks.push(targetRegionList(ctx, [...path, 'targetRegions']));
      } else if (kind === 'VHD') {
        blocks.push(field(ctx, [...path, 'uri'], { label: s.vhdUri }));
      }
      return { title: itemTitle(s, kinds, item, 'runOutputName'), blocks };
    });
}

function targetRegionList(ctx: ViewContext, at: JsonPath): ListView {
  const s = ctx.strings;
  const storage = selectOptions([['Standard_LRS', 'Standard_LRS'], ['Standard_ZRS', 'Standard_ZRS'], ['Premium_LRS', 'Premium_LRS']], s, false);
  return list(ctx, at, s.targetRegions, s.addRegion, [{ label: s.addRegion, value: { name: '' } }], (item, path) => ({
    title: typeof item.name === 'string' ? item.name : '',
    blocks: [
      field(ctx, [...path, 'name'], { label: s.regionName }),
      field(ctx, [...path, 'replicaCount'], { label: s.replicaCount, edit: { mode: 'integer' } }),
      field(ctx, [...path, 'storageAccountType'], { label: s.storageAccountType, control: { type: 'select', options: [{ value: '', label: s.defaultOption }, ...storage] } }),
    ],
  }));
}

function itemTitle(s: PageStrings, kinds: [string, string][], item: JsonObject, nameKey: string): string {
  const kindLabel = kinds.find(([kind]) => kind === item.type)?.[1] ?? (typeof item.type === 'string' ? item.type : '');
  const name = typeof item[nameKey] === 'string' ? (item[nameKey] as string) : '';
  return name ? `${kindLabel}: ${name}` : kindLabel;
}

type ItemBuilder = (item: JsonObject, path: JsonPath) => { title: string; blocks: Block[] };

function list(ctx: ViewContext, at: JsonPath, label: string, addLabel: string, addChoices: ListView['addChoices'], build: ItemBuilder): ListView {
  const value = valueAt(ctx.resource, at);
  const view: ListView = { block: 'list', key: pathKey(at), path: at, label, property: String(at[at.length - 1]), items: [], addChoices, addLabel };
  if (blockedByAncestor(ctx.resource, at) || (value !== undefined && !Array.isArray(value))) {
    // An ARM expression (or something else) stands in for the whole list: adding items would replace it.
    return { ...view, addChoices: [], note: isArmExpression(value) ? `${ctx.strings.setByExpression} ${String(value)}` : ctx.strings.editInJson };
  }
  const items = Array.isArray(value) ? value : [];
  view.items = items.map((raw, index): ItemView => {
    const path = [...at, index];
    const item = asObject(raw);
    const built = item ? build(item, path) : { title: String(index + 1), blocks: [{ block: 'note' as const, key: pathKey([...path, '#note']), text: ctx.strings.editInJson }] };
    return {
      key: pathKey(path), path, index, count: items.length,
      title: formatString(ctx.strings.stepTitle, index + 1, built.title),
      blocks: built.blocks,
    };
  });
  return view;
}
