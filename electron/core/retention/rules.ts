// The retention rules of DESIGN.md. Defaults and limits live here in code; the database holds
// only a supervisor's tightened period, and a stored value above the limit is never believed.
import type { RetentionReason } from '../../../shared/domain';
import type { RuleKey, RuleView } from '../../../shared/retention';
import { appendAudit } from '../audit/audit-log';
import type { Clock } from '../clock';
import type { DeskDb } from '../db/open';
import { retentionRules } from '../db/schema';
import { DeskError } from '../desk-error';

interface RuleDefinition {
  data: string;
  startEvent: string;
  legalBasis: string;
  unit: 'days' | 'years';
  /** Default and limit are the same: DESIGN.md's periods are already the longest allowed. */
  limit: number;
  adjustable: boolean;
}

const GDPR_PURPOSE = 'Art. 5 Abs. 1 lit. b, e und Art. 17 DSGVO';

export const RULES: Record<RuleKey, RuleDefinition> = {
  callback_closed: { data: 'Rückruf: Anrede, Name, Telefon, Notiz', startEvent: 'Abschluss des Rückrufs', legalBasis: `Art. 6 Abs. 1 lit. b DSGVO; ${GDPR_PURPOSE}`, unit: 'days', limit: 0, adjustable: false },
  callback_expiry: { data: 'Nicht abgeschlossener Rückruf', startEvent: 'Gewünschter Rückruftag', legalBasis: GDPR_PURPOSE, unit: 'days', limit: 14, adjustable: true },
  case_closed: { data: 'Kontakt, Datenschutz, Gleichbehandlung: Name, E-Mail, Betreff, Nachricht', startEvent: 'Abschluss der Bearbeitung', legalBasis: `Art. 6 Abs. 1 lit. b, e DSGVO; ${GDPR_PURPOSE}`, unit: 'days', limit: 0, adjustable: false },
  retention_proof: { data: 'Aufbewahrung zum Nachweis', startEvent: 'Abschluss der Bearbeitung', legalBasis: 'Art. 6 Abs. 1 lit. c, f, Art. 17 Abs. 3 lit. e DSGVO', unit: 'years', limit: 3, adjustable: true },
  retention_customer_care: { data: 'Aufbewahrung zur Kundenbetreuung', startEvent: 'Abschluss der Bearbeitung', legalBasis: 'Art. 6 Abs. 1 lit. f DSGVO', unit: 'years', limit: 1, adjustable: true },
  retention_statutory: { data: 'Gesetzliche Aufbewahrung', startEvent: 'Abschluss der Bearbeitung', legalBasis: 'Art. 6 Abs. 1 lit. c DSGVO; § 257 HGB, § 147 AO', unit: 'years', limit: 10, adjustable: true },
  local_copy: { data: 'Lokale Kopie eines anderswo übernommenen, freigegebenen oder gelöschten Vorgangs', startEvent: 'Übernahme, Freigabe oder Löschauftrag', legalBasis: GDPR_PURPOSE, unit: 'days', limit: 0, adjustable: false },
  sms_log: { data: 'SMS-Protokoll: Kundennummer, Sendezeit, IP-Adresse', startEvent: 'Sendezeitpunkt', legalBasis: 'Art. 6 Abs. 1 lit. f DSGVO (Missbrauchsverhinderung)', unit: 'days', limit: 90, adjustable: true },
  sms_legal_hold: { data: 'SMS-Protokoll unter Sicherung (Strafanzeige)', startEvent: 'Setzen der Sicherung', legalBasis: 'Art. 6 Abs. 1 lit. c DSGVO; §§ 94 ff., 161 StPO', unit: 'days', limit: 180, adjustable: true },
};

export type RuleSet = Record<RuleKey, number>;

export const RETENTION_RULE_BY_REASON: Record<RetentionReason, RuleKey> = {
  proof: 'retention_proof',
  customer_care: 'retention_customer_care',
  statutory: 'retention_statutory',
};

/** The periods in force: the stored tightening where there is one, clamped to the limit in code. */
export function readRules(db: DeskDb): RuleSet {
  const stored = new Map(db.select().from(retentionRules).all().map((r) => [r.key, r]));
  const set = {} as RuleSet;
  for (const [key, def] of Object.entries(RULES) as [RuleKey, RuleDefinition][]) {
    const period = stored.get(key)?.period;
    set[key] = period === undefined || period < 0 || !def.adjustable ? def.limit : Math.min(period, def.limit);
  }
  return set;
}

export function listRules(db: DeskDb): RuleView[] {
  const stored = new Map(db.select().from(retentionRules).all().map((r) => [r.key, r]));
  const periods = readRules(db);
  return (Object.entries(RULES) as [RuleKey, RuleDefinition][]).map(([key, def]) => ({
    key,
    ...def,
    period: periods[key],
    updatedAt: stored.get(key)?.updatedAt ?? null,
    updatedBy: stored.get(key)?.updatedBy ?? null,
  }));
}

/** Refuses anything the limit does not allow; refusals are audited too, since they are attempts to loosen. */
export function checkRuleChange(key: RuleKey, period: number): void {
  const def = RULES[key];
  if (!def.adjustable) throw new DeskError('invalid_input', 'Diese Regel ist durch das Datenschutzkonzept fest vorgegeben.');
  if (!Number.isInteger(period) || period < 0) throw new DeskError('invalid_input', 'Die Frist muss eine ganze Zahl ab 0 sein.');
  if (period > def.limit) {
    const unit = def.unit === 'days' ? 'Tage' : 'Jahre';
    throw new DeskError('invalid_input', `Die Frist darf höchstens ${def.limit} ${unit} betragen; eine Regel darf nur verschärft werden.`);
  }
}

export function changeRule(db: DeskDb, clock: Clock, actor: { userId: string; displayName: string }, key: RuleKey, period: number): void {
  try {
    checkRuleChange(key, period);
  } catch (error) {
    appendAudit(db, clock, { actor: actor.userId, action: 'rule.change_refused', subject: key, details: { period } });
    throw error;
  }
  db.transaction(() => {
    const before = readRules(db)[key];
    const updatedAt = clock().toISOString();
    db.insert(retentionRules)
      .values({ key, period, updatedAt, updatedBy: actor.displayName })
      .onConflictDoUpdate({ target: retentionRules.key, set: { period, updatedAt, updatedBy: actor.displayName } })
      .run();
    appendAudit(db, clock, { actor: actor.userId, action: 'rule.change', subject: key, details: { from: before, to: period } });
  });
}
