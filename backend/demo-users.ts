// Demo accounts of the reference backend. The passwords are for the demo only and are printed
// on start; a real backend has its own identity provider.
import { type DemoUser } from '../shared/views';

export const DEMO_USERS: readonly DemoUser[] = [
  { username: 'agent', password: 'agent', displayName: 'Anna Agentin', roles: ['agent'] },
  { username: 'agent2', password: 'agent2', displayName: 'Ben Berater', roles: ['agent'] },
  { username: 'dpo', password: 'dpo', displayName: 'Dana Datenschutz', roles: ['dpo'] },
  { username: 'equality', password: 'equality', displayName: 'Gerd Gleichstellung', roles: ['equality'] },
  { username: 'supervisor', password: 'supervisor', displayName: 'Sina Schichtleitung', roles: ['supervisor'] },
  /** Several roles at once: works the queue and reviews deletion status. */
  { username: 'lead', password: 'lead', displayName: 'Lars Teamleitung', roles: ['agent', 'supervisor'] },
  /** Both officer roles, as in a small utility where one person holds both offices. */
  { username: 'officer', password: 'officer', displayName: 'Olga Beauftragte', roles: ['dpo', 'equality'] },
];
