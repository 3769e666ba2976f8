import { describe, expect, it } from 'vitest';
import { checkNewPassword, MIN_PASSWORD_LENGTH } from '../../../client/features/admin/passwordCheck';
import { MIN_PASSWORD_LENGTH as SERVER_MIN_PASSWORD_LENGTH } from '../../../server/auth/passwords';

describe('the staff dialogs’ password check', () => {
  it('uses the server’s minimum length', () => {
    expect(MIN_PASSWORD_LENGTH).toBe(SERVER_MIN_PASSWORD_LENGTH);
  });

  it('wants the minimum length first, then the same password twice', () => {
    expect(checkNewPassword('short', 'short')).toBe('tooShort');
    expect(checkNewPassword('a'.repeat(9), 'other')).toBe('tooShort');
    expect(checkNewPassword('Lantern-Orchid-42', 'Lantern-Orchid-4')).toBe('mismatch');
    expect(checkNewPassword('a'.repeat(10), 'a'.repeat(10))).toBeNull();
  });
});
