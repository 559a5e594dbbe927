// A signed callback body as a typed event. Lenient: only the fields Punte uses are checked, unknown fields (Viber
// adds some, e.g. chat_hostname) are ignored, and an optional field of an unexpected type is treated as absent.
import { z } from 'zod';
import { topLevelInteger } from './json-integer.ts';

const optionalString = z.string().optional().catch(undefined);

const userSchema = z.object({ id: z.string().min(1), language: optionalString });

const startSchema = z.object({ user: userSchema, subscribed: z.boolean().optional().catch(undefined) });
const subscribedSchema = z.object({ user: userSchema });
const unsubscribedSchema = z.object({ user_id: z.string().min(1) });
const messageSchema = z.object({
  sender: userSchema,
  message: z.object({ type: z.string(), text: optionalString }),
  timestamp: z.number().optional().catch(undefined),
});

const HANDLED = ['webhook', 'conversation_started', 'subscribed', 'unsubscribed', 'message', 'delivered', 'seen', 'failed'] as const;
type HandledEvent = (typeof HANDLED)[number];

export interface ViberUser {
  readonly id: string;
  readonly language?: string | undefined;
}

export type ViberCallback =
  | { readonly event: 'webhook' }
  | { readonly event: 'conversation_started'; readonly token: string; readonly user: ViberUser; readonly subscribed?: boolean | undefined }
  | { readonly event: 'subscribed'; readonly user: ViberUser }
  | { readonly event: 'unsubscribed'; readonly userId: string }
  | {
      readonly event: 'message';
      readonly token: string;
      readonly sender: ViberUser;
      readonly message: { readonly type: string; readonly text?: string | undefined };
      readonly timestamp?: number | undefined;
    }
  | { readonly event: 'delivered' | 'seen' | 'failed' }
  /** An event Punte does not handle: acknowledged so Viber does not retry it. */
  | { readonly event: 'other' };

export type ParseResult = { readonly ok: true; readonly callback: ViberCallback } | { readonly ok: false; readonly reason: string };

const decoder = new TextDecoder('utf-8', { fatal: true });

function isHandled(name: string): name is HandledEvent {
  return (HANDLED as readonly string[]).includes(name);
}

export function parseCallback(body: Buffer): ParseResult {
  let text: string;
  let json: unknown;
  try {
    text = decoder.decode(body);
    json = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'body is not JSON' };
  }
  const head = z.object({ event: z.string() }).safeParse(json);
  if (!head.success) return { ok: false, reason: 'no event name' };
  const name = head.data.event;
  if (!isHandled(name)) return { ok: true, callback: { event: 'other' } };

  const token = topLevelInteger(text, 'message_token');
  const fail = (field: string): ParseResult => ({ ok: false, reason: `${name}: ${field} missing or invalid` });
  switch (name) {
    case 'webhook':
      return { ok: true, callback: { event: 'webhook' } };
    case 'conversation_started': {
      const data = startSchema.safeParse(json);
      if (!data.success) return fail('user');
      if (token === undefined) return fail('message_token');
      return { ok: true, callback: { event: name, token, user: data.data.user, subscribed: data.data.subscribed } };
    }
    case 'subscribed': {
      const data = subscribedSchema.safeParse(json);
      return data.success ? { ok: true, callback: { event: name, user: data.data.user } } : fail('user');
    }
    case 'unsubscribed': {
      const data = unsubscribedSchema.safeParse(json);
      return data.success ? { ok: true, callback: { event: name, userId: data.data.user_id } } : fail('user_id');
    }
    case 'message': {
      const data = messageSchema.safeParse(json);
      if (!data.success) return fail(String(data.error.issues[0]?.path.join('.') ?? 'message'));
      if (token === undefined) return fail('message_token');
      return { ok: true, callback: { event: name, token, sender: data.data.sender, message: data.data.message, timestamp: data.data.timestamp } };
    }
    default:
      return { ok: true, callback: { event: name } };
  }
}
