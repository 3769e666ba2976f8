/**
 * The decision panel's facts form as plain data: what each field holds while the reviewer
 * edits it, and the conversion to the facts object `cases.preview` / `cases.decide` take.
 * The rules mirror shared/rulebook/schema.ts so the reviewer hears about a missing or bad
 * fact next to its field, before the server has to refuse it.
 */
import type { FactView } from '../../../../shared/api/rulebook';

/** A field's value while editing: text for integers and enums, a switch, or a list. */
export type FactInput = string | boolean | string[];
export type FactInputs = Record<string, FactInput>;

export type FactProblem =
  | { code: 'required' }
  | { code: 'integer' }
  | { code: 'min'; value: number }
  | { code: 'max'; value: number }
  | { code: 'notAllowed' }
  | { code: 'requiredWhen'; fact: string; value: string | number | boolean };

export function emptyInput(fact: FactView): FactInput {
  if (fact.type === 'boolean') return false;
  if (fact.type === 'strings' || fact.type === 'measures') return [];
  return '';
}

/** A stored fact value as the field shows it, or undefined when it does not fit the spec. */
function inputOf(fact: FactView, value: unknown): FactInput | undefined {
  switch (fact.type) {
    case 'integer':
      return Number.isInteger(value) ? String(value) : undefined;
    case 'boolean':
      return typeof value === 'boolean' ? value : undefined;
    case 'enum':
      return typeof value === 'string' && (fact.values ?? []).includes(value) ? value : undefined;
    case 'strings':
    case 'measures':
      return Array.isArray(value) && value.every((v) => typeof v === 'string') ? [...value] : undefined;
  }
}

/**
 * The form's first values: each fact from the first source that has a fitting value (a decision
 * that was sent back, then the reports' own facts), otherwise empty.
 */
export function initialFactInputs(
  facts: readonly FactView[],
  sources: readonly (Record<string, unknown> | null)[] = [],
): FactInputs {
  const inputs: FactInputs = {};
  for (const fact of facts) {
    let value: FactInput | undefined;
    for (const source of sources) {
      value = source ? inputOf(fact, source[fact.name]) : undefined;
      if (value !== undefined) break;
    }
    inputs[fact.name] = value ?? emptyInput(fact);
  }
  return inputs;
}

function uniqueTrimmed(values: readonly string[]): string[] {
  return [...new Set(values.map((v) => v.trim()).filter(Boolean))];
}

/**
 * The facts object for the server, and the problems of the fields by fact name. Empty fields
 * and switched-off booleans are left out: the engine reads a missing boolean as false.
 */
export function toFacts(
  facts: readonly FactView[],
  inputs: FactInputs,
): { facts: Record<string, unknown>; problems: Record<string, FactProblem> } {
  const out: Record<string, unknown> = {};
  const problems: Record<string, FactProblem> = {};
  for (const fact of facts) {
    const input = inputs[fact.name] ?? emptyInput(fact);
    switch (fact.type) {
      case 'integer': {
        const text = typeof input === 'string' ? input.trim() : '';
        if (!text) break;
        if (!/^-?\d+$/.test(text)) {
          problems[fact.name] = { code: 'integer' };
          break;
        }
        const n = Number(text);
        if (fact.min !== null && n < fact.min) problems[fact.name] = { code: 'min', value: fact.min };
        else if (fact.max !== null && n > fact.max) problems[fact.name] = { code: 'max', value: fact.max };
        else out[fact.name] = n;
        break;
      }
      case 'boolean':
        if (input === true) out[fact.name] = true;
        break;
      case 'enum':
        if (typeof input === 'string' && input) {
          if ((fact.values ?? []).includes(input)) out[fact.name] = input;
          else problems[fact.name] = { code: 'notAllowed' };
        }
        break;
      case 'strings':
      case 'measures': {
        const list = Array.isArray(input) ? uniqueTrimmed(input) : [];
        if (list.length) out[fact.name] = list;
        break;
      }
    }
    if (fact.required && out[fact.name] === undefined && !problems[fact.name])
      problems[fact.name] = { code: 'required' };
  }
  // "Required when another fact is X" needs the other fact's final value, so it comes last.
  for (const fact of facts) {
    const when = fact.requiredWhen;
    if (!when || out[fact.name] !== undefined || problems[fact.name]) continue;
    if (out[when.fact] === when.equals)
      problems[fact.name] = { code: 'requiredWhen', fact: when.fact, value: when.equals };
  }
  return { facts: out, problems };
}
