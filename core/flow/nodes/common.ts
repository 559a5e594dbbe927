// Pieces shared by node schemas: ids, i18n keys, targets, and the links and phone numbers a node may show.
import { z } from 'zod';
import type { Located, Turn } from '../types.ts';

export const ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;
export const MAX_ID_LENGTH = 24;

export const idSchema = z
  .string()
  .max(MAX_ID_LENGTH, `must be at most ${MAX_ID_LENGTH} characters`)
  .regex(ID_PATTERN, 'must be lowercase letters, digits and dashes');

/** Contacts are also {{variables}} in texts, so their ids are camelCase names. */
export const contactIdSchema = z.string().regex(/^[a-z][a-zA-Z0-9]*$/, 'must be a camelCase name such as trafficHotline');

export const keySchema = z
  .string()
  .regex(/^[a-z0-9-]+:[A-Za-z0-9_.-]+$/, 'must be an i18n key written "namespace:path.to.key"');

/** A node id in the same flow, or "flow#node" in another flow. */
export const targetSchema = z
  .string()
  .regex(/^([a-z0-9][a-z0-9-]*#)?[a-z0-9][a-z0-9-]*$/, 'must be a node id or "flow#node"');

export const textSchema = z.union([keySchema, z.array(keySchema).min(1)]);
export type TextKeys = z.infer<typeof textSchema>;

export const linkSchema = z.object({ label: keySchema, url: z.url({ protocol: /^https$/ }) }).strict();
export type LinkDefinition = z.infer<typeof linkSchema>;

/** Extras a node can show with its last message: web links and phone numbers from flows/contacts.json. */
export const extrasShape = {
  links: z.array(linkSchema).optional(),
  callables: z.array(contactIdSchema).optional(),
};

export interface Extras {
  readonly links?: readonly LinkDefinition[] | undefined;
  readonly callables?: readonly string[] | undefined;
}

export function textKeys(text: TextKeys, path = 'text'): Located<string>[] {
  return typeof text === 'string' ? [{ path, value: text }] : text.map((value, i) => ({ path: `${path} ${i + 1}`, value }));
}

export function extrasKeys(extras: Extras): Located<string>[] {
  return (extras.links ?? []).map((link, i) => ({ path: `link ${i + 1}: label`, value: link.label }));
}

export function extrasContacts(extras: Extras): Located<string>[] {
  return (extras.callables ?? []).map((value, i) => ({ path: `callable ${i + 1}`, value }));
}

/** Says each text key as its own short message. */
export function sayTexts(text: TextKeys, turn: Turn): void {
  for (const key of typeof text === 'string' ? [text] : text) turn.say({ text: turn.t(key) });
}

export function attachExtras(extras: Extras, turn: Turn): void {
  const links = (extras.links ?? []).map((link) => ({ label: turn.t(link.label), url: link.url }));
  const callables = (extras.callables ?? []).map((id) => turn.callable(id));
  if (links.length > 0 || callables.length > 0) {
    turn.attach({ ...(links.length > 0 ? { links } : {}), ...(callables.length > 0 ? { callables } : {}) });
  }
}
