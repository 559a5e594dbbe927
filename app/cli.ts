// The command line: `punte <command>`. Standard output carries only the command's result; logs and warnings go
// to standard error; a failure exits non-zero with a one-line reason.
import { loadConfig } from '../core/config.ts';
import { isPunteError } from '../core/errors.ts';
import { createLogger, type Logger } from '../core/log.ts';
import { agenciesCommand } from './commands/agencies.ts';
import { chatCommand } from './commands/chat.ts';
import { checkOfferCommand } from './commands/check-offer.ts';
import { parseCommandArgs, type CommandContext } from './commands/context.ts';
import { migrateCommand } from './commands/migrate.ts';
import { serveCommand } from './commands/serve.ts';
import { triageCommand } from './commands/triage.ts';
import { staffCommand } from './commands/staff.ts';
import { telegramCommand } from './commands/telegram.ts';
import { viberCommand } from './commands/viber.ts';
import { createRuntime } from './runtime.ts';

const COMMANDS: Record<string, { run: (context: CommandContext) => Promise<number>; summary: string; quiet: boolean }> = {
  agencies: { run: agenciesCommand, summary: 'agencies import FILE.csv                replace the licensed-agency registry with this list', quiet: true },
  chat: { run: chatCommand, summary: 'chat [--lang ro|ru|uk|en] [--user ID]   talk to Punte in this terminal', quiet: true },
  migrate: { run: migrateCommand, summary: 'migrate                                 apply pending database migrations', quiet: true },
  serve: { run: serveCommand, summary: 'serve                                   start the HTTP server (npm start)', quiet: false },
  'check-offer': { run: checkOfferCommand, summary: 'check-offer [--lang L] [--json]        check a job offer read from standard input', quiet: true },
  triage: { run: triageCommand, summary: 'triage [--lang L] [--json]             danger triage of a message read from standard input', quiet: true },
  staff: { run: staffCommand, summary: 'staff add|list|disable|enable|password  staff console accounts (add --email E --role admin|caseworker|viewer)', quiet: true },
  telegram: { run: telegramCommand, summary: 'telegram setup|status [--json]          set the Telegram webhook and command menu, or show its state', quiet: true },
  viber: { run: viberCommand, summary: 'viber setup|status [--json]             set the Viber webhook, or show what Viber knows of the bot', quiet: true },
};

const USAGE = `usage: punte <command>\n\n${Object.values(COMMANDS)
  .map((command) => `  ${command.summary}`)
  .join('\n')}\n`;

export async function main(argv: readonly string[], io = { stdin: process.stdin, stdout: process.stdout, env: process.env }): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    io.stdout.write(USAGE);
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`punte: unknown command "${name}"; try: punte help\n`);
    return 2;
  }

  let log: Logger | undefined;
  try {
    // Interactive commands stay quiet unless LOG_LEVEL says otherwise; the server logs its requests.
    const level = io.env.LOG_LEVEL?.trim() || (command.quiet ? 'warn' : 'info');
    log = createLogger({ level, format: command.quiet ? 'text' : 'json' });
    const logger = log;
    const context: CommandContext = {
      args,
      env: io.env,
      stdin: io.stdin,
      stdout: io.stdout,
      log: logger,
      parse: (options) => parseCommandArgs(args, options),
      runtime: (options) => createRuntime({ env: io.env, log: logger, config: loadConfig(io.env), ...options }),
    };
    return await command.run(context);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    process.stderr.write(`punte: ${reason.split('\n')[0]}\n`);
    if (!isPunteError(error)) log?.debug({ err: error }, 'unexpected failure');
    return isPunteError(error, 'PUNTE_USAGE') ? 2 : 1;
  }
}
