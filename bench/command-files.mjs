#!/usr/bin/env node
// How many production files (non-spec .ts under apps/ and libs/) a command's path reaches: from its
// entry files, following relative and `#alias` imports transitively (bench/lib/import-graph.mjs).
// `node bench/command-files.mjs` prints the count per command and for all of them together;
// `--list` prints the files too. The bench's commandPath phase reports the same figures.
import { fileURLToPath } from 'node:url';
import { ROOT } from '../scripts/env.mjs';
import { importGraph } from './lib/import-graph.mjs';

/** What the CommandBus and QueryBus dispatch every command below to: they find handlers by decorator, not by import. */
const BUS_HANDLERS = ['apps/api/src/transfers/commands/run-transfer.handler.ts', 'apps/api/src/transfers/queries/transfer-query.handlers.ts'];

/** Each command's entry files: its route's controller and the bus handlers (the command's, and the sync-state query its answer includes). Update these when the files move. */
export const DEFAULT_ENTRIES = {
  create: ['apps/api/src/transfers/transfers.controller.ts', ...BUS_HANDLERS],
  packed: ['apps/api/src/transfers/transfer-items.controller.ts', ...BUS_HANDLERS],
  send: ['apps/api/src/transfers/transfer-workflow.controller.ts', ...BUS_HANDLERS],
  receive: ['apps/api/src/transfers/transfer-receipts.controller.ts', ...BUS_HANDLERS],
};

/** { files: { create: n, …, all: n }, lists: { create: [paths], … } }; `all` is the union. */
export function commandFiles(entries = DEFAULT_ENTRIES, root = ROOT) {
  const reachable = importGraph(root);
  const lists = Object.fromEntries(Object.entries(entries).map(([command, files]) => [command, [...reachable(files)].sort()]));
  lists.all = [...new Set(Object.values(lists).flat())].sort();
  return { files: Object.fromEntries(Object.entries(lists).map(([command, files]) => [command, files.length])), lists };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { files, lists } = commandFiles();
  for (const [command, count] of Object.entries(files)) {
    console.log(`${command.padEnd(8)} ${String(count).padStart(4)} files`);
    if (process.argv.includes('--list')) for (const file of lists[command]) console.log(`           ${file}`);
  }
}
