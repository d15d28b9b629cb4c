// The production files reachable from entry files by following their imports: relative ones and the
// `#alias` ones of package.json's "imports" map. Through a barrel (a file that re-exports others) only
// the files supplying the imported names are followed, so `import { X } from '#domain'` reaches X's
// file, not the whole library. Type-only imports count: a reader has to open those files too.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const CLAUSE = String.raw`(?:type\s+)?(?:\*\s+as\s+\w+|\*|\{[^}]*\}|\w+(?:\s*,\s*(?:\{[^}]*\}|\*\s+as\s+\w+))?)`;
const IMPORT_OR_REEXPORT = new RegExp(String.raw`^\s*(import|export)\s+(${CLAUSE})\s+from\s+['"]([^'"]+)['"]`, 'gm');
const SIDE_EFFECT_IMPORT = /^\s*import\s+['"]([^'"]+)['"]/gm;
const DYNAMIC_IMPORT = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;
const LOCAL_DECLARATION = /^\s*export\s+(?:declare\s+)?(?:default\s+)?(?:abstract\s+)?(?:async\s+)?(?:const|let|var|function\*?|class|interface|type|enum|namespace)\s+(\w+)/gm;
const LOCAL_EXPORT_LIST = /^\s*export\s+(?:type\s+)?\{([^}]*)\}\s*;/gm;
const ALL = '*';

/** `{ a, b as c, type d }` → [[a, a], [b, c], [d, d]] as [name in the source, name here]. */
function namePairs(braces) {
  return braces
    .split(',')
    .map((part) => part.trim().replace(/^type\s+/, ''))
    .filter(Boolean)
    .map((part) => {
      const [source, local = source] = part.split(/\s+as\s+/);
      return [source, local];
    });
}

function parse(text) {
  const imports = []; // { specifier, names: Set | ALL }
  const reexports = []; // { specifier, all: true } | { specifier, pairs }
  for (const [, keyword, clause, specifier] of text.matchAll(IMPORT_OR_REEXPORT)) {
    const body = clause.replace(/^type\s+/, '');
    const braces = /\{([^}]*)\}/.exec(body)?.[1];
    if (keyword === 'export') {
      reexports.push(body === ALL ? { specifier, all: true } : { specifier, pairs: namePairs(braces ?? '') });
      continue;
    }
    if (body.includes('*')) {
      imports.push({ specifier, names: ALL });
      continue;
    }
    const names = new Set(braces ? namePairs(braces).map(([source]) => source) : []);
    if (/^\w+/.test(body)) names.add('default');
    imports.push({ specifier, names });
  }
  for (const pattern of [SIDE_EFFECT_IMPORT, DYNAMIC_IMPORT]) {
    for (const [, specifier] of text.matchAll(pattern)) imports.push({ specifier, names: ALL });
  }
  const declared = new Set([...text.matchAll(LOCAL_DECLARATION)].map(([, name]) => name));
  for (const [, braces] of text.matchAll(LOCAL_EXPORT_LIST)) for (const [, local] of namePairs(braces)) declared.add(local);
  if (/^\s*export\s+default\b/m.test(text)) declared.add('default');
  return { imports, reexports, declared, hasBody: imports.length > 0 || declared.size > 0 };
}

export function importGraph(root) {
  const aliases = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).imports ?? {};
  const parsed = new Map();
  const parseFile = (file) => {
    if (!parsed.has(file)) parsed.set(file, parse(readFileSync(file, 'utf8')));
    return parsed.get(file);
  };
  const isProduction = (file) => /^(apps|libs)\//.test(relative(root, file)) && file.endsWith('.ts') && !/\.(spec|d)\.ts$/.test(file);

  /** The production .ts file a specifier names, or null (a package, or outside apps/ and libs/). */
  function resolveSpecifier(from, specifier) {
    let target;
    if (specifier.startsWith('.')) target = resolve(dirname(from), specifier);
    else if (specifier in aliases) {
      const entry = aliases[specifier];
      target = resolve(root, typeof entry === 'string' ? entry : entry.types ?? entry.default);
    } else return null;
    const candidates = [target.replace(/\.js$/, '.ts'), target, `${target}.ts`, join(target, 'index.ts')];
    const file = candidates.find((candidate) => candidate.endsWith('.ts') && existsSync(candidate));
    return file && isProduction(file) ? file : null;
  }

  const exportedCache = new Map();
  /** Every name a file exports, following its re-exports. */
  function exportedNames(file) {
    if (exportedCache.has(file)) return exportedCache.get(file);
    const names = new Set();
    exportedCache.set(file, names); // a cycle sees what is known so far
    const { declared, reexports } = parseFile(file);
    for (const name of declared) names.add(name);
    for (const reexport of reexports) {
      if (!reexport.all) for (const [, local] of reexport.pairs) names.add(local);
      else {
        const target = resolveSpecifier(file, reexport.specifier);
        if (target) for (const name of exportedNames(target)) if (name !== 'default') names.add(name);
      }
    }
    return names;
  }

  /** The set of production files reachable from `entries` (paths relative to the root). */
  return function reachableFiles(entries) {
    const requested = new Map(); // file → Set of names already followed, or ALL
    const bodiesFollowed = new Set();
    const queue = entries.map((entry) => {
      const file = resolve(root, entry);
      if (!existsSync(file)) throw new Error(`entry file ${entry} does not exist (update DEFAULT_ENTRIES in bench/command-files.mjs)`);
      return [file, ALL];
    });
    while (queue.length > 0) {
      const [file, names] = queue.pop();
      const before = requested.get(file);
      if (before === ALL) continue;
      const fresh = names === ALL ? ALL : new Set([...names].filter((name) => !before?.has(name)));
      if (fresh !== ALL && fresh.size === 0 && before) continue;
      requested.set(file, fresh === ALL ? ALL : new Set([...(before ?? []), ...fresh]));
      const { imports, reexports, hasBody } = parseFile(file);
      if (hasBody && !bodiesFollowed.has(file)) {
        bodiesFollowed.add(file);
        for (const { specifier, names: imported } of imports) {
          const target = resolveSpecifier(file, specifier);
          if (target) queue.push([target, imported]);
        }
      }
      for (const reexport of reexports) {
        const target = resolveSpecifier(file, reexport.specifier);
        if (!target) continue;
        if (reexport.all) {
          const wanted = fresh === ALL ? ALL : new Set([...fresh].filter((name) => exportedNames(target).has(name)));
          if (wanted === ALL || wanted.size > 0) queue.push([target, wanted]);
        } else {
          const wanted = reexport.pairs.filter(([, local]) => fresh === ALL || fresh.has(local)).map(([source]) => source);
          if (wanted.length > 0) queue.push([target, new Set(wanted)]);
        }
      }
    }
    return new Set([...requested.keys()].map((file) => relative(root, file)));
  };
}
