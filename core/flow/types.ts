// The vocabulary of flows: documents, node types and the turn they act on. Node types live one file each in
// ./nodes and are looked up in a registry, so shared code never switches on type names.
import type { z } from 'zod';
import type { Locale } from '../locales.ts';
import type { Inbound, Reply } from '../message.ts';
import type { Position, SessionState } from '../session.ts';

export interface BaseNode {
  readonly id: string;
  readonly type: string;
}

export interface FlowDocument {
  readonly id: string;
  readonly specVersion: number;
  readonly start: string;
  readonly nodes: readonly BaseNode[];
}

/** A place inside a node definition, for error messages: e.g. "choice 2: target". */
export interface Located<T> {
  readonly path: string;
  readonly value: T;
}

export type EngineEvent = { readonly type: 'hideHistory' } | { readonly type: 'forget' };

/** What a node sees of the turn in progress. */
export interface Turn {
  readonly flowId: string;
  readonly session: SessionState;
  readonly locale: Locale;
  t(key: string): string;
  say(reply: Reply): void;
  /** Attaches choices, links or callables to the last reply said in this turn. */
  attach(extra: Omit<Reply, 'text'>): void;
  emit(event: EngineEvent): void;
  payloadFor(nodeId: string, optionId: string): string;
  callable(contactId: string): { label: string; phone: string };
}

/** Where to go after a node: a target (same-flow node id or "flow#node"), stay and wait, or re-ask. */
export type NodeOutcome = { readonly next: string } | { readonly wait: true } | { readonly end: true } | { readonly reask: true };

export interface MeaningContext {
  readonly actionNames: ReadonlySet<string>;
  checkAction(name: string, params: unknown): string[];
}

export interface NodeType<N extends BaseNode = BaseNode> {
  readonly type: N['type'];
  readonly schema: z.ZodType<N>;
  /** True when the node stops and waits for the person (used to find endless loops). */
  waits(node: N): boolean;
  i18nKeys(node: N): Located<string>[];
  targets(node: N): Located<string>[];
  contactIds(node: N): Located<string>[];
  /** Extra meaning checks particular to this type; messages are prefixed with the node's path. */
  check?(node: N, context: MeaningContext): string[];
  /** Arriving at the node: say what it says; return next, wait or end. */
  enter(node: N, turn: Turn): NodeOutcome;
  /** The person's message while this node waits. */
  receive?(node: N, inbound: Inbound, turn: Turn): NodeOutcome;
  /** What to say when the person's answer did not fit. */
  reask?(node: N, turn: Turn): void;
  /** The ids of the node's options, when it has buttons (their payloads must fit every channel). */
  optionIds?(node: N): Located<string>[];
  /** The target of one of this node's options, for buttons pressed on an older message. */
  optionTarget?(node: N, optionId: string): string | undefined;
}

export interface Flow {
  readonly id: string;
  readonly file: string;
  readonly start: string;
  readonly nodes: ReadonlyMap<string, BaseNode>;
}

export interface ContactEntry {
  readonly display: string;
  readonly phone: string;
}

export type CommandName = 'start' | 'menu' | 'lang' | 'help' | 'human';

/** Everything loaded from flows/, validated and frozen. */
export interface FlowSet {
  readonly flows: ReadonlyMap<string, Flow>;
  readonly home: Position;
  readonly commands: Readonly<Record<CommandName, Position>>;
  readonly contacts: ReadonlyMap<string, ContactEntry>;
  resolve(fromFlow: string, target: string): Position | undefined;
  node(position: Position): BaseNode | undefined;
}
