import axe from 'axe-core';
import type { Page } from 'playwright-core';

/** What a failing page reports: the rule, its impact, and where (a few selectors each). */
export interface AxeFinding {
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

const BLOCKING = new Set(['serious', 'critical']);

/**
 * Runs axe-core on the page as it is now and returns its serious and critical violations.
 * The source is evaluated through the DevTools protocol, not a <script> tag, so the desk's
 * Content-Security-Policy (no inline scripts) stays in force for everything else.
 */
export async function seriousViolations(page: Page): Promise<AxeFinding[]> {
  await page.evaluate(axe.source);
  const results = await page.evaluate(() =>
    (window as unknown as { axe: typeof axe }).axe.run(document, {
      resultTypes: ['violations'],
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    }),
  );
  return results.violations
    .filter((v) => BLOCKING.has(v.impact ?? ''))
    .map((v) => ({
      rule: v.id,
      impact: v.impact ?? '',
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    }));
}
