// The workbench's search as SQL: every word must occur in what the row shows — its kind, topic and
// status as German labels, the owner's name, the preferred date (as 2026-11-27 or 27.11.2026) or
// the request id, or the reference code a caller quotes (exactly, with or without its hyphen).
// Labels are few, so a word is matched against them here and becomes an IN list;
// only the owner, date and id are compared row by row, and only where the word could occur there.
import { KIND_LABELS, STATUS_LABELS, TOPIC_LABELS } from '../../../shared/labels';
import type { SqlParams } from './sql-params';
import { deskLower } from './text-functions';

/** Words of a search text, lower-cased; duplicates dropped. */
function searchWords(search: string | undefined): string[] {
  if (!search) return [];
  return [...new Set(deskLower(search).split(/\s+/).filter(Boolean))];
}

const DATE_WORD = /^[\d.-]+$/;
// Request ids are UUIDs; fewer than four hex digits would match nearly every id.
const ID_WORD = /^[\da-f-]{4,}$/;
// The website's reference codes: two groups of four from A-Z and 2-9 (backend/lifecycle/intake.ts).
const REFERENCE_WORD = /^([a-z2-9]{4})-?([a-z2-9]{4})$/;

function labelsContaining<K extends string>(labels: Record<K, string>, word: string): K[] {
  return (Object.keys(labels) as K[]).filter((key) => deskLower(labels[key]).includes(word));
}

/** The SQL condition for one word, or 'FALSE' when it cannot occur in any row. */
function wordCondition(word: string, params: SqlParams): string {
  const parts: string[] = [];
  const kinds = params.in(labelsContaining(KIND_LABELS, word));
  if (kinds) parts.push(`r.kind ${kinds}`);
  const topics = params.in(labelsContaining(TOPIC_LABELS, word));
  if (topics) parts.push(`r.topic ${topics}`);
  const statuses = params.in(labelsContaining(STATUS_LABELS, word));
  if (statuses) parts.push(`r.status ${statuses}`);
  const w = params.bind(word);
  parts.push(`(r.owner_name IS NOT NULL AND instr(desk_lower(r.owner_name), ${w}) > 0)`);
  if (DATE_WORD.test(word)) {
    parts.push(
      `(r.preferred_date IS NOT NULL AND (instr(r.preferred_date, ${w}) > 0 OR ` +
        `instr(substr(r.preferred_date, 9, 2) || '.' || substr(r.preferred_date, 6, 2) || '.' || substr(r.preferred_date, 1, 4), ${w}) > 0))`,
    );
  }
  if (ID_WORD.test(word)) parts.push(`instr(r.id, ${w}) > 0`);
  const reference = REFERENCE_WORD.exec(word);
  if (reference) parts.push(`r.reference = ${params.bind(`${reference[1]}-${reference[2]}`.toUpperCase())}`);
  return `(${parts.join(' OR ')})`;
}

/**
 * Conditions (AND-ed by the caller) for a search text, none for an empty one; `indexOnly` when
 * they compare only kind, status, topic and owner (no word could be a date or an id).
 */
export function searchConditions(search: string | undefined, params: SqlParams): { conditions: string[]; indexOnly: boolean } {
  const words = searchWords(search);
  return {
    conditions: words.map((word) => wordCondition(word, params)),
    indexOnly: words.every((word) => !DATE_WORD.test(word) && !ID_WORD.test(word) && !REFERENCE_WORD.test(word)),
  };
}
