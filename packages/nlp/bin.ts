#!/usr/bin/env -S npx tsx
// Stand-alone entry for the nlp commands (the platform CLI registers the same commands):
//   npx tsx packages/nlp/bin.ts nlp eval --data test.jsonl
import { Command } from 'commander';
import { registerNlpCommands } from './src/cli.ts';

const program = new Command('rectify-nlp');
registerNlpCommands(program);
await program.parseAsync(process.argv);
