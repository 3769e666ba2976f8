import type { Plugin, Rollup } from 'vite';

type OutputBundle = Rollup.OutputBundle;
type OutputChunk = Rollup.OutputChunk;

/**
 * Adds `<link rel="modulepreload">` to index.html for the code of the page most visits land on
 * (the case queue), so the browser fetches it while the entry script downloads, instead of
 * after the entry has run and asked for it. Only the chunks the entry does not already load
 * are added. Every other page still loads when first opened.
 */
export function preloadHomePage(pageModule: RegExp): Plugin {
  return {
    name: 'verdict-preload-home-page',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const bundle = ctx.bundle;
        if (!bundle) return html;
        const chunks = Object.values(bundle).filter((c): c is OutputChunk => c.type === 'chunk');
        const page = chunks.find((c) => c.facadeModuleId && pageModule.test(c.facadeModuleId));
        const entry = chunks.find((c) => c.isEntry);
        if (!page || !entry) throw new Error(`preloadHomePage: no chunk for ${pageModule}`);
        const loadedByEntry = staticClosure(bundle, entry.fileName);
        const wanted = [...staticClosure(bundle, page.fileName)].filter((f) => !loadedByEntry.has(f));
        const links = wanted.map((f) => `    <link rel="modulepreload" crossorigin href="/${f}">`).join('\n');
        return html.replace('</head>', `${links}\n  </head>`);
      },
    },
  };
}

/** A chunk and everything it imports statically, by file name. */
function staticClosure(bundle: OutputBundle, fileName: string, seen = new Set<string>()): Set<string> {
  if (seen.has(fileName)) return seen;
  seen.add(fileName);
  const chunk = bundle[fileName];
  if (chunk?.type === 'chunk') for (const imported of chunk.imports) staticClosure(bundle, imported, seen);
  return seen;
}
