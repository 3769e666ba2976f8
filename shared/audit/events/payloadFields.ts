import type { z } from 'zod';

/**
 * The top-level field names a payload schema allows: an object's keys, the keys of every
 * option of a union, through optional and nullable wrappers. What the labels must cover.
 */
export function payloadFields(schema: z.ZodType): string[] {
  const def = schema._zod.def as { type: string; shape?: object; options?: z.ZodType[]; innerType?: z.ZodType };
  if (def.type === 'object' && def.shape) return Object.keys(def.shape);
  if (def.type === 'union' && def.options) return [...new Set(def.options.flatMap(payloadFields))];
  if ((def.type === 'optional' || def.type === 'nullable') && def.innerType) return payloadFields(def.innerType);
  return [];
}
