// Requests to be put in touch: a call back (with the safe time window and how the caller introduces themselves)
// or a counsellor in the chat. Phone numbers are decrypted only for roles that may call.
import type { Cipher } from '../../core/crypto.ts';
import type { Database } from '../../core/db/client.ts';
import type { Translator } from '../../core/i18n.ts';

export const REFERRAL_STATUSES = ['requested', 'scheduled', 'done', 'cancelled'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];
const MAX_LISTED = 500;

export interface ReferralView {
  readonly id: string;
  readonly kind: string;
  readonly status: string;
  readonly conversationId: string;
  readonly channel: string;
  /** The person's language: the caller should speak it. */
  readonly language: string;
  readonly minor: boolean;
  readonly timeWindow: { readonly id: string; readonly label: string } | null;
  readonly introduction: { readonly id: string; readonly label: string } | null;
  readonly hasPhone: boolean;
  /** Only for caseworkers and admins. */
  readonly phone: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** The option's words as the person saw them in the talk flow (in English for staff), or its id. */
function option(translator: Translator, prefix: string, id: string | null): { id: string; label: string } | null {
  if (!id) return null;
  const key = `${prefix}.${id}`;
  return { id, label: translator.has('en', key) ? translator.t('en', key) : id };
}

export async function listReferrals(
  deps: { db: Database; cipher: Cipher; translator: Translator },
  filter: { statuses: readonly string[]; contactId?: string },
  withPhones: boolean,
): Promise<ReferralView[]> {
  const rows = await deps.db.referral.findMany({
    where: { status: { in: [...filter.statuses] }, ...(filter.contactId ? { contactId: filter.contactId } : {}) },
    orderBy: { createdAt: 'desc' },
    take: MAX_LISTED,
    include: { contact: { select: { channel: true, locale: true } } },
  });
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    status: row.status,
    conversationId: row.contactId,
    channel: row.contact.channel,
    language: row.contact.locale,
    minor: row.minor,
    timeWindow: option(deps.translator, 'talk:window', row.timeWindow),
    introduction: option(deps.translator, 'talk:introPhrase', row.introduction),
    hasPhone: row.phoneEnc !== null,
    phone: withPhones && row.phoneEnc ? deps.cipher.decrypt(row.phoneEnc) : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  }));
}
