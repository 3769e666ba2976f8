/**
 * The rulebook check words its problems in English (the CLI and the API share them). The ones a
 * form can cause get the staff's language here; any other is shown as the check wrote it.
 */
const KNOWN: Record<string, string> = {
  'expected a whole number': 'wholeNumberAny',
  'expected 0 or more': 'atLeast0',
  'expected 1 or more': 'atLeast1',
  'expected a date YYYY-MM-DD': 'date',
  'expected a non-empty id': 'required',
  'expected a whole number of days, or null (permanent)': 'days',
  'expected days: a whole number, {fromFact, default} or null (permanent)': 'days',
  'expected points: a whole number, {perUnit, each} or {fromFact, default}': 'points',
  'unknown field': 'unknownField',
  'node thresholds not ascending': 'ascendingNodes',
  'versions not in ascending effectiveFrom order': 'versionsOrder',
  'negative points': 'atLeast0',
};

/** The key under `rulebookAuthoring.checks` for a message of the rulebook check, if it has one. */
export function checkMessageKey(message: string): string | undefined {
  if (KNOWN[message]) return KNOWN[message];
  if (message.startsWith('unknown measure')) return 'unknownMeasure';
  if (message.startsWith('undeclared fact')) return 'undeclaredFact';
  if (message.startsWith('unknown ledger')) return 'unknownLedger';
  if (/is not on the rule's menu$/.test(message)) return 'offMenu';
  if (/^Invalid input: expected number/.test(message)) return 'wholeNumberAny';
  return undefined;
}
