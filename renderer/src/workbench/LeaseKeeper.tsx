// Keeps the lease of the request being worked on alive: while it is open in the detail panel,
// a re-claim shortly before the lease runs out gets a fresh one from the backend (SYNC_API:
// a claim by the holder renews). Renders nothing.
import { useEffect } from 'react';
import { useDesk } from '../store/StoresContext';

/** Renew this long before the lease ends (the reference backend grants 15 minutes). */
export const RENEW_BEFORE_MS = 5 * 60_000;
const CHECK_EVERY_MS = 30_000;

export function leaseNeedsRenewal(leaseUntil: string | null, now: number): boolean {
  return leaseUntil !== null && Date.parse(leaseUntil) - now <= RENEW_BEFORE_MS;
}

export function LeaseKeeper({ leaseUntil }: { leaseUntil: string | null }) {
  const { stores } = useDesk();
  useEffect(() => {
    const check = () => {
      if (leaseNeedsRenewal(leaseUntil, Date.now()) && !stores.queue.getState().pendingAction) void stores.queue.getState().renewLease();
    };
    check();
    const timer = setInterval(check, CHECK_EVERY_MS);
    return () => clearInterval(timer);
  }, [leaseUntil, stores]);
  return null;
}
