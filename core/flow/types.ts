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

export const SEVERITIES = ['urgent', 'high', 'medium', 'low'] as const;
export type Severity = (typeof SEVERITIES)[number];
export type RiskLevel = 'low' | 'medium' | 'high';
export type ReferralKind = 'callback' | 'counsellor';

/** What a turn asks the host to do besides replying; stored in the same transaction as the turn. */
export type EngineEvent =
  | { readonly type: 'hideHistory' }
  | { readonly type: 'forget' }
  /** Something staff should see. `reason` is a rule or event id, never the person's words. */
  | { readonly type: 'flag'; readonly severity: Severity; readonly category: string; readonly reason: string; readonly minor?: boolean }
  | {
      readonly type: 'referral';
      readonly kind: ReferralKind;
      readonly phone?: string;
      readonly timeWindow?: string;
      readonly introduction?: string;
      readonly minor: boolean;
    }
  | { readonly type: 'cancelReferral'; readonly kind: ReferralKind }
  | { readonly type: 'offerCheck'; readonly method: 'checklist' | 'text'; readonly risk: RiskLevel; readonly score: number; readonly flagIds: readonly string[] };

/** What a node sees of the turn in progress. */
export interface Turn {
  readonly flowId: string;
  readonly session: SessionState;
  readonly locale: Locale;
  readonly now: Date;
  /** Look-ups actions may use (the database, content loaded from flows/). */
  readonly services: FlowServices;
  /** Translates a key in the person's language; session variables and hotline numbers fill {{placeholders}}. */
  t(key: string, variables?: Record<string, unknown>): string;
  say(reply: Reply): void;
  /** Attaches choices, links or callables to the last reply said in this turn. */
  attach(extra: Omit<Reply, 'text'>): void;
  emit(event: EngineEvent): void;
  payloadFor(nodeId: string, optionId: string): string;
  callable(contactId: string): { label: string; phone: string };
}

/**
 * What actions may use besides the turn. Features add their own members here (keep them optional so the
 * engine runs in tests without them).
 */
export interface FlowServices {
  readonly db?: import('../db/client.ts').Database;
  /** The contact's id when the person has written before (null on a first message). */
  readonly contactId?: string | null;
  /** The folder flows were loaded from, for content an action reads itself (rules, knowledge base). */
  readonly flowsDir?: string;
  /** When counsellors answer in the chat. */
  readonly centreHours?: import('../handoff/hours.ts').CentreHours;
}

type MaybePromise<T> = T | Promise<T>;

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
  enter(node: N, turn: Turn): MaybePromise<NodeOutcome>;
  /** The person's message while this node waits. */
  receive?(node: N, inbound: Inbound, turn: Turn): MaybePromise<NodeOutcome>;
  /** What to say when the person's answer did not fit. */
  reask?(node: N, turn: Turn): void;
  /** The ids of the node's options, when it has buttons (their payloads must fit every channel). */
  optionIds?(node: N): Located<string>[];
  /** The target of one of this node's options, for buttons pressed on an older message. */
  optionTarget?(node: N, optionId: string, turn: Turn): string | undefined;
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

/** Where danger triage sends a person: the emergency answer, and a gentle offer of help. */
export interface TriageRoutes {
  readonly urgent: Position;
  readonly concern: Position;
}

/** Everything loaded from flows/, validated and frozen. */
export interface FlowSet {
  readonly flows: ReadonlyMap<string, Flow>;
  readonly home: Position;
  readonly commands: Readonly<Record<CommandName, Position>>;
  readonly triage?: TriageRoutes;
  readonly contacts: ReadonlyMap<string, ContactEntry>;
  resolve(fromFlow: string, target: string): Position | undefined;
  node(position: Position): BaseNode | undefined;
}
