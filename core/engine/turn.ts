// The turn in progress: collects what the engine says and does while nodes run.
import type { EngineEvent, FlowServices, FlowSet, Turn } from '../flow/types.ts';
import { payloadFor } from '../flow/payload.ts';
import type { Translator } from '../i18n.ts';
import type { Locale } from '../locales.ts';
import type { Reply } from '../message.ts';
import type { SessionState } from '../session.ts';

export class TurnState implements Turn {
  readonly replies: Reply[] = [];
  readonly events: EngineEvent[] = [];
  flowId = '';

  constructor(
    readonly session: SessionState,
    private readonly flows: FlowSet,
    private readonly translator: Translator,
    /** Filled into every text: the hotline numbers of flows/contacts.json, written once for all languages. */
    private readonly variables: Readonly<Record<string, string>>,
    readonly now: Date,
    readonly services: FlowServices,
  ) {}

  get locale(): Locale {
    return this.session.locale;
  }

  t(key: string, variables?: Record<string, unknown>): string {
    return this.translator.t(this.session.locale, key, { ...this.session.vars, ...this.variables, ...variables });
  }

  say(reply: Reply): void {
    this.replies.push(reply);
  }

  attach(extra: Omit<Reply, 'text'>): void {
    const last = this.replies.pop();
    if (!last) throw new Error('attach() needs a reply said before it');
    this.replies.push({ ...last, ...extra });
  }

  emit(event: EngineEvent): void {
    this.events.push(event);
  }

  payloadFor(nodeId: string, optionId: string): string {
    return payloadFor(this.flowId, nodeId, optionId);
  }

  callable(contactId: string): { label: string; phone: string } {
    const contact = this.flows.contacts.get(contactId);
    if (!contact) throw new Error(`unknown contact "${contactId}"`);
    return { label: `${this.t(`contacts:${contactId}`)}: ${contact.display}`, phone: contact.phone };
  }
}
