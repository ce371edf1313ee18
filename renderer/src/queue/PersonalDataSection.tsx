// The caller's data while this workstation holds the claim: text only (never HTML), the phone
// number formatted and validated (libphonenumber-js, DE default) as a tel: link with a copy button.
import type { PersonalData } from '../../../shared/views';
import { phoneLink } from '../format/phone';
import { useDesk } from '../store/StoresContext';

export function PersonalDataSection({ personal }: { personal: PersonalData }) {
  const { stores } = useDesk();
  const phone = personal.phone ? phoneLink(personal.phone) : null;
  const name = [personal.salutation === 'divers' ? null : personal.salutation, personal.name].filter(Boolean).join(' ');
  const copy = async (text: string) => {
    const announce = stores.notice.getState().announce;
    try {
      await navigator.clipboard.writeText(text);
      announce('Telefonnummer kopiert.', 'success');
    } catch {
      announce('Kopieren nicht möglich: Bitte die Nummer markieren und mit Strg+C kopieren.', 'error');
    }
  };
  return (
    <section aria-labelledby="personal-heading" className="personal" data-testid="personal-data">
      <h3 id="personal-heading">Kontakt</h3>
      <dl className="facts">
        <dt>Name</dt>
        <dd>{name}</dd>
        {phone && (
          <>
            <dt>Telefon</dt>
            <dd className="phone">
              {phone.href ? <a href={phone.href}>{phone.display}</a> : phone.display}{' '}
              <button type="button" className="button-link" onClick={() => void copy(phone.copyText)} aria-label={`Telefonnummer ${phone.display} kopieren`}>
                Kopieren
              </button>
              {!phone.valid && (
                <span className="field-warning" data-testid="phone-invalid">
                  Nummer ungültig: bitte vor dem Anruf prüfen.
                </span>
              )}
            </dd>
          </>
        )}
        {personal.email && (
          <>
            <dt>E-Mail</dt>
            <dd>{personal.email}</dd>
          </>
        )}
        {personal.subject && (
          <>
            <dt>Betreff</dt>
            <dd>{personal.subject}</dd>
          </>
        )}
        {personal.message && (
          <>
            <dt>Nachricht</dt>
            <dd className="text-block" data-testid="message-text">
              {personal.message}
            </dd>
          </>
        )}
        {personal.note && (
          <>
            <dt>Notiz</dt>
            <dd className="text-block">{personal.note}</dd>
          </>
        )}
      </dl>
    </section>
  );
}
