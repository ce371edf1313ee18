// What the API handlers work with.
import { type CredentialCheck } from '../auth/credentials';
import { type FaultInjector } from '../faults/injector';
import { type BackendState } from '../state/backend-state';

export interface ApiDeps {
  state: BackendState;
  faults: FaultInjector;
  credentials: CredentialCheck;
}
