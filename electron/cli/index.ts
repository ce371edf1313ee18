// Entry point of `npm run cli`. Arguments are checked completely before the data directory is
// opened, so a bad call writes nothing.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDesk } from '../core/desk';
import { storageProblem } from '../core/storage-problem';
import { LoginPassword, parseCli, PASSWORD_ENV, USAGE, UsageError, type CliCommand, type ParsedCli } from './args';
import { readPasswordFromStdin } from './password-stdin';
import { runCommand, type ReadyCommand } from './run';

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export function resolveDataDir(flag: string | null, env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(flag ?? env.SERVICEDESK_DATA_DIR ?? path.join(PROJECT_ROOT, '.data'));
}

/** The command with its password in hand: read from stdin where asked, checked like any argument. */
async function withPassword(command: CliCommand): Promise<ReadyCommand> {
  if (command.name !== 'login') return command;
  if (command.password.from === 'option') {
    console.error(`Hinweis: --password ist für andere Benutzer dieses Rechners sichtbar; besser --password-stdin oder ${PASSWORD_ENV}.`);
  }
  const password = command.password.from === 'stdin' ? await readPasswordFromStdin() : command.password.value;
  if (!LoginPassword.safeParse(password).success) throw new UsageError('--password-stdin: kein gültiges Passwort auf der Standardeingabe.');
  return { ...command, password };
}

async function main(argv: string[]): Promise<number> {
  let parsed: ParsedCli;
  let command: ReadyCommand;
  try {
    parsed = parseCli(argv);
    command = await withPassword(parsed.command);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    throw error;
  }
  let desk;
  try {
    desk = openDesk({ dataDir: resolveDataDir(parsed.dataDir), host: 'cli' });
  } catch (error) {
    const plain = storageProblem(error, 'Der Start');
    console.error(`Datenverzeichnis kann nicht geöffnet werden: ${plain?.message ?? (error as Error).message}`);
    return 1;
  }
  try {
    return await runCommand(desk, command, { out: (l) => console.log(l), err: (l) => console.error(l) });
  } finally {
    await desk.close();
  }
}

/**
 * Resolves once everything written to `stream` so far has been handed to the operating system.
 * On a pipe, stdout is asynchronous: `process.exit` right after a large `console.log` would cut
 * the output off at the pipe's buffer (64 KiB), with exit code 0.
 */
function flushed(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => stream.write('', () => resolve()));
}

async function exitAfterOutput(code: number): Promise<never> {
  process.exitCode = code;
  await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
  // Exit explicitly: an idle keep-alive connection to the backend must not hold the process open.
  process.exit(code);
}

main(process.argv.slice(2)).then(exitAfterOutput, (error: unknown) => {
  // No stack or message of unknown errors: they may hold personal data.
  console.error(`Interner Fehler (${error instanceof Error ? error.name : 'unbekannt'}).`);
  return exitAfterOutput(1);
});
