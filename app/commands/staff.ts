// `punte staff add|list|disable|enable|password`: staff console accounts from the command line. There is no
// default account; the first admin is made here. The password is never an argument (it would stay in the shell's
// history and the process list): it is the first line of standard input when piped, or typed without echo.
import { createInterface } from 'node:readline';
import { loadConfig } from '../../core/config.ts';
import { openDatabase } from '../../core/db/client.ts';
import { PunteError } from '../../core/errors.ts';
import { activeAdmins, addStaff, findStaff, listStaff, setStaffDisabled, setStaffPassword } from '../../staff/accounts.ts';
import { audit } from '../../staff/audit.ts';
import { passwordProblem } from '../../staff/auth/passwords.ts';
import { ROLES } from '../../staff/auth/roles.ts';
import { MIGRATIONS_DIR } from '../paths.ts';
import type { CommandContext } from './context.ts';

export const STAFF_USAGE = `usage: punte staff add --email E --role ${ROLES.join('|')} | list [--json] | disable --email E | enable --email E | password --email E`;

type TtyInput = NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (mode: boolean) => void };

/** The first line of piped input (without its line ending), or "" when there is none. */
async function firstLine(input: NodeJS.ReadableStream): Promise<string> {
  const lines = createInterface({ input, terminal: false, crlfDelay: Infinity });
  try {
    for await (const line of lines) return line;
    return '';
  } finally {
    lines.close();
  }
}

/** Reads a line from a terminal without showing it. */
function hiddenLine(input: TtyInput, prompt: string): Promise<string> {
  // Raw mode (no echo) before the prompt, so nothing typed right after it is shown.
  input.setRawMode?.(true);
  process.stderr.write(prompt);
  input.resume();
  return new Promise((resolve, reject) => {
    let value = '';
    const finish = () => {
      input.off('data', onData);
      input.setRawMode?.(false);
      input.pause();
      process.stderr.write('\n');
    };
    const onData = (chunk: Buffer | string) => {
      for (const char of chunk.toString()) {
        if (char === '\r' || char === '\n' || char === '\u0004') {
          finish();
          resolve(value);
          return;
        }
        if (char === '\u0003') {
          finish();
          reject(new PunteError('PUNTE_USAGE', 'cancelled'));
          return;
        }
        if (char === '\u007f' || char === '\b') value = [...value].slice(0, -1).join('');
        else value += char;
      }
    };
    input.on('data', onData);
  });
}

async function readPassword(context: CommandContext, email: string): Promise<string> {
  const input = context.stdin as TtyInput;
  if (!input.isTTY) return firstLine(input);
  const password = await hiddenLine(input, `New password for ${email} (at least 12 characters; a few words make a good one): `);
  // Say what is wrong before asking again, so nobody types a refused password twice.
  const problem = passwordProblem(password, { email });
  if (problem) throw new PunteError('PUNTE_STAFF_INVALID', problem);
  if ((await hiddenLine(input, 'Repeat it: ')) !== password) throw new PunteError('PUNTE_STAFF_INVALID', 'the two passwords differ');
  return password;
}

export async function staffCommand(context: CommandContext): Promise<number> {
  const { values, positionals } = context.parse({ email: { type: 'string' }, role: { type: 'string' }, json: { type: 'boolean' } });
  const [subcommand, ...rest] = positionals;
  if (subcommand === undefined || rest.length > 0) throw new PunteError('PUNTE_USAGE', STAFF_USAGE);
  const needsEmail = ['add', 'disable', 'enable', 'password'].includes(subcommand);
  if (needsEmail && !values.email) throw new PunteError('PUNTE_USAGE', `--email is required; ${STAFF_USAGE}`);
  if (subcommand === 'add' && !values.role) throw new PunteError('PUNTE_USAGE', `--role is required (${ROLES.join(', ')})`);
  if (!['add', 'list', 'disable', 'enable', 'password'].includes(subcommand)) throw new PunteError('PUNTE_USAGE', STAFF_USAGE);

  const email = values.email ?? '';
  const password = subcommand === 'add' || subcommand === 'password' ? await readPassword(context, email) : '';
  const config = loadConfig(context.env);
  const { db } = await openDatabase({ databaseUrl: config.DATABASE_URL, migrationsDir: MIGRATIONS_DIR });
  const now = new Date();
  const out = (text: string, json: unknown) => context.stdout.write(values.json ? `${JSON.stringify(json)}\n` : `${text}\n`);
  try {
    switch (subcommand) {
      case 'add': {
        const account = await addStaff(db, { email, role: values.role!, password });
        await audit(db, { staffId: null, action: 'staff.added', targetType: 'staff', targetId: account.id }, now);
        out(`added ${account.role} ${account.email}`, { id: account.id, email: account.email, role: account.role });
        break;
      }
      case 'list': {
        const accounts = await listStaff(db);
        if (values.json) context.stdout.write(`${JSON.stringify(accounts)}\n`);
        else {
          for (const a of accounts) {
            context.stdout.write(`${a.email}\t${a.role}\t${a.disabledAt ? 'disabled' : 'active'}\tlast sign-in ${a.lastLoginAt?.toISOString() ?? 'never'}\n`);
          }
          if (accounts.length === 0) context.stdout.write('no accounts yet; add one with: punte staff add --email E --role admin\n');
        }
        break;
      }
      case 'disable':
      case 'enable': {
        const account = await findStaff(db, { email });
        const disabled = subcommand === 'disable';
        if (disabled && account.role === 'admin' && account.disabledAt === null && (await activeAdmins(db)) <= 1) {
          throw new PunteError('PUNTE_STAFF_INVALID', 'the last admin cannot be disabled; add another admin first');
        }
        await setStaffDisabled(db, account.id, disabled, now);
        await audit(db, { staffId: null, action: disabled ? 'staff.disabled' : 'staff.enabled', targetType: 'staff', targetId: account.id }, now);
        out(`${disabled ? 'disabled' : 'enabled'} ${account.email}`, { id: account.id, email: account.email, disabled });
        break;
      }
      case 'password': {
        const account = await findStaff(db, { email });
        await setStaffPassword(db, account.id, password);
        out(`changed the password of ${account.email}; their sessions have ended`, { id: account.id, email: account.email });
        break;
      }
    }
  } finally {
    await db.$disconnect();
  }
  return 0;
}
