// Who wrote in: salutation and name, consistent with each other.
import { type Salutation } from '../../shared/domain';
import { FEMALE_FIRST_NAMES, MALE_FIRST_NAMES, SURNAMES } from './names';
import { type Prng } from './prng';

export interface Person {
  salutation: Salutation;
  firstName: string;
  lastName: string;
}

const SALUTATIONS: readonly Salutation[] = ['Frau', 'Herr', 'divers', null];
/** Most people pick Frau or Herr; some choose divers, some leave the field empty. */
const SALUTATION_WEIGHTS = [46, 44, 3, 7] as const;

export function person(rng: Prng): Person {
  const salutation = rng.weighted(SALUTATIONS, SALUTATION_WEIGHTS);
  const female = salutation === 'Frau' || (salutation !== 'Herr' && rng.chance(0.5));
  const firstName = rng.pick(female ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES);
  const lastName = rng.pick(SURNAMES);
  return { salutation, firstName, lastName };
}

export function fullName(p: Person): string {
  return `${p.firstName} ${p.lastName}`;
}
