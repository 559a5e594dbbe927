// What every command gets: its arguments, the standard streams, the environment, a logger on standard error,
// and the runtime built on demand (so `--help` or a usage error never touches the database).
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { PunteError } from '../../core/errors.ts';
import type { Logger } from '../../core/log.ts';
import type { Runtime } from '../runtime.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

export interface CommandContext {
  readonly args: readonly string[];
  readonly env: NodeJS.ProcessEnv;
  readonly stdin: NodeJS.ReadableStream;
  readonly stdout: NodeJS.WritableStream;
  readonly log: Logger;
  parse<O extends Options>(options: O): ReturnType<typeof parseArgs<{ options: O; allowPositionals: true }>>;
  runtime(options?: { withChannels?: boolean }): Promise<Runtime>;
}

export function parseCommandArgs<O extends Options>(args: readonly string[], options: O) {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new PunteError('PUNTE_USAGE', (error as Error).message.split('\n')[0] ?? 'bad arguments');
  }
}

/** `<channel> setup|status [--json]`: the action and whether JSON was asked for; usage errors otherwise. */
export function parseSetupOrStatus(context: CommandContext, channel: string): { action: 'setup' | 'status'; json: boolean } {
  const { values, positionals } = context.parse({ json: { type: 'boolean' } });
  const [action, ...extra] = positionals;
  if (action !== 'setup' && action !== 'status') throw new PunteError('PUNTE_USAGE', `${channel} needs one of: setup, status`);
  if (extra.length > 0) throw new PunteError('PUNTE_USAGE', `unexpected argument "${extra[0]}"`);
  return { action, json: values.json === true };
}
