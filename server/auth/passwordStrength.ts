import type { ZxcvbnFactory } from '@zxcvbn-ts/core';

/** zxcvbn's scale is 0–4; 3 means "safely unguessable: moderate protection from offline attacks". */
export const MIN_PASSWORD_SCORE = 3;

/**
 * The desk's own words count as guessable: its name and the demo password, which the README
 * publishes. The person's username and display name are added per check.
 */
const DESK_WORDS = ['verdict', 'demo-pass-2026', 'demo', 'desk'];

let estimator: Promise<ZxcvbnFactory> | undefined;
/**
 * Loaded on first use, not at start: the dictionaries are megabytes and close to a second of
 * start-up that every CLI command and server start would otherwise pay.
 */
function zxcvbn(): Promise<ZxcvbnFactory> {
  estimator ??= (async () => {
    const [{ ZxcvbnFactory }, common, en] = await Promise.all([
      import('@zxcvbn-ts/core'),
      import('@zxcvbn-ts/language-common'),
      import('@zxcvbn-ts/language-en'),
    ]);
    return new ZxcvbnFactory({
      dictionary: { ...common.dictionary, ...en.dictionary },
      graphs: common.adjacencyGraphs,
    });
  })();
  return estimator;
}

export interface PasswordStrength {
  score: number;
  /** zxcvbn-ts translation keys (e.g. `sequences`, `anotherWord`), translated by the client. */
  warning: string | null;
  suggestions: string[];
}

export async function passwordStrength(password: string, userInputs: string[]): Promise<PasswordStrength> {
  // "Wang Fang" is guessable as wang, fang and wangfang as well.
  const words = userInputs.flatMap((input) => [input, ...input.split(/[\s._-]+/), input.replace(/[\s._-]+/g, '')]);
  const result = (await zxcvbn()).check(password, [...DESK_WORDS, ...new Set(words.filter((w) => w.length >= 2))]);
  return { score: result.score, warning: result.feedback.warning, suggestions: result.feedback.suggestions };
}
