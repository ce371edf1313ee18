import { describe, expect, it } from 'vitest';
import { officerViews } from './officer-nav';

describe('officerViews', () => {
  it('offers each role only its own screens', () => {
    expect(officerViews(['agent'])).toEqual([]);
    expect(officerViews(['dpo'])).toEqual(['cases', 'lookup', 'disclosures']);
    expect(officerViews(['equality'])).toEqual(['cases']);
    expect(officerViews(['supervisor'])).toEqual(['workbench', 'lookup', 'disclosures']);
    expect(officerViews(['agent', 'supervisor'])).toEqual(['workbench', 'lookup', 'disclosures']);
    expect(officerViews(['dpo', 'equality'])).toEqual(['cases', 'lookup', 'disclosures']);
  });
});
