// Maps JSON paths to text ranges so a finding is underlined where the user can act on it. Objects and arrays are
// pointed at by their property name (or their opening bracket), never by their whole span, so one finding doesn't
// paint twenty lines.

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
  InvalidSymbol: 'Unexpected character.',
  InvalidNumberFormat: 'This is not a valid number.',
  PropertyNameExpected: 'A property name in double quotes is expected here.',
  ValueExpected: 'A value is expected here.',
  ColonExpected: 'A colon (:) is expected after the property name.',
  CommaExpected: 'A comma is expected between items.',
  CloseBraceExpected: 'A closing brace } is missing.',
  CloseBracketExpected: 'A closing bracket ] is missing.',
  EndOfFileExpected: 'Unexpected text after the end of the JSON.',
  InvalidCommentToken: 'This comment is not closed.',
  UnexpectedEndOfComment: 'This comment is not closed.',
  UnexpectedEndOfString: 'This string is not closed (missing ").',
  UnexpectedEndOfNumber: 'This number is incomplete.',
  InvalidUnicode: 'Invalid \\u escape in a string.',
  InvalidEscapeCharacter: 'Invalid escape character in a string.',
  InvalidCharacter: 'Invalid character in a string (control characters must be escaped).',
};

function describeParseError(code: string): string {
  return PARSE_ERROR_TEXT[code] ?? 'The JSON is not valid here.';
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
