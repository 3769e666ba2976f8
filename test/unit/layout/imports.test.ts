import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The layering the folder READMEs promise, checked on every file: each rule names a group of
 * files and the places they must not import from. A relative import that breaks a rule fails
 * here with the file and the import, so the layout cannot drift without someone noticing.
 */
const ROOT = path.resolve(__dirname, '../../..');
const TOP = ['client', 'server', 'shared'];

interface Import {
  file: string;
  target: string;
  typeOnly: boolean;
  spec: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(rel);
    return /\.tsx?$/.test(entry.name) ? [rel] : [];
  });
}

const IMPORT = /^\s*(?:import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gm;

function importsOf(file: string): Import[] {
  const text = readFileSync(path.join(ROOT, file), 'utf8');
  return [...text.matchAll(IMPORT)].map((m) => {
    const spec = m[2] as string;
    const target = spec.startsWith('.') ? path.normalize(path.join(path.dirname(file), spec)) : spec;
    return { file, target, typeOnly: Boolean(m[1]), spec };
  });
}

const files = TOP.flatMap(sourceFiles);
const imports = files.flatMap(importsOf);
const relative = imports.filter((i) => i.spec.startsWith('.'));

const under = (p: string, ...dirs: string[]) => dirs.some((d) => p === d || p.startsWith(`${d}/`));

function breaking(from: string[], forbidden: string[], opts: { allowTypes?: boolean } = {}): string[] {
  return relative
    .filter((i) => under(i.file, ...from) && under(i.target, ...forbidden))
    .filter((i) => !(opts.allowTypes && i.typeOnly))
    .map((i) => `${i.file} imports ${i.spec}`);
}

describe('the layout: layers import only downward', () => {
  it('scans the whole tree', () => {
    expect(files.length).toBeGreaterThan(300);
    expect(relative.length).toBeGreaterThan(1000);
  });

  it('shared/ is pure: no server, no client, no Node built-ins', () => {
    expect(breaking(['shared'], ['server', 'client'])).toEqual([]);
    const builtins = imports.filter((i) => under(i.file, 'shared') && i.spec.startsWith('node:'));
    expect(builtins.map((i) => `${i.file} imports ${i.spec}`)).toEqual([]);
  });

  it('client/ reaches the server only for types (the router type behind tRPC)', () => {
    expect(breaking(['client'], ['server'], { allowTypes: true })).toEqual([]);
  });

  it('server/ never imports the client', () => {
    expect(breaking(['server'], ['client'])).toEqual([]);
  });

  it('repositories and tables know only the database and shared types', () => {
    expect(
      breaking(['server/db'], ['server/services', 'server/trpc', 'server/http', 'server/audit', 'server/outbox']),
    ).toEqual([]);
  });

  it('use cases and their helpers never reach up into transport, jobs, the CLI or the demo', () => {
    const core = [
      'server/services',
      'server/audit',
      'server/outbox',
      'server/auth',
      'server/evidence',
      'server/events',
    ];
    expect(breaking(core, ['server/trpc', 'server/http', 'server/cli', 'server/jobs', 'server/demo'])).toEqual([]);
  });

  it('transport never reaches into the CLI, the jobs or the demo', () => {
    expect(breaking(['server/trpc', 'server/http'], ['server/cli', 'server/jobs', 'server/demo'])).toEqual([]);
  });

  it('the writer thread runs use cases and knows nothing of transport', () => {
    expect(
      breaking(['server/writer'], ['server/trpc', 'server/http', 'server/cli', 'server/jobs', 'server/demo']),
    ).toEqual([]);
  });
});

describe('the layout: no import cycles between files', () => {
  function resolve(target: string): string | undefined {
    for (const candidate of [target, `${target}.ts`, `${target}.tsx`, `${target}/index.ts`])
      if (files.includes(candidate)) return candidate;
    return undefined;
  }

  it('follows every runtime import without coming back to where it started', () => {
    const graph = new Map<string, string[]>();
    for (const i of relative) {
      if (i.typeOnly) continue; // type-only imports vanish at runtime and cannot form a load cycle
      const to = resolve(i.target);
      if (to) graph.set(i.file, [...(graph.get(i.file) ?? []), to]);
    }
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (file: string, trail: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        cycles.push([...trail.slice(trail.indexOf(file)), file].join(' → '));
        return;
      }
      state.set(file, 'open');
      for (const next of graph.get(file) ?? []) visit(next, [...trail, file]);
      state.set(file, 'done');
    };
    for (const file of graph.keys()) visit(file, []);
    expect(cycles).toEqual([]);
  });
});
