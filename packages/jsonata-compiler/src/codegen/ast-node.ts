import type { NativeSignature } from '../native-functions.js';

/** A node of the AST that `jsonata(expr).ast()` returns, typed as far as the generator reads it. */
export interface AstNode {
  type: string;
  value?: unknown;
  position?: number;
  steps?: AstNode[];
  stages?: AstStage[];
  predicate?: AstStage[];
  group?: { lhs: [AstNode, AstNode][] };
  expressions?: AstNode[];
  expression?: AstNode;
  lhs?: AstNode | [AstNode, AstNode][];
  rhs?: AstNode;
  condition?: AstNode;
  then?: AstNode;
  else?: AstNode;
  procedure?: AstNode;
  arguments?: AstNode[];
  body?: AstNode;
  signature?: NativeSignature;
  thunk?: boolean;
  terms?: { descending?: boolean; expression: AstNode }[];
  keepArray?: boolean;
  keepSingletonArray?: boolean;
  consarray?: boolean;
  focus?: string;
  index?: string;
  tuple?: boolean;
  ancestor?: { label: string };
  slot?: { label: string };
  pattern?: AstNode;
  update?: AstNode;
  delete?: AstNode;
}

/** A predicate (`filter`) or positional-variable (`index`) stage of a path step. */
export interface AstStage {
  type: string;
  expr: AstNode;
  value?: string;
}

/** The `lhs` of a binary node (a single expression). */
export function lhsOf(node: AstNode): AstNode {
  return node.lhs as AstNode;
}

/** The `lhs` of an object constructor or group: its key/value pairs. */
export function pairsOf(node: AstNode): [AstNode, AstNode][] {
  return node.lhs as [AstNode, AstNode][];
}
