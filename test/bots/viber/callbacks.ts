// Viber callbacks as Viber writes them: raw JSON text with 64-bit message tokens as bare numbers, signed with
// the auth token, and posted to the webhook through fastify inject.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { sign } from '../../../bots/viber/signature.ts';

export const AUTH_TOKEN = '4453b6ac12345678-e02c5f12174805f9-daec9cbb5448c51f';

// Above 2^53: a double cannot hold these, so a lossy parse would merge neighbours.
let nextToken = 5136431130449316903n;
export function freshToken(): string {
  nextToken += 1n;
  return String(nextToken);
}

const HEAD = '"timestamp":1516678387902,"chat_hostname":"SN-CHAT-05_"';

export function messageCallback(userId: string, message: Record<string, unknown>, options: { token?: string; language?: string } = {}): string {
  const sender = { id: userId, name: 'Name Viber Sends', avatar: 'https://example.org/avatar.jpg', language: options.language ?? 'en', country: 'MD', api_version: 10 };
  return `{"event":"message",${HEAD},"message_token":${options.token ?? freshToken()},"sender":${JSON.stringify(sender)},"message":${JSON.stringify(message)},"silent":false}`;
}

export function textCallback(userId: string, text: string, options: { token?: string; language?: string } = {}): string {
  return messageCallback(userId, { type: 'text', text, tracking_data: 'whatever was sent last' }, options);
}

export function conversationStarted(userId: string, options: { language?: string; subscribed?: boolean; token?: string } = {}): string {
  const user = { id: userId, name: 'Name Viber Sends', language: options.language ?? 'en', country: 'MD', api_version: 10 };
  return `{"event":"conversation_started",${HEAD},"message_token":${options.token ?? freshToken()},"type":"open","context":"","user":${JSON.stringify(user)},"subscribed":${options.subscribed ?? false}}`;
}

export function subscribedCallback(userId: string): string {
  return `{"event":"subscribed",${HEAD},"message_token":${freshToken()},"user":${JSON.stringify({ id: userId, language: 'en', api_version: 10 })}}`;
}

export function userEvent(event: 'unsubscribed' | 'delivered' | 'seen' | 'failed', userId: string, extra = ''): string {
  return `{"event":"${event}",${HEAD},"message_token":${freshToken()},"user_id":${JSON.stringify(userId)}${extra}}`;
}

export function post(app: FastifyInstance, raw: string | Buffer, headers: Record<string, string> = { 'x-viber-content-signature': sign(raw, AUTH_TOKEN) }): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'POST', url: '/webhooks/viber', headers: { 'content-type': 'application/json', ...headers }, payload: raw });
}
