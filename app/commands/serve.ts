// `punte serve` (what `npm start` runs): the HTTP server with every enabled channel.
import { buildServer } from '../server.ts';
import type { CommandContext } from './context.ts';

export async function serveCommand(context: CommandContext): Promise<number> {
  context.parse({});
  const runtime = await context.runtime({ withChannels: true });
  const app = await buildServer(runtime);
  const { HOST, PORT } = runtime.config;
  await app.listen({ host: HOST, port: PORT });
  for (const channel of runtime.channels) await channel.start?.();

  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      runtime.log.info({ signal }, 'shutting down');
      void app
        .close()
        .then(() => runtime.close())
        .finally(resolve);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}
