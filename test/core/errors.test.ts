import { describe, expect, it } from 'vitest';
import { errorRegistry, PunteError } from '../../core/errors.ts';

describe('core/errors registry', () => {
  it.each(Object.keys(errorRegistry) as (keyof typeof errorRegistry)[])('%s builds an error carrying its own code', (code) => {
    const error = new PunteError(code, 'detail');
    expect(error.code).toBe(code);
    expect(error.statusCode).toBe(errorRegistry[code].status);
    expect(error.message).toContain('detail');
    expect(error.message).not.toContain('%s');
  });
});
