// Where a finding shows up in the form: the field for its path, or else the nearest enclosing thing the form shows
// (a list item, a list, a section). Findings about paths the form has no field for still land somewhere visible.

import type { FieldFinding, JsonPath } from '../protocol.ts';
import { pathKey, type Block, type FormView } from './formModel.ts';

/** Every key the form can place a finding at, mapped to the key of the element that shows it. */
export function findingAnchors(view: FormView): Map<string, string> {
  const anchors = new Map<string, string>();
  const visit = (blocks: Block[]) => {
    for (const block of blocks) {
      anchors.set(block.key, block.key);
      if (block.block === 'list') {
        for (const item of block.items) {
          anchors.set(item.key, item.key);
          visit(item.blocks);
        }
      }
    }
  };
  for (const section of view.sections) {
    anchors.set(section.key, section.key);
    for (const also of section.alsoKeys) if (!anchors.has(also)) anchors.set(also, section.key);
    visit(section.blocks);
  }
  return anchors;
}

/** The anchor key for `path`: the longest prefix of it the form shows ([] — the template itself — always). */
export function anchorForPath(path: JsonPath, anchors: Map<string, string>): string {
  for (let depth = path.length; depth >= 0; depth--) {
    const anchor = anchors.get(pathKey(path.slice(0, depth)));
    if (anchor !== undefined) return anchor;
  }
  return pathKey([]);
}

export function groupFindingsByAnchor(findings: FieldFinding[], anchors: Map<string, string>): Map<string, FieldFinding[]> {
  const grouped = new Map<string, FieldFinding[]>();
  for (const finding of findings) {
    const anchor = anchorForPath(finding.path, anchors);
    grouped.set(anchor, [...(grouped.get(anchor) ?? []), finding]);
  }
  return grouped;
}
