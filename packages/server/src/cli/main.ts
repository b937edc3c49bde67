import { Command } from 'commander';
import { registerTlogCommands } from '@rectify/ledger/cli';
import { registerNlpCommands } from '@rectify/nlp/cli';
import { VERSION } from '../version.ts';
import { registerAdminCommands } from './commands/admin.ts';
import { registerDatabaseCommands } from './commands/database.ts';
import { registerLedgerCommands } from './commands/ledger.ts';
import { registerStart } from './commands/start.ts';
import { registerClueCommands } from '../features/imports/cli.ts';

const program = new Command()
  .name('rectify')
  .description('Rectify 政协评议整改平台 — configuration comes from environment variables (see README)')
  .version(VERSION);

registerStart(program);
registerDatabaseCommands(program);
registerAdminCommands(program);
registerTlogCommands(program);
registerLedgerCommands(program);
registerNlpCommands(program);
registerClueCommands(program);

program.parseAsync(process.argv).catch((err: Error) => {
  console.error(`rectify: ${err.message}`);
  process.exit(1);
});
