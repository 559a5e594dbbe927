// `punte viber setup` and `punte viber status`: register the webhook with the event types Punte handles, and
// show what Viber knows about the bot. Admins' ids and names (get_account_info "members") are never shown.
import { PunteError } from '../../core/errors.ts';
import type { ViberApi } from './client.ts';
import type { EnabledViberConfig } from './config.ts';
import { EVENT_TYPES, WEBHOOK_PATH } from './routes.ts';

export interface SetupResult {
  readonly webhook: string;
  readonly eventTypes: readonly string[];
}

export async function setupViber(api: ViberApi, config: EnabledViberConfig): Promise<SetupResult> {
  if (config.PUBLIC_URL === undefined) throw new PunteError('PUNTE_CONFIG_INVALID', 'PUBLIC_URL: required to set the Viber webhook');
  if (!config.PUBLIC_URL.startsWith('https://')) {
    throw new PunteError('PUNTE_CONFIG_INVALID', 'PUBLIC_URL: Viber only calls https addresses with a trusted certificate');
  }
  const webhook = `${config.PUBLIC_URL}${WEBHOOK_PATH}`;
  // Viber calls the webhook at once to check it: the server must already answer at PUBLIC_URL.
  const answer = await api.setWebhook(webhook, EVENT_TYPES);
  const types = answer.json.event_types;
  return { webhook, eventTypes: Array.isArray(types) ? types.map(String) : [...EVENT_TYPES] };
}

export interface ViberStatus {
  readonly name: string | null;
  readonly uri: string | null;
  readonly webhook: string | null;
  readonly eventTypes: readonly string[];
  readonly subscribers: number | null;
}

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

export async function viberStatus(api: ViberApi): Promise<ViberStatus> {
  const { json } = await api.getAccountInfo();
  return {
    name: text(json.name),
    uri: text(json.uri),
    webhook: text(json.webhook),
    eventTypes: Array.isArray(json.event_types) ? json.event_types.map(String) : [],
    subscribers: typeof json.subscribers_count === 'number' ? json.subscribers_count : null,
  };
}

export function formatStatus(status: ViberStatus): string[] {
  return [
    `bot: ${status.name ?? '(no name)'}${status.uri ? ` (${status.uri})` : ''}`,
    `webhook: ${status.webhook ?? 'not set: run `npx punte viber setup`'}`,
    `events: ${status.eventTypes.length > 0 ? status.eventTypes.join(', ') : 'none'}`,
    `subscribers: ${status.subscribers ?? 'unknown'}`,
  ];
}
