import { parseStrictDateTime } from './strict-date-time';

describe('strict DateTime', () => {
  it('accepts ISO 8601 date-times and dates', () => {
    expect(parseStrictDateTime('2026-11-23T09:30:00Z').toISOString()).toBe('2026-11-23T09:30:00.000Z');
    expect(parseStrictDateTime('2026-11-23T17:30:00.123+08:00').toISOString()).toBe('2026-11-23T09:30:00.123Z');
    expect(parseStrictDateTime('2026-11-23').toISOString()).toBe('2026-11-23T00:00:00.000Z');
  });

  it.each(['not-a-date', '', '2026-02-30', '2026-13-45T25:61:00Z', '0000-00-00', '2026-11-23T24:00:00Z', 42, null])('refuses %p as BAD_USER_INPUT', (value) => {
    expect(() => parseStrictDateTime(value)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }));
  });
});
