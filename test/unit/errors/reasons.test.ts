import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CODES_WITH_MESSAGES } from '../../../client/i18n/errorMessages';
import { en } from '../../../client/i18n/locales/en';
import { zhCN } from '../../../client/i18n/locales/zh-CN';
import { SIGN_IN_GATES } from '../../../shared/auth/signInGate';
import {
  ALL_DESK_ERROR_REASONS,
  DESK_ERROR_REASONS,
  isDeskErrorReason,
  NOT_FOUND_ENTITIES,
} from '../../../shared/errors/reasons';
import { ASCII_PUNCTUATION_BESIDE_HAN } from '../../support/chinesePunctuation';

const ROOT = join(import.meta.dirname, '../../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

const sources = [...sourceFiles('server'), ...sourceFiles('shared')].map((path) => ({
  path: relative(ROOT, join(ROOT, path)),
  text: readFileSync(join(ROOT, path), 'utf8'),
}));

const matches = (pattern: RegExp, files = sources) =>
  files.flatMap(({ path, text }) => [...text.matchAll(pattern)].map((m) => ({ path, value: m[1] ?? '' })));

describe('error reasons', () => {
  it('are unique snake_case words, the not-found ones included', () => {
    expect(new Set(ALL_DESK_ERROR_REASONS).size).toBe(ALL_DESK_ERROR_REASONS.length);
    for (const reason of ALL_DESK_ERROR_REASONS) expect(reason).toMatch(/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/);
    expect(ALL_DESK_ERROR_REASONS.length).toBe(DESK_ERROR_REASONS.length + NOT_FOUND_ENTITIES.length);
    expect(isDeskErrorReason('routing_rule_not_found')).toBe(true);
    expect(isDeskErrorReason('routing rule_not_found')).toBe(false);
    expect(isDeskErrorReason(42)).toBe(false);
  });

  it('each have a sentence in Simplified Chinese and in English, and the error section holds nothing else', () => {
    const keys = [...ALL_DESK_ERROR_REASONS, ...CODES_WITH_MESSAGES, 'generic', 'network'].sort();
    for (const messages of [zhCN.error, en.error] as Record<string, string>[]) {
      expect(Object.keys(messages).sort()).toEqual(keys);
      for (const key of keys) {
        const text = messages[key];
        expect(text?.trim(), key).toBeTruthy();
        expect(text, key).not.toBe(key);
      }
    }
  });

  it('read as Chinese in zh-CN, with full-width punctuation, and differ from the English', () => {
    const zh = zhCN.error as Record<string, string>;
    const english = en.error as Record<string, string>;
    for (const reason of ALL_DESK_ERROR_REASONS) {
      const text = zh[reason] ?? '';
      expect(text, reason).toMatch(/\p{Script=Han}/u);
      expect(ASCII_PUNCTUATION_BESIDE_HAN.test(text), `${reason}: ${text}`).toBe(false);
      expect(text, reason).not.toBe(english[reason]);
    }
  });

  /** Belt and braces beside tsc: a cast (`as never`, `as any`) would get a stray reason past it. */
  describe('as the server throws and sends them', () => {
    it('every DeskError names a reason of the union', () => {
      const thrown = matches(/new DeskError\(\s*'[A-Z_]+',\s*'([^']*)'/g);
      expect(thrown.length).toBeGreaterThan(60);
      expect(thrown.filter(({ value }) => !isDeskErrorReason(value))).toEqual([]);
    });

    it('a DeskError whose reason is not a literal is one of the two known, expanded here', () => {
      const all = matches(/new DeskError\(\s*'[A-Z_]+',\s*([^,]+),/g);
      const dynamic = all.filter(({ value }) => !value.startsWith("'"));
      expect(dynamic.map(({ path, value }) => `${path}: ${value}`).sort()).toEqual([
        'server/services/outboxEndpoints.service.ts: refusal',
        // biome-ignore lint/suspicious/noTemplateCurlyInString: the source text of trpc.ts's template literal
        'server/trpc/trpc.ts: `${gate}_required`',
        'shared/errors/deskError.ts: notFoundReason(entity)',
      ]);
      for (const gate of SIGN_IN_GATES) expect(isDeskErrorReason(`${gate}_required`), gate).toBe(true);
      const webhook = matches(/^\s+(webhook_url_[a-z_]+):/gm);
      expect(webhook.length).toBe(3);
      expect(webhook.filter(({ value }) => !isDeskErrorReason(value))).toEqual([]);
    });

    it('every notFound names an entity of the list', () => {
      const entities = matches(/\bnotFound\('([^']*)'/g);
      expect(entities.length).toBeGreaterThan(30);
      const known = new Set<string>(NOT_FOUND_ENTITIES);
      expect(entities.filter(({ value }) => !known.has(value))).toEqual([]);
    });

    it('every reason the HTTP routes, rate limits and the error formatter send is in the union', () => {
      const transport = sources.filter(({ path }) => /^server\/(http|trpc)\//.test(path));
      const sent = [
        ...matches(/\breason: '([^']*)'/g, transport),
        ...matches(
          /\?\s*'([a-z_]+)'\s*:/g,
          transport.filter(({ path }) => path.endsWith('errorFormatter.ts')),
        ),
        // A reason as the last argument of a call, as auditExport.route.ts passes it to its sendError.
        ...matches(/,\s*'([a-z][a-z0-9]*_[a-z0-9_]+)',?\s*\);/g, transport),
      ];
      expect(sent.map(({ value }) => value)).toEqual(
        expect.arrayContaining([
          'csrf',
          'ticket_required',
          'invalid_input',
          'batch_too_large',
          'file_too_large',
          'rate_limited',
        ]),
      );
      expect(sent.filter(({ value }) => !isDeskErrorReason(value))).toEqual([]);
    });
  });
});
