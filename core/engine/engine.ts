// The engine is a step function: (session, inbound) -> (session', replies, events). It touches no channel and
// writes nothing; the conversation service persists what it returns and the channel delivers the replies.
// Actions may read through the injected services (e.g. the agency registry), hence the step is async.
import { nodeTypeOf } from '../flow/nodes/index.ts';
import { commandPayload, parseOptionPayload } from '../flow/payload.ts';
import type { EngineEvent, FlowServices, FlowSet, NodeOutcome } from '../flow/types.ts';
import type { Translator } from '../i18n.ts';
import type { Locale } from '../locales.ts';
import type { Inbound, Reply } from '../message.ts';
import { newSession, type Position, type SessionState } from '../session.ts';
import { foldText } from '../text.ts';
import { NO_DANGER, type Triage, type TriageVerdict } from '../triage/verdict.ts';
import { createCommandMatcher, type ConfirmCommand, type GlobalCommand } from './commands.ts';
import { TurnState } from './turn.ts';

/** Nodes that do not wait may chain; a turn never runs more than this many (the loader forbids loops too). */
export const MAX_NODES_PER_TURN = 50;

export interface EngineOptions {
  readonly flows: FlowSet;
  readonly translator: Translator;
  readonly sessionTimeoutMs: number;
  readonly defaultLocale: Locale;
  /** Danger triage on every free text; without it nothing is flagged. */
  readonly triage?: Triage;
}

export interface StepInput {
  readonly session: SessionState | null;
  readonly inbound: Inbound;
  readonly now: Date;
  readonly canDeleteMessages: boolean;
  readonly services?: FlowServices;
  /** A counsellor has this conversation: messages are for them, and the bot stays silent. */
  readonly handoff?: boolean;
}

export interface StepOutput {
  readonly session: SessionState;
  readonly replies: readonly Reply[];
  readonly events: readonly EngineEvent[];
  readonly triage: TriageVerdict;
}

export interface Engine {
  step(input: StepInput): Promise<StepOutput>;
}

