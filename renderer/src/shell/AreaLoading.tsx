// Shown for the moment an area's code loads the first time it is opened (officers, supervisors).
export function AreaLoading() {
  return (
    <p className="placeholder" role="status" data-testid="area-loading">
      Bereich wird geladen …
    </p>
  );
}
