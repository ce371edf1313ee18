// What the privacy notice promises for each form (DESIGN.md's table), shown beside the form.
import { type IntakeKind } from '../../shared/intake';

/** The version of the privacy notice the forms show; stored with each request's consent. */
export const NOTICE_VERSION = '2026-11';

export const PRIVACY_EXCERPTS: Readonly<Record<IntakeKind, readonly string[]>> = {
  callback: [
    'Wir verwenden Ihren Namen, Ihre Telefonnummer und Ihren Wunschtermin nur, um Sie einmal zurückzurufen.',
    'Ist der Rückruf erledigt, löschen wir Ihre Angaben. Kommt kein Rückruf zustande, löschen wir sie spätestens 14 Tage nach Ihrem Wunschtag.',
  ],
  contact: [
    'Wir leiten Ihre Nachricht an die zuständige Fachabteilung weiter und verwenden Ihre Angaben nur für die Bearbeitung Ihres Anliegens.',
    'Nach der Bearbeitung löschen wir Ihre Angaben, außer wir müssen sie zum Nachweis (höchstens 3 Jahre), für die Kundenbetreuung (höchstens 1 Jahr) oder wegen einer gesetzlichen Aufbewahrungspflicht (höchstens 10 Jahre) länger aufbewahren.',
  ],
  dpo: [
    'Ihre Nachricht liest nur unsere Datenschutzbeauftragte.',
    'Nach der abschließenden Bearbeitung löschen wir Ihre Angaben, mit denselben Ausnahmen wie beim Kontaktformular.',
  ],
  equality: [
    'Ihre Nachricht liest nur unser Gleichbehandlungsbeauftragter.',
    'Nach der abschließenden Bearbeitung löschen wir Ihre Angaben, mit denselben Ausnahmen wie beim Kontaktformular.',
  ],
};
