// The one row of tabs for every role combination: each area once, the current one marked.
import { AREA_LABELS, type DeskArea } from './desk-areas';

interface Props {
  areas: DeskArea[];
  current: DeskArea;
  onChoose: (area: DeskArea) => void;
}

export function AreaNav({ areas, current, onChoose }: Props) {
  if (areas.length < 2) return null;
  return (
    <nav className="area-nav" aria-label="Bereiche">
      {areas.map((area) => (
        <button
          key={area}
          type="button"
          className="area-tab"
          aria-current={area === current ? 'page' : undefined}
          data-testid={`area-${area}`}
          onClick={() => onChoose(area)}
        >
          {AREA_LABELS[area]}
        </button>
      ))}
    </nav>
  );
}
