// `punte viber setup|status [--json]`: register the Viber webhook, or show what Viber knows about the bot.
// Neither touches the database.
import { createViberApi } from '../../bots/viber/client.ts';
import { isEnabled, loadViberConfig } from '../../bots/viber/config.ts';
import { formatStatus, setupViber, viberStatus } from '../../bots/viber/setup.ts';
import { PunteError } from '../../core/errors.ts';
import { parseSetupOrStatus, type CommandContext } from './context.ts';

export async function viberCommand(context: CommandContext): Promise<number> {
  const { action, json } = parseSetupOrStatus(context, 'viber');
  const config = loadViberConfig(context.env);
  if (!isEnabled(config)) throw new PunteError('PUNTE_CONFIG_INVALID', 'VIBER_AUTH_TOKEN: required for this command');
  const api = createViberApi({ apiRoot: config.VIBER_API_ROOT, authToken: config.VIBER_AUTH_TOKEN });

  if (action === 'status') {
    const status = await viberStatus(api);
    context.stdout.write(json ? `${JSON.stringify(status)}\n` : `${formatStatus(status).join('\n')}\n`);
    return 0;
  }
  const result = await setupViber(api, config);
  context.stdout.write(json ? `${JSON.stringify(result)}\n` : `webhook set: ${result.webhook} (events: ${result.eventTypes.join(', ')})\n`);
  return 0;
}
