import { describe, expect, it } from 'vitest';
import { areasFor } from './desk-areas';

describe('areasFor', () => {
  it('gives every role combination one list of areas, each once', () => {
    expect(areasFor(['agent'])).toEqual(['queue']);
    expect(areasFor(['dpo'])).toEqual(['cases', 'lookup', 'portal', 'disclosures']);
    expect(areasFor(['equality'])).toEqual(['cases']);
    expect(areasFor(['supervisor'])).toEqual(['deletion', 'audit', 'lookup', 'portal', 'disclosures']);
    expect(areasFor(['agent', 'supervisor'])).toEqual(['queue', 'deletion', 'audit', 'lookup', 'portal', 'disclosures']);
    expect(areasFor(['dpo', 'equality'])).toEqual(['cases', 'lookup', 'portal', 'disclosures']);
    expect(areasFor(['agent', 'dpo', 'equality', 'supervisor'])).toEqual(['queue', 'cases', 'deletion', 'audit', 'lookup', 'portal', 'disclosures']);
  });
});
