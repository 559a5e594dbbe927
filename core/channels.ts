// The channel registry: how the core reaches a person later, outside a turn (a counsellor's reply, a check-in).
// Every adapter that can send on its own registers here at start-up; the core never imports an adapter.
import type { ChannelCapabilities, OutboundMessage } from './message.ts';

export interface ChannelSender {
  readonly channel: string;
  readonly capabilities: ChannelCapabilities;
  /**
   * Delivers stored replies to one person and reports each through `delivered` with the channel's message ids.
   * Throws when the channel refused; replies not reported stay undelivered and are tried again later.
   */
  send(channelUserId: string, messages: readonly OutboundMessage[], delivered: (messageId: string, channelMessageIds: readonly string[]) => Promise<void>): Promise<void>;
}

export class ChannelRegistry {
  private readonly senders = new Map<string, ChannelSender>();

  register(sender: ChannelSender): void {
    if (this.senders.has(sender.channel)) throw new Error(`channel "${sender.channel}" is registered twice`);
    this.senders.set(sender.channel, sender);
  }

  get(channel: string): ChannelSender | undefined {
    return this.senders.get(channel);
  }

  get channels(): string[] {
    return [...this.senders.keys()];
  }
}
