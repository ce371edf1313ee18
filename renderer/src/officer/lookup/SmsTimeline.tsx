// Sends per day as bars against the free quota of 5: the days over it stand out at a glance.
import { Bar, BarChart, CartesianGrid, Cell, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import type { SmsLookupReport } from '../../../../shared/officer-views';
import { formatLocalDate } from '../../format/datetime';

export function SmsTimeline({ report }: { report: SmsLookupReport }) {
  // One bar per day: all sends that day; red where some customer went over their own quota.
  const byDay = new Map<string, { date: string; sends: number; overQuota: boolean }>();
  for (const d of report.perDay) {
    const day = byDay.get(d.date) ?? { date: d.date, sends: 0, overQuota: false };
    day.sends += d.sends;
    day.overQuota ||= d.overQuota;
    byDay.set(d.date, day);
  }
  const data = [...byDay.values()].map((d) => ({ ...d, label: d.date.slice(8, 10) + '.' + d.date.slice(5, 7) + '.' }));
  return (
    <figure className="sms-timeline" data-testid="sms-timeline">
      <BarChart width={640} height={220} data={data} accessibilityLayer>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="label" />
        <YAxis allowDecimals={false} />
        <Tooltip labelFormatter={(_, items) => formatLocalDate(String(items?.[0]?.payload?.date ?? ''))} formatter={(v) => [v, 'SMS']} />
        {/* The quota line only means something for one customer's bars. */}
        {new Set(report.perDay.map((d) => d.customerNumber)).size === 1 && <ReferenceLine y={report.freeQuotaPerDay} stroke="#b00020" strokeDasharray="4 2" label={`Freikontingent ${report.freeQuotaPerDay}`} />}
        <Bar dataKey="sends" name="SMS" isAnimationActive={false}>
          {data.map((d) => (
            <Cell key={d.date} fill={d.overQuota ? '#b00020' : '#2f6f8f'} />
          ))}
        </Bar>
      </BarChart>
      <figcaption>SMS je Tag (Europe/Berlin), alle gefundenen Kundennummern zusammen; rot: an diesem Tag hat mindestens eine Kundennummer ihr Freikontingent von {report.freeQuotaPerDay} überschritten.</figcaption>
    </figure>
  );
}
