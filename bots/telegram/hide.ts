// Quick exit on Telegram: delete the conversation's visible messages, on both sides, that Telegram still lets
// the bot delete (younger than 48 hours), in batches of up to 100, one by one where deleteMessages is missing
// (older self-hosted servers, the emulator). A message that cannot be deleted is skipped: the rest still go.
import type { Api } from 'grammy';
import type { Logger } from '../../core/log.ts';
import type { VisibleMessage } from '../../core/message.ts';
import { describeFailure, isMissingMethod } from './errors.ts';
import { DELETE_BATCH_SIZE, DELETE_WINDOW_MARGIN_MS, DELETE_WINDOW_MS } from './limits.ts';

export interface DeletionPlan {
  /** Message ids to delete, oldest first, without duplicates. */
  readonly ids: readonly number[];
  /** Some visible messages are, or may be, too old to delete: the person is told. */
  readonly olderRemain: boolean;
}

/** Which messages to delete: the visible ones still in Telegram's window, plus the person's own exit message. */
export function planDeletion(visible: readonly VisibleMessage[], extraIds: readonly string[], now: Date): DeletionPlan {
  const ids = new Set<number>();
  let olderRemain = false;
  for (const message of visible) {
    const age = now.getTime() - message.createdAt.getTime();
    if (age >= DELETE_WINDOW_MS - DELETE_WINDOW_MARGIN_MS) olderRemain = true;
    if (age < DELETE_WINDOW_MS) addId(ids, message.channelMessageId);
  }
  for (const id of extraIds) addId(ids, id);
  return { ids: [...ids], olderRemain };
}

function addId(ids: Set<number>, id: string): void {
  const value = Number(id);
  if (Number.isSafeInteger(value) && value > 0) ids.add(value);
}

export class MessageDeleter {
  /** Set once the server turned out not to know deleteMessages, so later exits go one by one straight away. */
  private batchMissing = false;

  constructor(private readonly log: Logger) {}

  async delete(api: Api, chatId: number | string, ids: readonly number[]): Promise<void> {
    for (let start = 0; start < ids.length; start += DELETE_BATCH_SIZE) {
      const batch = ids.slice(start, start + DELETE_BATCH_SIZE);
      if (!this.batchMissing) {
        try {
          await api.deleteMessages(chatId, batch);
          continue;
        } catch (error) {
          if (isMissingMethod(error)) this.batchMissing = true;
          this.log.debug({ failure: describeFailure(error), count: batch.length }, 'deleteMessages failed; deleting one by one');
        }
      }
      await this.oneByOne(api, chatId, batch);
    }
  }

  private async oneByOne(api: Api, chatId: number | string, ids: readonly number[]): Promise<void> {
    let failed = 0;
    for (const id of ids) {
      try {
        await api.deleteMessage(chatId, id);
      } catch {
        // Already deleted by the person, or too old: nothing more the bot can do.
        failed += 1;
      }
    }
    if (failed > 0) this.log.info({ failed, of: ids.length }, 'some messages could not be deleted');
  }
}
