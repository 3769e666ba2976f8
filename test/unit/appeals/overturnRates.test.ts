import { describe, expect, it } from 'vitest';
import { overturnRates } from '../../../shared/appeals/overturnRates';

describe('overturn rates', () => {
  it('counts ruled and overturned appeals per key, highest rate first', () => {
    const rows = [
      { key: '1', label: '李明', approved: true },
      { key: '1', label: '李明', approved: false },
      { key: '2', label: '王芳', approved: false },
      { key: '1', label: '李明', approved: true },
      { key: '3', label: '赵强', approved: true },
    ];
    expect(overturnRates(rows)).toEqual([
      { key: '3', label: '赵强', ruled: 1, overturned: 1, rate: 1 },
      { key: '1', label: '李明', ruled: 3, overturned: 2, rate: 2 / 3 },
      { key: '2', label: '王芳', ruled: 1, overturned: 0, rate: 0 },
    ]);
    expect(overturnRates([])).toEqual([]);
  });
});
