// Phone numbers as the customer typed them, shown in German national format and dialled
// through a tel: link in E.164, so the softphone gets a number it understands.
import { parsePhoneNumberFromString } from 'libphonenumber-js/min';

export interface PhoneLink {
  display: string;
  /** `tel:` URI, or null when the text holds no usable number. */
  href: string | null;
  /** A valid number per libphonenumber-js (DE default); invalid ones get a warning in the UI. */
  valid: boolean;
  /** What the copy button copies: E.164 when valid, else the text as typed. */
  copyText: string;
}

export function phoneLink(raw: string): PhoneLink {
  const text = raw.trim();
  const parsed = parsePhoneNumberFromString(text, 'DE');
  if (parsed?.isValid()) {
    const display = parsed.country === 'DE' ? parsed.formatNational() : parsed.formatInternational();
    return { display, href: parsed.getURI(), valid: true, copyText: parsed.number };
  }
  // Not a valid number: show it as typed; dial only if it still looks like one.
  const dialable = text.replace(/[\s()/.-]/g, '');
  return { display: text, href: /^\+?\d{3,20}$/.test(dialable) ? `tel:${dialable}` : null, valid: false, copyText: text };
}
