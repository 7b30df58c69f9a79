import { describe, expect, it } from 'vitest';
import { formatChange, formatKpiValue } from '../../src/dashboard/kpi-format.ts';
import { roundDecimalText } from '../../src/dashboard/decimal-text.ts';

describe('KPI formatting from exact decimal text', () => {
  it.each([
    ['2031266.9900', 'currency', '$2,031,266.99'],
    ['2031266.9950', 'currency', '$2,031,267.00'],
    ['0.0049', 'currency', '$0.00'],
    ['-1234.5', 'currency', '-$1,234.50'],
    ['2303', 'integer', '2,303'],
    ['881.6000', 'number', '881.60'],
    ['0.125', 'percent', '12.5%'],
    ['1e-7', 'number', '0'],
    ['2017-06-30', 'number', '2017-06-30'],
    ['Canada', 'currency', 'Canada'],
  ] as const)('%s as %s is %s', (text, format, shown) => {
    expect(formatKpiValue(text, format)).toBe(shown);
  });

  it('rounds half away from zero without floats', () => {
    expect(roundDecimalText('1.00005', 4)).toBe('1.0001');
    expect(roundDecimalText('99999999999999999.995', 2)).toBe('100,000,000,000,000,000.00');
  });

  it('says the change against the previous period', () => {
    expect(formatChange('110', '100')).toBe('+10.0%');
    expect(formatChange('90', '100')).toBe('−10.0%');
    expect(formatChange('90', null)).toBeNull();
    expect(formatChange('90', '0')).toBeNull();
    expect(formatChange('Canada', 'France')).toBeNull();
    expect(formatChange('2017-06-30', '2016-06-30')).toBeNull();
  });
});
