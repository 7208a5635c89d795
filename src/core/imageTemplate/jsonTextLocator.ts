// Maps JSON paths to text ranges so a finding is underlined where the user can act on it. Objects and arrays are
// pointed at by their property name (or their opening bracket), never by their whole span, so one finding doesn't
// paint twenty lines.

import { localizable } from '../l10n/Translate.ts';
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { JsonPath, TextRange } from './finding.ts';

export interface ParsedJsonText {
  root: Node | undefined;
  syntaxErrors: { message: string; range: TextRange }[];
}

export function parseJsonText(text: string): ParsedJsonText {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: false, disallowComments: false });
  return {
    root,
    syntaxErrors: errors.map((e) => ({
      message: describeParseError(printParseErrorCode(e.error)),
      // Errors at the end of the text have no width; everywhere else underline at least one character.
      range: { offset: e.offset, length: Math.min(Math.max(e.length, 1), text.length - e.offset) },
    })),
  };
}

const PARSE_ERROR_TEXT: Record<string, string> = {
  InvalidSymbol: localizable('Unexpected character.'),
  InvalidNumberFormat: localizable('This is not a valid number.'),
  PropertyNameExpected: localizable('A property name in double quotes is expected here.'),
  ValueExpected: localizable('A value is expected here.'),
  ColonExpected: localizable('A colon (:) is expected after the property name.'),
  CommaExpected: localizable('A comma is expected between items.'),
  CloseBraceExpected: localizable('A closing brace } is missing.'),
  CloseBracketExpected: localizable('A closing bracket ] is missing.'),
  EndOfFileExpected: localizable('Unexpected text after the end of the JSON.'),
  InvalidCommentToken: localizable('This comment is not closed.'),
  UnexpectedEndOfComment: localizable('This comment is not closed.'),
  UnexpectedEndOfString: localizable('This string is not closed (missing ").'),
  UnexpectedEndOfNumber: localizable('This number is incomplete.'),
  InvalidUnicode: localizable('Invalid Unicode escape in a string.'),
  InvalidEscapeCharacter: localizable('Invalid escape character in a string.'),
  InvalidCharacter: localizable('Invalid character in a string (control characters must be escaped).'),
};

function describeParseError(code: string): string {
  return PARSE_ERROR_TEXT[code] ?? localizable('The JSON is not valid here.');
}

/** The range for `path`; falls back to the deepest part of the path that exists (e.g. the parent of a missing property). */
export function rangeForPath(root: Node | undefined, path: JsonPath, target: 'key' | 'value' = 'value'): TextRange {
  if (!root) return { offset: 0, length: 0 };
  for (let depth = path.length; depth >= 0; depth--) {
    const node = findNodeAtLocation(root, path.slice(0, depth));
    if (!node) continue;
    const missing = depth < path.length;
    return rangeOfNode(node, missing ? 'key' : target);
  }
  return { offset: root.offset, length: 1 };
}

function rangeOfNode(node: Node, target: 'key' | 'value'): TextRange {
  const keyNode = node.parent?.type === 'property' ? node.parent.children?.[0] : undefined;
  if (target === 'key' && keyNode) return { offset: keyNode.offset, length: keyNode.length };
  if (node.type === 'object' || node.type === 'array') {
    return keyNode ? { offset: keyNode.offset, length: keyNode.length } : { offset: node.offset, length: 1 };
  }
  return { offset: node.offset, length: node.length };
}
