// The retention rules of DESIGN.md. Defaults and limits live in code (shared/rules.ts, the same
// the backend checks); the database holds this workstation's copy of the backend's rules in force
// (issue 16: retention/backend-rules.ts), and a stored value above the limit is never believed.
import type { RetentionReason } from '../../../shared/domain';
import type { RuleView } from '../../../shared/retention';
import { RULE_LIMITS, retentionChangeProblem, type RuleKey, type RuleLimit } from '../../../shared/rules';
import { appendAudit } from '../audit/audit-log';
import type { Clock } from '../clock';
import type { DeskDb } from '../db/open';
import { retentionRules } from '../db/schema';
import { DeskError } from '../desk-error';

/** German wording for the Löschkonzept, with the limits shared with the backend. */
interface RuleDefinition extends RuleLimit {
  data: string;
  startEvent: string;
  legalBasis: string;
}

const GDPR_PURPOSE = 'Art. 5 Abs. 1 lit. b, e und Art. 17 DSGVO';

export const RULES: Record<RuleKey, RuleDefinition> = {
  callback_closed: { data: 'Rückruf: Anrede, Name, Telefon, Notiz', startEvent: 'Abschluss des Rückrufs', legalBasis: `Art. 6 Abs. 1 lit. b DSGVO; ${GDPR_PURPOSE}`, ...RULE_LIMITS.callback_closed },
  callback_expiry: { data: 'Nicht abgeschlossener Rückruf', startEvent: 'Gewünschter Rückruftag', legalBasis: GDPR_PURPOSE, ...RULE_LIMITS.callback_expiry },
  case_closed: { data: 'Kontakt, Datenschutz, Gleichbehandlung: Name, E-Mail, Betreff, Nachricht', startEvent: 'Abschluss der Bearbeitung', legalBasis: `Art. 6 Abs. 1 lit. b, e DSGVO; ${GDPR_PURPOSE}`, ...RULE_LIMITS.case_closed },
  retention_proof: { data: 'Aufbewahrung zum Nachweis', startEvent: 'Abschluss der Bearbeitung', legalBasis: 'Art. 6 Abs. 1 lit. c, f, Art. 17 Abs. 3 lit. e DSGVO', ...RULE_LIMITS.retention_proof },
  retention_customer_care: { data: 'Aufbewahrung zur Kundenbetreuung', startEvent: 'Abschluss der Bearbeitung', legalBasis: 'Art. 6 Abs. 1 lit. f DSGVO', ...RULE_LIMITS.retention_customer_care },
  retention_statutory: { data: 'Gesetzliche Aufbewahrung', startEvent: 'Abschluss der Bearbeitung', legalBasis: 'Art. 6 Abs. 1 lit. c DSGVO; § 257 HGB, § 147 AO', ...RULE_LIMITS.retention_statutory },
  local_copy: { data: 'Lokale Kopie eines anderswo übernommenen, freigegebenen oder gelöschten Vorgangs', startEvent: 'Übernahme, Freigabe oder Löschauftrag', legalBasis: GDPR_PURPOSE, ...RULE_LIMITS.local_copy },
  sms_log: { data: 'SMS-Protokoll: Kundennummer, Sendezeit, IP-Adresse', startEvent: 'Sendezeitpunkt', legalBasis: 'Art. 6 Abs. 1 lit. f DSGVO (Missbrauchsverhinderung)', ...RULE_LIMITS.sms_log },
  sms_legal_hold: { data: 'SMS-Protokoll unter Sicherung (Strafanzeige)', startEvent: 'Setzen der Sicherung', legalBasis: 'Art. 6 Abs. 1 lit. c DSGVO; §§ 94 ff., 161 StPO', ...RULE_LIMITS.sms_legal_hold },
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
  const problem = retentionChangeProblem(key, period);
  if (problem) throw new DeskError('invalid_input', problem);
}

/**
 * Writes one rule into this workstation's copy. The desk's handlers never call it (a supervisor's
 * change goes to the backend: rule-change.ts); unit tests use it to put a copy in place.
 */
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
