// Top-level navigation by role: a pure supervisor sees the deletion dashboard; someone who is
// also an agent or officer can switch between their workbench and the dashboard.
import { lazy, Suspense, useState, type ReactNode } from 'react';
import { AreaLoading } from '../shell/AreaLoading';
import { useSession } from '../store/StoresContext';

// Loaded when a supervisor first opens it: agents never parse the dashboard and its charts.
const SupervisorArea = lazy(() => import('./SupervisorArea').then((m) => ({ default: m.SupervisorArea })));

export function SupervisorGate({ workbench }: { workbench: ReactNode }) {
  const roles = useSession((s) => s.session?.user.roles ?? []);
  const [view, setView] = useState<'workbench' | 'deletion'>('deletion');
  if (!roles.includes('supervisor')) return <>{workbench}</>;
  const dashboard = (
    <Suspense fallback={<AreaLoading />}>
      <SupervisorArea />
    </Suspense>
  );
  if (roles.every((r) => r === 'supervisor')) return dashboard;
  return (
    <>
      <nav className="supervisor-nav" aria-label="Bereiche">
        <button type="button" aria-pressed={view === 'workbench'} onClick={() => setView('workbench')}>
          Arbeitsplatz
        </button>
        <button type="button" aria-pressed={view === 'deletion'} onClick={() => setView('deletion')}>
          Aufsicht
        </button>
      </nav>
      {view === 'deletion' ? dashboard : workbench}
    </>
  );
}
