// Purges per day over the last 30 days and purges due over the next 30 days (recharts).
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import type { DeletionDashboard } from '../../../shared/retention';
import { formatLocalDate } from '../format/datetime';

type Day = { date: string; count: number };

function DayChart({ id, title, days, testId }: { id: string; title: string; days: Day[]; testId: string }) {
  const total = days.reduce((n, d) => n + d.count, 0);
  const data = days.map((d) => ({ ...d, label: d.date.slice(8, 10) + '.' + d.date.slice(5, 7) + '.' }));
  return (
    <figure className="retention-chart" aria-labelledby={id} data-testid={testId} data-total={total}>
      <figcaption id={id}>
        {title}: {total} insgesamt ({formatLocalDate(days[0]?.date)} bis {formatLocalDate(days.at(-1)?.date)})
      </figcaption>
      <BarChart width={520} height={200} data={data} accessibilityLayer>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="label" interval={4} fontSize={11} />
        <YAxis allowDecimals={false} fontSize={11} width={32} />
        <Tooltip formatter={(value) => [String(value), 'Löschungen']} />
        <Bar dataKey="count" fill="#2f6f9f" isAnimationActive={false} />
      </BarChart>
    </figure>
  );
}

export function PurgeCharts({ dashboard }: { dashboard: DeletionDashboard }) {
  return (
    <section aria-labelledby="charts-heading" className="retention-charts">
      <h3 id="charts-heading">Verlauf</h3>
      <DayChart id="chart-past" title="Löschungen je Tag, letzte 30 Tage" days={dashboard.purgesPerDay} testId="chart-purges-per-day" />
      <DayChart id="chart-upcoming" title="Anstehende Löschungen, nächste 30 Tage" days={dashboard.upcoming} testId="chart-upcoming" />
    </section>
  );
}
