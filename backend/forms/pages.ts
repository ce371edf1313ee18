// The website's four forms as plain, accessible German pages (for the demo and the tests). They
// use the intake API like any other website would: forms.js sends the form as JSON and shows
// the field errors the API answers next to their fields. Without JavaScript a notice says so.
import { SLOT_DAYS_AHEAD, SERVICE_HOURS } from '../../shared/callback-slot';
import { CALLBACK_TOPICS, TOPICS } from '../../shared/domain';
import { INTAKE_LIMITS, type IntakeKind } from '../../shared/intake';
import { TOPIC_LABELS } from '../../shared/labels';
import { berlinDay, dayToIsoDate, weekdayOf } from '../time';
import { PRIVACY_EXCERPTS, NOTICE_VERSION } from './privacy-excerpts';

export interface FormPage {
  slug: string;
  kind: IntakeKind;
  title: string;
  intro: string;
}

export const FORM_PAGES: readonly FormPage[] = [
  { slug: 'rueckruf', kind: 'callback', title: 'Rückrufservice', intro: 'Wir rufen Sie zu Ihrem Wunschtermin zurück.' },
  { slug: 'kontakt', kind: 'contact', title: 'Kontaktformular', intro: 'Schreiben Sie uns; wir leiten Ihr Anliegen an die zuständige Stelle weiter.' },
  { slug: 'datenschutz', kind: 'dpo', title: 'Nachricht an die Datenschutzbeauftragte', intro: 'Ihre Nachricht liest nur die Datenschutzbeauftragte.' },
  { slug: 'gleichbehandlung', kind: 'equality', title: 'Nachricht an den Gleichbehandlungsbeauftragten', intro: 'Ihre Nachricht liest nur der Gleichbehandlungsbeauftragte.' },
];

const escape = (text: string): string => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

const WEEKDAYS = ['So', 'Mo', 'Di', 'Mi', 'Do', 'Fr', 'Sa'] as const;

function germanDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}.${m}.${y}`;
}

/** Service days from today to 30 days ahead, as the intake accepts them. */
function serviceDays(now: Date): string[] {
  const today = berlinDay(now.getTime());
  const days: string[] = [];
  for (let day = today; day <= today + SLOT_DAYS_AHEAD; day++) if ((SERVICE_HOURS.weekdays as readonly number[]).includes(weekdayOf(day))) days.push(dayToIsoDate(day));
  return days;
}

function halfHours(fromMinutes: number, toMinutes: number): string[] {
  const times: string[] = [];
  for (let m = fromMinutes; m <= toMinutes; m += 30) times.push(`${String(Math.floor(m / 60)).padStart(2, '0')}:${m % 60 === 0 ? '00' : '30'}`);
  return times;
}

const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3));

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)} – Stadtwerke Servicecenter</title>
<link rel="stylesheet" href="/forms/forms.css">
<script src="/forms/forms.js" defer></script>
</head>
<body>
<header><p class="brand"><a href="/forms/">Stadtwerke Servicecenter</a></p></header>
<main id="inhalt">
${body}
</main>
</body>
</html>`;
}

/** A text field with its label, hint, error slot and (optionally) a character count. */
function field(name: string, label: string, options: { type?: string; required?: boolean; autocomplete?: string; hint?: string; max?: number; area?: boolean } = {}): string {
  const id = `f-${name}`;
  const described = [options.hint ? `${id}-hint` : '', `${id}-error`, options.max ? `${id}-count` : ''].filter(Boolean).join(' ');
  const attrs = `id="${id}" name="${name}" aria-describedby="${described}"${options.required ? ' required aria-required="true"' : ''}${options.autocomplete ? ` autocomplete="${options.autocomplete}"` : ''}${options.max ? ` data-max="${options.max}"` : ''}`;
  const control = options.area ? `<textarea ${attrs} rows="6"></textarea>` : `<input type="${options.type ?? 'text'}" ${attrs}>`;
  return `<div class="field" data-field="${name}">
<label for="${id}">${escape(label)}${options.required ? ' <span class="req">(Pflichtfeld)</span>' : ''}</label>
${options.hint ? `<p class="hint" id="${id}-hint">${escape(options.hint)}</p>` : ''}
${control}
${options.max ? `<p class="count" id="${id}-count" aria-live="polite">Höchstens ${options.max.toLocaleString('de-DE')} Zeichen.</p>` : ''}
<p class="error" id="${id}-error" hidden></p>
</div>`;
}

function select(name: string, label: string, choices: readonly (readonly [string, string])[], selected?: string): string {
  const id = `f-${name.replace('.', '-')}`;
  return `<div class="field" data-field="${name}">
<label for="${id}">${escape(label)} <span class="req">(Pflichtfeld)</span></label>
<select id="${id}" name="${name}" aria-describedby="${id}-error" required aria-required="true">
${choices.map(([value, text]) => `<option value="${escape(value)}"${value === selected ? ' selected' : ''}>${escape(text)}</option>`).join('\n')}
</select>
<p class="error" id="${id}-error" hidden></p>
</div>`;
}

const salutation = `<fieldset class="field" data-field="salutation">
<legend>Anrede</legend>
<label><input type="radio" name="salutation" value="Frau"> Frau</label>
<label><input type="radio" name="salutation" value="Herr"> Herr</label>
<label><input type="radio" name="salutation" value="divers"> divers</label>
<label><input type="radio" name="salutation" value="" checked> keine Angabe</label>
<p class="error" id="f-salutation-error" hidden></p>
</fieldset>`;

