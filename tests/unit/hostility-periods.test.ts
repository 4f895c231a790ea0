import { describe, expect, it } from 'vitest';
import { splitPeriods } from '../../lib/reference/hostility-periods';

describe('reading periods of the hostilities list', () => {
  it('reads a single open or closed period', () => {
    expect(splitPeriods('27.09.2024', '')).toEqual([{ start: '2024-09-27', end: '' }]);
    expect(splitPeriods('13.10.2023', '30.11.2024')).toEqual([{ start: '2023-10-13', end: '2024-11-30' }]);
  });

  it('splits merged cells into one period per start', () => {
    expect(splitPeriods('03.03.202226.09.2022', '15.03.202226.09.2022')).toEqual([
      { start: '2022-03-03', end: '2022-03-15' },
      { start: '2022-09-26', end: '2022-09-26' },
    ]);
    expect(splitPeriods('23.07.202204.06.2023', '23.10.2022')).toEqual([
      { start: '2022-07-23', end: '2022-10-23' },
      { start: '2023-06-04', end: '' },
    ]);
  });

  it('tolerates stray spaces inside dates', () => {
    expect(splitPeriods('31.03. 2022', '')).toEqual([{ start: '2022-03-31', end: '' }]);
    expect(splitPeriods('12.11 2022', '')).toEqual([{ start: '2022-11-12', end: '' }]);
  });

  it('refuses what it cannot read rather than guessing', () => {
    expect(() => splitPeriods('', '')).toThrow();
    expect(() => splitPeriods('01.01.2023', '01.02.202301.03.2023')).toThrow();
  });
});
