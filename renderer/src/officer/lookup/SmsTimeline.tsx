// Sends per day as bars against the free quota of 5: the days over it stand out at a glance.
import { Bar, BarChart, CartesianGrid, Cell, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import type { SmsLookupReport } from '../../../../shared/officer-views';
import { formatLocalDate } from '../../format/datetime';

export function SmsTimeline({ report }: { report: SmsLookupReport }) {
  const data = report.perDay.map((d) => ({ ...d, label: d.date.slice(8, 10) + '.' + d.date.slice(5, 7) + '.' }));
  return (
    <figure className="sms-timeline" data-testid="sms-timeline">
      <BarChart width={640} height={220} data={data} accessibilityLayer>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="label" />
        <YAxis allowDecimals={false} />
        <Tooltip labelFormatter={(_, items) => formatLocalDate(String(items?.[0]?.payload?.date ?? ''))} formatter={(v) => [v, 'SMS']} />
        <ReferenceLine y={report.freeQuotaPerDay} stroke="#b00020" strokeDasharray="4 2" label={`Freikontingent ${report.freeQuotaPerDay}`} />
        <Bar dataKey="sends" name="SMS" isAnimationActive={false}>
          {data.map((d) => (
            <Cell key={d.date} fill={d.overQuota ? '#b00020' : '#2f6f8f'} />
          ))}
        </Bar>
      </BarChart>
      <figcaption>SMS je Tag (Europe/Berlin); rot: über dem Freikontingent von {report.freeQuotaPerDay}.</figcaption>
    </figure>
  );
}
