// What can be told about the source image without asking Azure: its OS from a Marketplace publisher/offer, its
// Hyper-V generation from the SKU name (the article: Gen2 SKUs end in "-gen2" for Canonical, "-g2" for Windows
// Desktop; "18_04-lts-gen2" is Gen2, "18.04-lts" Gen1). Facts from Azure, when the shell has them, win.

import { isLiteralString } from './armExpression.ts';
import type { ImageTemplateFacts } from './imageTemplateFacts.ts';
import { source, type JsonObject } from './templateAccess.ts';

const LINUX_PUBLISHERS = new Set([
  'canonical', 'redhat', 'suse', 'openlogic', 'debian', 'credativ', 'almalinux', 'resf', 'kinvolk',
  'microsoftcblmariner', 'erockyenterprisesoftwarefoundationinc1653071250513', 'center-for-internet-security-inc',
]);
const WINDOWS_PUBLISHERS = new Set(['microsoftwindowsserver', 'microsoftwindowsdesktop', 'microsoftvisualstudio', 'microsoftsqlserver']);
const LINUX_HINT = /ubuntu|rhel|red ?hat|centos|debian|sles|suse|linux|alma|rocky|mariner|flatcar/i;
const WINDOWS_HINT = /windows|win1[01]|win-?server/i;

export type OsKind = 'Linux' | 'Windows';
export type Generation = 'V1' | 'V2';

export interface SourceImageTraits {
  os?: OsKind;
  /** Where the OS guess came from, for the message. */
  osEvidence?: string;
  generation?: Generation;
  generationEvidence?: 'sku' | 'azure';
  sku?: string;
}

export function sourceImageTraits(resource: JsonObject, facts: ImageTemplateFacts): SourceImageTraits {
  const traits: SourceImageTraits = {};
  const src = source(resource)?.value;
  if (src?.type === 'PlatformImage') {
    const publisher = isLiteralString(src.publisher) ? src.publisher : '';
    const offer = isLiteralString(src.offer) ? src.offer : '';
    const sku = isLiteralString(src.sku) ? src.sku : '';
    if (sku) traits.sku = sku;
    const os = osFromMarketplace(publisher, offer, sku);
    if (os) Object.assign(traits, { os, osEvidence: `${publisher}:${offer}:${sku}` });
    const generation = generationFromSku(sku);
    if (generation) Object.assign(traits, { generation, generationEvidence: 'sku' });
  }
  if (facts.sourceImage?.osType) Object.assign(traits, { os: facts.sourceImage.osType, osEvidence: 'Azure' });
  if (facts.sourceImage?.hyperVGeneration) {
    Object.assign(traits, { generation: facts.sourceImage.hyperVGeneration, generationEvidence: 'azure' });
  }
  return traits;
}

export function osFromMarketplace(publisher: string, offer: string, sku: string): OsKind | undefined {
  const p = publisher.toLowerCase();
  if (WINDOWS_PUBLISHERS.has(p)) return 'Windows';
  if (LINUX_PUBLISHERS.has(p)) return 'Linux';
  const text = `${offer} ${sku}`;
  if (WINDOWS_HINT.test(text)) return 'Windows';
  if (LINUX_HINT.test(text)) return 'Linux';
  return undefined;
}

/** Gen2 SKUs: `…-gen2`, `…_gen2`, `…-g2`, `…gensecond` (Windows Server). A SKU saying `gen1` is Gen1; others are unknown. */
export function generationFromSku(sku: string): Generation | undefined {
  const s = sku.toLowerCase();
  if (/(^|[-_.])gen2$|(^|[-_.])g2$|gensecond$|[-_]gen2[-_]/.test(s)) return 'V2';
  if (/(^|[-_.])gen1$|(^|[-_.])g1$/.test(s)) return 'V1';
  return undefined;
}
