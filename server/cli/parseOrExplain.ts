import type { z } from 'zod';

/** Validates CLI input with the API's own schema; a failure becomes one line naming the field. */
export function parseOrExplain<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new Error(`${issue?.path.join('.') || 'input'}: ${issue?.message ?? 'invalid'}`);
}
