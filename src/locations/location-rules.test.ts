import { describe, expect, it } from 'vitest';
import { mayGoNegative, parentProblem } from './location-rules.js';

describe('location tree rules', () => {
  it('puts sites at the top and zones and bins inside sites or zones', () => {
    expect(parentProblem('site', null)).toBeNull();
    expect(parentProblem('zone', 'site')).toBeNull();
    expect(parentProblem('zone', 'zone')).toBeNull();
    expect(parentProblem('bin', 'zone')).toBeNull();
    expect(parentProblem('bin', 'site')).toBeNull();
  });

  it('refuses shapes a warehouse does not have', () => {
    expect(parentProblem('site', 'site')).toMatch(/cannot sit under a site/);
    expect(parentProblem('bin', null)).toMatch(/needs a parent/);
    expect(parentProblem('zone', 'bin')).toMatch(/cannot sit under a bin/);
    expect(parentProblem('bin', 'virtual')).toMatch(/virtual/);
    expect(parentProblem('virtual', 'site')).toMatch(/virtual/);
  });

  it('lets only virtual locations and explicit exceptions go negative', () => {
    expect(mayGoNegative({ kind: 'virtual', allow_negative: 0 })).toBe(true);
    expect(mayGoNegative({ kind: 'bin', allow_negative: 0 })).toBe(false);
    expect(mayGoNegative({ kind: 'bin', allow_negative: 1 })).toBe(true);
  });
});
