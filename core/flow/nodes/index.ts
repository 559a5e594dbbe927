// The registry of node types. A new type is one new file here and one line below.
import type { BaseNode, NodeType } from '../types.ts';
import { actionNode } from './action.ts';
import { branchNode } from './branch.ts';
import { checklistNode } from './checklist.ts';
import { choiceNode } from './choice.ts';
import { inputNode } from './input.ts';
import { messageNode } from './message.ts';

export const NODE_TYPES: readonly NodeType<any>[] = [messageNode, choiceNode, inputNode, actionNode, branchNode, checklistNode];

const byType = new Map<string, NodeType>(NODE_TYPES.map((nodeType) => [nodeType.type, nodeType as NodeType]));

export function nodeTypeOf(node: BaseNode): NodeType {
  const nodeType = byType.get(node.type);
  if (!nodeType) throw new Error(`unknown node type "${node.type}"`);
  return nodeType;
}