function callbackFields(now: Date): string {
  const days = serviceDays(now).map((d) => [d, `${WEEKDAYS[weekdayOf(Math.round(Date.parse(`${d}T00:00:00Z`) / 86_400_000))]}, ${germanDate(d)}`] as const);
  const starts = halfHours(minutes(SERVICE_HOURS.from), minutes(SERVICE_HOURS.to) - 30).map((t) => [t, `${t} Uhr`] as const);
  const ends = halfHours(minutes(SERVICE_HOURS.from) + 30, minutes(SERVICE_HOURS.to)).map((t) => [t, `${t} Uhr`] as const);
  return `${salutation}
${field('name', 'Name', { required: true, autocomplete: 'name', max: INTAKE_LIMITS.name })}
${field('phone', 'Telefonnummer', { type: 'tel', required: true, autocomplete: 'tel', hint: 'Eine deutsche Festnetz- oder Mobilnummer, z. B. 0234 960-0.' })}
${select('preferredDate', 'Wunschtag', days)}
<fieldset class="window">
<legend>Zeitfenster (höchstens 4 Stunden, ${SERVICE_HOURS.from}–${SERVICE_HOURS.to} Uhr)</legend>
${select('preferredWindow.from', 'Von', starts, '09:00')}
${select('preferredWindow.to', 'Bis', ends, '11:00')}
</fieldset>
${select('topic', 'Anliegen', CALLBACK_TOPICS.map((t) => [t, TOPIC_LABELS[t]] as const))}
${field('note', 'Hinweis für den Rückruf (freiwillig)', { area: true, max: INTAKE_LIMITS.note })}`;
}

function messageFields(kind: IntakeKind): string {
  const categories = (kind === 'contact' ? TOPICS : CALLBACK_TOPICS).map((t) => [t, TOPIC_LABELS[t]] as const);
  return `${salutation}
${field('name', 'Name', { required: true, autocomplete: 'name', max: INTAKE_LIMITS.name })}
${field('email', 'E-Mail-Adresse', { type: 'email', required: true, autocomplete: 'email' })}
${select('category', 'Thema', categories)}
${field('subject', 'Betreff', { required: true, max: INTAKE_LIMITS.subject })}
${field('message', 'Ihre Nachricht', { required: true, area: true, max: INTAKE_LIMITS.message })}`;
}

export function formPage(page: FormPage, now: Date): string {
  const excerpt = PRIVACY_EXCERPTS[page.kind];
  return layout(
    page.title,
    `<h1>${escape(page.title)}</h1>
<p>${escape(page.intro)}</p>
<noscript><p class="notice">Dieses Formular braucht JavaScript. Sie erreichen uns auch telefonisch unter 0234 960-0.</p></noscript>
<div class="summary" id="summary" tabindex="-1" hidden role="alert"></div>
<form id="intake" data-kind="${page.kind}" data-notice="${NOTICE_VERSION}" novalidate>
${page.kind === 'callback' ? callbackFields(now) : messageFields(page.kind)}
<section class="privacy" aria-labelledby="privacy-title">
<h2 id="privacy-title">Datenschutz</h2>
${excerpt.map((p) => `<p>${escape(p)}</p>`).join('\n')}
<p><a href="/forms/datenschutzhinweise">Vollständige Datenschutzhinweise (Stand ${escape(NOTICE_VERSION)})</a></p>
</section>
<div class="field" data-field="consent">
<label class="check"><input type="checkbox" id="f-consent" name="consent" aria-describedby="f-consent-error" required aria-required="true"> Ich habe die Datenschutzhinweise gelesen und bin einverstanden, dass meine Angaben zur Bearbeitung meines Anliegens verarbeitet werden. <span class="req">(Pflichtfeld)</span></label>
<p class="error" id="f-consent-error" hidden></p>
</div>
<p><button type="submit">Absenden</button></p>
<p class="status" id="status" role="status" aria-live="polite"></p>
</form>`,
  );
}

export function indexPage(): string {
  return layout(
    'Kontakt',
    `<h1>So erreichen Sie uns</h1>
<ul class="choices">
${FORM_PAGES.map((p) => `<li><a href="/forms/${p.slug}">${escape(p.title)}</a><br>${escape(p.intro)}</li>`).join('\n')}
</ul>`,
  );
}

export function confirmationPage(reference: string, kind: IntakeKind): string {
  const what = kind === 'callback' ? 'Wir rufen Sie zu Ihrem Wunschtermin zurück.' : 'Wir melden uns bei Ihnen.';
  return layout(
    'Vielen Dank',
    `<h1>Vielen Dank, Ihre Nachricht ist angekommen.</h1>
<p>${what}</p>
<p>Ihr Zeichen: <strong class="reference" data-testid="reference">${escape(reference)}</strong></p>
<p>Bitte nennen Sie dieses Zeichen, wenn Sie uns anrufen. Es enthält keine persönlichen Daten.</p>
<p><a href="/forms/">Zurück zur Übersicht</a></p>`,
  );
}

export function noticePage(): string {
  const kinds = Object.entries(PRIVACY_EXCERPTS) as [IntakeKind, readonly string[]][];
  return layout(
    'Datenschutzhinweise',
    `<h1>Datenschutzhinweise (Stand ${escape(NOTICE_VERSION)})</h1>
${kinds.map(([kind, paragraphs]) => `<h2>${escape(FORM_PAGES.find((p) => p.kind === kind)?.title ?? kind)}</h2>\n${paragraphs.map((p) => `<p>${escape(p)}</p>`).join('\n')}`).join('\n')}
<h2>Ihre Rechte</h2>
<p>Sie haben das Recht auf Auskunft, Berichtigung, Löschung, Einschränkung der Verarbeitung, Datenübertragbarkeit und Widerspruch (Art. 15–21 DSGVO). Wenden Sie sich dazu an unsere Datenschutzbeauftragte; wir antworten innerhalb eines Monats.</p>`,
  );
}
