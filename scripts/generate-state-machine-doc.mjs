// Rewrites the generated parts of docs/state-machine.md (a mermaid diagram and a table per transfer
// type) from TRANSITION_TABLE in libs/domain/src/transfer/transition-policy.ts. The prose around
// them is left alone. Run from the repository root: node scripts/generate-state-machine-doc.mjs
// libs/domain/src/transfer/state-machine-doc.unit.spec.ts fails when the two disagree.
import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';

const root = process.cwd();
const docPath = join(root, 'docs/state-machine.md');
const sources = ['transfer/transition-policy.ts', 'shared/domain-error.ts'];

/** Loads the table by transpiling the two files it needs (types are erased; imports keep their .js suffix). */
async function loadTable() {
  const dir = await mkdtemp(join(tmpdir(), 'state-machine-doc-'));
  try {
    await writeFile(join(dir, 'package.json'), '{"type":"module"}');
    for (const source of sources) {
      const text = await readFile(join(root, 'libs/domain/src', source), 'utf8');
      const { outputText } = ts.transpileModule(text, {
        compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022 },
      });
      const target = join(dir, source.replace(/\.ts$/, '.js'));
      await mkdir(join(target, '..'), { recursive: true });
      await writeFile(target, outputText);
    }
    return (await import(pathToFileURL(join(dir, 'transfer/transition-policy.js')).href)).TRANSITION_TABLE;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function generated(rows) {
  // System rows (noting a change made in Lightspeed) are self-loops that do not make a status less final.
  const outgoing = new Set(rows.filter((row) => !row.system).map((row) => row.from));
  const finals = [...new Set(rows.map((row) => row.to))].filter((status) => !outgoing.has(status));
  return [
    '```mermaid',
    'stateDiagram-v2',
    '    [*] --> OPEN',
    ...rows.map((row) => `    ${row.from} --> ${row.to} : ${row.via}`),
    ...finals.map((status) => `    ${status} --> [*]`),
    '```',
    '',
    '| from | command | to | guards |',
    '|---|---|---|---|',
    ...rows.map((row) => `| ${row.from} | ${row.via} | ${row.to} | ${(row.guards ?? []).join(', ')} |`),
  ].join('\n');
}

const table = await loadTable();
let doc = await readFile(docPath, 'utf8');
for (const [type, rows] of Object.entries(table)) {
  const start = `<!-- generated:${type}:start -->`;
  const end = `<!-- generated:${type}:end -->`;
  const from = doc.indexOf(start);
  const to = doc.indexOf(end);
  if (from < 0 || to < from) throw new Error(`docs/state-machine.md has no ${start} … ${end} block`);
  doc = `${doc.slice(0, from + start.length)}\n${generated(rows)}\n${doc.slice(to)}`;
}
await writeFile(docPath, doc);
console.log(`Wrote ${docPath}`);