export function createEngine(options: EngineOptions): Engine {
  const { flows, translator } = options;
  const commands = createCommandMatcher(translator);
  const variables = Object.fromEntries([...flows.contacts].map(([id, contact]) => [id, contact.display]));

  async function enter(turn: TurnState, start: Position): Promise<void> {
    let current = start;
    for (let hops = 0; hops < MAX_NODES_PER_TURN; hops += 1) {
      const node = flows.node(current);
      if (!node) throw new Error(`no node ${current.flow}#${current.node}`);
      turn.flowId = current.flow;
      const outcome = await nodeTypeOf(node).enter(node, turn);
      if ('next' in outcome) {
        current = flows.resolve(current.flow, outcome.next)!;
      } else {
        turn.session.at = 'wait' in outcome ? current : flows.home;
        return;
      }
    }
    throw new Error(`more than ${MAX_NODES_PER_TURN} nodes in one turn from ${start.flow}#${start.node}`);
  }

  /** After a node handled the person's message. Text that did not fit but sounds worrying gets an offer of help. */
  async function follow(turn: TurnState, from: Position, outcome: NodeOutcome, concern: boolean): Promise<void> {
    if ('next' in outcome) await enter(turn, flows.resolve(from.flow, outcome.next)!);
    else if ('end' in outcome) turn.session.at = flows.home;
    else if ('reask' in outcome) {
      if (concern && flows.triage) await enter(turn, flows.triage.concern);
      else reask(turn, from);
    }
  }

  function reask(turn: TurnState, at: Position): void {
    const node = flows.node(at)!;
    turn.flowId = at.flow;
    const nodeType = nodeTypeOf(node);
    if (nodeType.reask) nodeType.reask(node, turn);
    else turn.say({ text: turn.t('common:reask.choice') });
  }

  async function welcomeBack(turn: TurnState): Promise<void> {
    turn.say({ text: turn.t('common:welcomeBack') });
    await enter(turn, flows.home);
  }

  function askForget(turn: TurnState): void {
    turn.session.pending = 'forget';
    turn.say({
      text: turn.t('common:forget.confirm'),
      choices: [
        { label: turn.t('common:forget.yes'), payload: commandPayload('forget-yes') },
        { label: turn.t('common:forget.no'), payload: commandPayload('forget-no') },
      ],
    });
  }

  async function runCommand(turn: TurnState, command: GlobalCommand | ConfirmCommand, canDelete: boolean): Promise<void> {
    switch (command) {
      case 'exit':
        // Quick exit: a reply that says nothing about why the person was here; the flow stops.
        turn.say({ text: turn.t(canDelete ? 'common:exit.deleted' : 'common:exit.done') });
        turn.emit({ type: 'hideHistory' });
        turn.session.at = flows.home;
        return;
      case 'forget':
      case 'forget-yes':
        askForget(turn);
        return;
      case 'forget-no':
        turn.say({ text: turn.t('common:forget.kept') });
        return;
      default:
        await enter(turn, flows.commands[command]);
    }
  }

  /** While "really delete?" is open: yes deletes, anything else keeps the data and is then handled as usual. */
  function answerForget(turn: TurnState, inbound: Inbound, command: GlobalCommand | ConfirmCommand | undefined): boolean {
    turn.session.pending = null;
    const typed = foldText(inbound.text ?? '');
    const yes =
      command === 'forget-yes' ||
      (command === undefined && typed !== '' && (typed === '1' || typed === foldText(turn.t('common:forget.yes')) || wordsOf(turn, 'common:words.yes').includes(typed)));
    if (yes) {
      turn.say({ text: turn.t('common:forget.done') });
      turn.emit({ type: 'forget' });
      turn.emit({ type: 'hideHistory' });
      return true;
    }
    turn.say({ text: turn.t('common:forget.kept') });
    return command === undefined || command === 'forget-no';
  }

  /** Triage of free text: flags for staff, and the emergency answer first when someone may be in danger now. */
  function assess(turn: TurnState, inbound: Inbound, command: unknown): TriageVerdict {
    if (!options.triage || command || inbound.kind !== 'text' || !inbound.text) return NO_DANGER;
    const verdict = options.triage(inbound.text);
    const minor = turn.session.vars.minor === true;
    if (verdict.codeWord) {
      // The silent code word: staff are alerted, and nothing on the screen changes.
      turn.emit({ type: 'flag', severity: 'urgent', category: 'code_word', reason: 'triage:code_word', minor });
    } else if (verdict.severity !== 'none') {
      turn.emit({
        type: 'flag',
        severity: verdict.severity,
        category: verdict.categories[0] ?? 'concern',
        reason: `triage:${verdict.reasons[0] ?? verdict.severity}`,
        minor,
      });
    }
    return verdict;
  }

  return {
    async step({ session, inbound, now, canDeleteMessages, services, handoff }) {
      const isNew = session === null;
      const state: SessionState = session
        ? structuredClone(session)
        : newSession(inbound.localeChoice ?? inbound.localeHint ?? options.defaultLocale, now);
      if (inbound.localeChoice) state.locale = inbound.localeChoice;
      const expired =
        !isNew && state.at !== null && now.getTime() - Date.parse(state.lastActiveAt) > options.sessionTimeoutMs;
      state.lastActiveAt = now.toISOString();
      const turn = new TurnState(state, flows, translator, variables, now, services ?? {});
      const command = commands.detect(inbound);
      const optionPayload = inbound.payload !== undefined ? parseOptionPayload(inbound.payload) : undefined;
      const position = state.at && flows.node(state.at) ? state.at : null;
      const verdict = assess(turn, inbound, command);
      const concern = verdict.severity === 'medium' || verdict.severity === 'high';

      if (verdict.severity === 'urgent' && !verdict.codeWord && flows.triage && !command) {
        // Danger comes before anything the bot was waiting for, even "really delete everything?".
        state.pending = null;
        state.vars.triageCategory = verdict.categories[0] ?? 'urgent_danger';
        await enter(turn, flows.triage.urgent);
      } else if (state.pending === 'forget' && answerForget(turn, inbound, command)) {
        // answered: deleted, or kept with nothing more to do
      } else if (command && (!handoff || command === 'exit' || command === 'forget' || command === 'forget-yes' || command === 'forget-no')) {
        await runCommand(turn, command, canDeleteMessages);
      } else if (handoff) {
        // The counsellor reads this in the console; the bot does not answer in their place.
      } else if (isNew || inbound.kind === 'start') {
        await enter(turn, concern && flows.triage ? flows.triage.concern : flows.commands.start);
      } else if (optionPayload && !(position && optionPayload.flow === position.flow && optionPayload.node === position.node)) {
        // A button on an older message: follow it if it still exists, otherwise re-ask where we are.
        const from = { flow: optionPayload.flow, node: optionPayload.node };
        const node = flows.node(from);
        turn.flowId = from.flow;
        const target = node ? nodeTypeOf(node).optionTarget?.(node, optionPayload.option, turn) : undefined;
        if (target) await enter(turn, flows.resolve(from.flow, target)!);
        else if (position && !expired) reask(turn, position);
        else await welcomeBack(turn);
      } else if (expired || !position) {
        if (concern && flows.triage) await enter(turn, flows.triage.concern);
        else await welcomeBack(turn);
      } else if (inbound.kind === 'media' || inbound.kind === 'unsupported' || inbound.kind === 'contact') {
        turn.say({ text: turn.t('common:unsupported') });
        reask(turn, position);
      } else {
        const node = flows.node(position)!;
        turn.flowId = position.flow;
        const nodeType = nodeTypeOf(node);
        const outcome = nodeType.receive ? await nodeType.receive(node, inbound, turn) : { reask: true as const };
        await follow(turn, position, outcome, concern);
      }
      return { session: state, replies: turn.replies, events: turn.events, triage: verdict };
    },
  };
}

function wordsOf(turn: TurnState, key: string): string[] {
  return turn
    .t(key)
    .split('|')
    .map((word) => foldText(word))
    .filter((word) => word !== '');
}
