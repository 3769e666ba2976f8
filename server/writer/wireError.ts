import { DeskError } from '../../shared/errors/deskError';
import type { WireError } from './messages';

export function toWire(error: unknown): WireError {
  if (error instanceof DeskError)
    return { kind: 'desk', code: error.code, reason: error.reason, message: error.message, details: error.details };
  const e = error instanceof Error ? error : new Error(String(error));
  return { kind: 'other', name: e.name, message: e.message, stack: e.stack };
}

/** The error as the request's own code would have thrown it: a DeskError stays one. */
export function fromWire(wire: WireError): Error {
  if (wire.kind === 'desk') return new DeskError(wire.code, wire.reason, wire.message, wire.details);
  const error = new Error(`writer thread: ${wire.message}`);
  error.name = wire.name;
  if (wire.stack) error.stack = wire.stack;
  return error;
}
