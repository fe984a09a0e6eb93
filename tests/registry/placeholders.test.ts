// The quantity placeholders of registry phrases (src/registry/patterns.ts).
import { describe, expect, it } from 'vitest';
import { expandPlaceholders } from '../../src/registry/patterns.js';

const duration = new RegExp(expandPlaceholders('{duration}'), 'u');
const found = (text: string) => duration.exec(text)?.[0];

describe('{duration}', () => {
  it('reads durations in figures and in words', () => {
    expect(found('断缴要等满12个月')).toBe('12个月');
    expect(found('连续参保满两年')).toBe('两年');
    expect(found('要等二十多天')).toBe('二十多天');
  });

  it('is not an ordinal (第二年, 第13个月) nor the tail of one', () => {
    expect(found('从第二年起限额提高')).toBeUndefined();
    expect(found('要到第13个月才能报销')).toBeUndefined();
    expect(found('第十二个月开始')).toBeUndefined();
    // An ordinal and a duration in one text: the duration is read.
    expect(found('从第二年起，每年提高，满3年封顶')).toBe('3年');
  });
});
