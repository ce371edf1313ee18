// Loading, empty and error states in one form for every screen: a sentence, never a blank area
// or a bare "0".
import type { ReactNode } from 'react';

export function Loading({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <p className="placeholder state-loading" role="status" aria-live="polite" data-testid={testId}>
      <span className="spinner" aria-hidden="true" />
      {children}
    </p>
  );
}

export function Empty({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <div className="placeholder state-empty" data-testid={testId}>
      {children}
    </div>
  );
}

export function ErrorBanner({ children, testId, action }: { children: ReactNode; testId?: string; action?: ReactNode }) {
  return (
    <div className="banner banner-error" role="alert" data-testid={testId}>
      <span>{children}</span>
      {action}
    </div>
  );
}
