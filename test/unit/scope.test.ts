/** The registry of a generated module's identifiers. */
import { describe, expect, it } from 'vitest';
import { moduleScope } from '../../generator/emit/scope.js';

describe('moduleScope', () => {
  it('takes each name once and refuses a second take', () => {
    const scope = moduleScope();
    expect(scope.take('$iUser')).toBe('$iUser');
    expect(scope.has('$iUser')).toBe(true);
    expect(() => scope.take('$iUser')).toThrow(/declared twice/);
  });

  it('numbers fresh names past the taken ones, whatever order they are asked in', () => {
    const scope = moduleScope();
    scope.take('$a2');
    expect([scope.fresh('$a'), scope.fresh('$a'), scope.fresh('$b'), scope.fresh('$a')]).toEqual(['$a1', '$a3', '$b1', '$a4']);
  });

  it('refuses what is not an identifier', () => {
    expect(() => moduleScope().take('a-b')).toThrow(/not an identifier/);
  });
});
