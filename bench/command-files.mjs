#!/usr/bin/env node
// How many production files (non-spec .ts under apps/ and libs/) a command's path reaches: from its
// entry files, following relative and `#alias` imports transitively (bench/lib/import-graph.mjs).
// `node bench/command-files.mjs` prints the count per command and for all of them together;
// `--list` prints the files too. The bench's commandPath phase reports the same figures.
import { fileURLToPath } from 'node:url';
import { ROOT } from '../scripts/env.mjs';
import { importGraph } from './lib/import-graph.mjs';

/**
 * Each command's entry file: its route's controller. The controller calls the command service, which
 * calls the pipeline, by import (no bus finds a handler by decorator), so the graph from it is the
 * whole path. Update these when the files move.
 */
export const DEFAULT_ENTRIES = {
  create: ['apps/api/src/transfers/transfers.controller.ts'],
  packed: ['apps/api/src/transfers/transfer-items.controller.ts'],
  send: ['apps/api/src/transfers/transfer-workflow.controller.ts'],
  receive: ['apps/api/src/transfers/transfer-receipts.controller.ts'],
};

/** Each command's own folder: the command registry reaches every command's folder, and the others' are not its path. */
export const OWN_FOLDERS = {
  create: 'commands/create-transfer/',
  packed: 'commands/record-packed-quantity/',
  send: 'commands/send-transfer/',
  receive: 'commands/receive-transfer/',
};
const COMMAND_FOLDER = /libs\/domain\/src\/transfer\/commands\/[^/]+\//;

/**
 * { files: { create: n, …, all: n }, lists: { create: [paths], … } }; `all` is the union. A command's
 * files are those its entries reach, without the other commands' folders (reached through the
 * registry only); `reached` counts them too.
 */
export function commandFiles(entries = DEFAULT_ENTRIES, root = ROOT) {
  const reachable = importGraph(root);
  const reached = Object.fromEntries(Object.entries(entries).map(([command, files]) => [command, [...reachable(files)].sort()]));
  const ownPath = (command, file) => !COMMAND_FOLDER.test(file) || file.includes(OWN_FOLDERS[command] ?? '\0');
  const lists = Object.fromEntries(Object.entries(reached).map(([command, files]) => [command, files.filter((file) => ownPath(command, file))]));
  lists.all = [...new Set(Object.values(lists).flat())].sort();
  const count = (byCommand) => Object.fromEntries(Object.entries(byCommand).map(([command, files]) => [command, files.length]));
  return { files: count(lists), reached: count(reached), lists };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { files, reached, lists } = commandFiles();
  for (const [command, count] of Object.entries(files)) {
    const throughRegistry = reached[command] === undefined ? '' : ` (${reached[command]} with every command's folder)`;
    console.log(`${command.padEnd(8)} ${String(count).padStart(4)} files${throughRegistry}`);
    if (process.argv.includes('--list')) for (const file of lists[command]) console.log(`           ${file}`);
  }
}
