// The vocabulary of data subjects' requests (issue 17) with its German labels: kept apart from
// shared/subject-requests.ts so the renderer gets it without the phone-number and date libraries.
import { z } from 'zod';

export const SUBJECT_REQUEST_TYPES = ['access', 'rectification', 'erasure', 'restriction', 'portability', 'objection'] as const;
export const SubjectRequestType = z.enum(SUBJECT_REQUEST_TYPES, { error: 'Bitte die Art des Antrags wählen.' });
export type SubjectRequestType = z.infer<typeof SubjectRequestType>;

export const SUBJECT_REQUEST_LABELS: Record<SubjectRequestType, string> = {
  access: 'Auskunft (Art. 15 DSGVO)',
  rectification: 'Berichtigung (Art. 16 DSGVO)',
  erasure: 'Löschung (Art. 17 DSGVO)',
  restriction: 'Einschränkung (Art. 18 DSGVO)',
  portability: 'Datenübertragbarkeit (Art. 20 DSGVO)',
  objection: 'Widerspruch (Art. 21 DSGVO)',
};

/** How the identity was checked. No upload exists: seeing a document is recorded, copying it is not possible. */
export const IDENTITY_METHODS = ['customer_data', 'known_address', 'known_phone', 'in_person', 'eid', 'other'] as const;
export const IdentityMethod = z.enum(IDENTITY_METHODS, { error: 'Bitte wählen, wie die Identität geprüft wurde.' });
export type IdentityMethod = z.infer<typeof IdentityMethod>;

export const IDENTITY_METHOD_LABELS: Record<IdentityMethod, string> = {
  customer_data: 'Abgleich mit Kundendaten (Kundennummer, Vertragsdaten)',
  known_address: 'Antwort nur an die bekannte Postanschrift',
  known_phone: 'Rückruf unter der bekannten Rufnummer',
  in_person: 'Ausweis vor Ort vorgelegt (keine Kopie)',
  eid: 'Online-Ausweisfunktion (eID)',
  other: 'Anders (siehe Vermerk)',
};


export const IDENTITY_NOTE_MAX = 200;
export const EXTENSION_REASON_MIN = 10;
export const HIT_REASON_MIN = 3;
