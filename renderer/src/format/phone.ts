// Phone numbers as the customer typed them, shown in German national format and dialled
// through a tel: link in E.164, so the softphone gets a number it understands.
import { parsePhoneNumberFromString } from 'libphonenumber-js/min';

export interface PhoneLink {
  display: string;
  /** `tel:` URI, or null when the text holds no usable number. */
  href: string | null;
}

export function phoneLink(raw: string): PhoneLink {
  const text = raw.trim();
  const parsed = parsePhoneNumberFromString(text, 'DE');
  if (parsed?.isValid()) {
    return { display: parsed.country === 'DE' ? parsed.formatNational() : parsed.formatInternational(), href: parsed.getURI() };
  }
  // Not a valid number: show it as typed; dial only if it still looks like one.
  const dialable = text.replace(/[\s()/.-]/g, '');
  return { display: text, href: /^\+?\d{3,20}$/.test(dialable) ? `tel:${dialable}` : null };
}
