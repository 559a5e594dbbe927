// The Viber channel: our own small adapter for the Viber REST Bot API (the official viber-bot package is
// unmaintained and never checks the signature header). On when VIBER_AUTH_TOKEN is set; start-up makes no call to
// Viber (registering the webhook is `punte viber setup`).
import type { ChannelContext, ChannelInstance, ChannelModule } from '../../core/channel-module.ts';
import type { ChannelCapabilities } from '../../core/message.ts';
import { createViberApi, type ViberApiOptions } from './client.ts';
import { isEnabled, loadViberConfig, type EnabledViberConfig } from './config.ts';
import { Deliveries } from './deliver.ts';
import { VIBER_CHANNEL } from './inbound.ts';
import { MAX_TEXT_LENGTH, type RenderOptions } from './render.ts';
import { registerWebhook } from './routes.ts';

export const VIBER_CAPABILITIES: ChannelCapabilities = {
  maxButtons: 12,
  maxButtonLabelLength: 250,
  maxPayloadBytes: 64,
  maxTextLength: MAX_TEXT_LENGTH,
  // Viber has no delete API: quick exit tells people how to delete the chat themselves.
  canDeleteMessages: false,
  canPushLater: true,
};

export interface ViberChannelInstance extends ChannelInstance {
  /** Resolves once the replies being sent have been sent (tests, shutdown). */
  idle(): Promise<void>;
}

export interface ViberChannelOptions {
  /** Retry timing of Viber calls (tests shorten it). */
  readonly api?: Pick<ViberApiOptions, 'maxAttempts' | 'retryDelayMs' | 'timeoutMs'>;
  readonly now?: () => Date;
}

export function createViberChannel(context: ChannelContext, config: EnabledViberConfig, options: ViberChannelOptions = {}): ViberChannelInstance {
  const { conversations, log } = context;
  const api = createViberApi({ apiRoot: config.VIBER_API_ROOT, authToken: config.VIBER_AUTH_TOKEN, ...options.api });
  const render: RenderOptions = {
    senderName: config.VIBER_SENDER_NAME,
    senderAvatar: config.VIBER_SENDER_AVATAR,
    minApiVersion: config.VIBER_MIN_API_VERSION,
  };
  const deliveries = new Deliveries({ api, conversations, log, render });
  return {
    name: VIBER_CHANNEL,
    routes: (app) =>
      registerWebhook(app, {
        authToken: config.VIBER_AUTH_TOKEN,
        capabilities: VIBER_CAPABILITIES,
        conversations,
        deliveries,
        log,
        render,
        now: options.now ?? (() => new Date()),
      }),
    stop: () => deliveries.idle(),
    idle: () => deliveries.idle(),
    sender: {
      channel: VIBER_CHANNEL,
      capabilities: VIBER_CAPABILITIES,
      send: (channelUserId, messages, delivered) => deliveries.send(channelUserId, messages, delivered),
    },
  };
}

export const viberChannel: ChannelModule = {
  name: VIBER_CHANNEL,
  configure(context) {
    const config = loadViberConfig(context.env);
    return isEnabled(config) ? createViberChannel(context, config) : undefined;
  },
};
