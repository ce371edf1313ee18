// What customers write into the contact form, per category. Placeholders in {braces} are filled
// by message-text.ts. A few texts carry markup, quotes and ampersands on purpose: the UI must
// show them as text, never render them as HTML.
import { type Topic } from '../../shared/domain';

export interface TextTemplate {
  subject: string;
  message: string;
}

export const CONTACT_TEXTS: Readonly<Record<Topic, readonly TextTemplate[]>> = {
  billing: [
    {
      subject: 'Frage zur Jahresabrechnung {jahr}',
      message:
        'Guten Tag,\n\nin meiner Jahresabrechnung für {jahr} steht ein Verbrauch von {kwh} kWh. Das ist fast doppelt so viel wie im Vorjahr, obwohl sich bei uns im Haushalt nichts geändert hat. Können Sie bitte prüfen, ob der Zählerstand richtig übernommen wurde? Meine Kundennummer ist {kundennr}.\n\nMit freundlichen Grüßen\n{name}',
    },
    {
      subject: 'Abschlag zu hoch angesetzt',
      message:
        'Hallo,\n\nmein monatlicher Abschlag wurde ab {datum} auf {betrag} € erhöht. Nach meiner Rechnung reichen deutlich weniger. Bitte setzen Sie den Abschlag wieder herunter.\n\nViele Grüße\n{name}',
    },
    {
      subject: 'Lastschrift doppelt abgebucht',
      message:
        'Sehr geehrte Damen und Herren,\n\nam {datum} wurde der Abschlag über {betrag} € zweimal von meinem Konto abgebucht. Bitte erstatten Sie mir den doppelten Betrag zurück.\n\nMit freundlichen Grüßen\n{name}',
    },
    {
      subject: '<b>Dringend</b>: Mahnung trotz Zahlung',
      message:
        'Ich habe eine Mahnung bekommen, obwohl ich die Rechnung am {datum} überwiesen habe. Im Verwendungszweck stand "Rechnung {rechnungsnr}". Bitte <b>sofort</b> prüfen & die Mahngebühr zurücknehmen!\n\n{name}',
    },
  ],
  contract: [
    {
      subject: 'Kündigung meines Stromvertrags',
      message:
        'Guten Tag,\n\nhiermit kündige ich meinen Stromvertrag (Vertragsnummer {vertragsnr}) fristgerecht zum {datum}. Bitte bestätigen Sie mir die Kündigung schriftlich.\n\nMit freundlichen Grüßen\n{name}',
    },
    {
      subject: 'Wechsel in den Ökostromtarif',
      message:
        'Hallo,\n\nich möchte von meinem jetzigen Tarif in Ihren Ökostromtarif wechseln. Ändert sich dadurch die Vertragslaufzeit? Und ab wann wäre der Wechsel möglich?\n\nDanke und Gruß\n{name}',
    },
    {
      subject: 'Vertragsübernahme nach Todesfall',
      message:
        'Sehr geehrte Damen und Herren,\n\nmein Vater ist im letzten Monat verstorben. Ich möchte den Gasvertrag für die Wohnung in der {strasse} {nr} bis zur Auflösung übernehmen. Welche Unterlagen brauchen Sie von mir?\n\nMit freundlichen Grüßen\n{name}',
    },
    {
      subject: 'Frage zu "BochumStrom fix 24"',
      message:
        'Was bedeutet bei "BochumStrom fix 24" die Preisgarantie genau? Gilt die auch für die Netzentgelte & die Umlagen? Im Flyer steht <i>"garantiert"</i>, im Vertrag aber etwas anderes.\n\n{name}',
    },
  ],
  move: [
    {
      subject: 'Umzug innerhalb von Bochum',
      message:
        'Hallo,\n\nwir ziehen zum {datum} von der {strasse} {nr} in die {strasse2} {nr2}. Den Vertrag möchten wir mitnehmen. Der Zählerstand in der alten Wohnung ist {zaehler}.\n\nViele Grüße\n{name}',
    },
    {
      subject: 'Auszug und Schlussabrechnung',
      message:
        'Guten Tag,\n\nich ziehe am {datum} aus Bochum weg und möchte meinen Vertrag für die {strasse} {nr} beenden. Bitte schicken Sie die Schlussabrechnung an meine E-Mail-Adresse. Zählerstand bei Auszug: {zaehler}.\n\nMit freundlichen Grüßen\n{name}',
    },
    {
      subject: 'Einzug – Zähler noch nicht angemeldet',
      message:
        'Hallo,\n\nich bin am {datum} in die {strasse} {nr} in {stadtteil} eingezogen. Der Zähler läuft offenbar noch auf den Vormieter. Wie melde ich ihn auf mich um?\n\nGruß\n{name}',
    },
    {
      subject: 'Umzug & Zählerstand <Keller>',
      message:
        'Der Zähler hängt im Keller hinter einer Tür mit der Aufschrift <Privat>. Der Hausmeister sagt, ich soll Ihnen "einfach den Stand schicken": {zaehler}. Reicht das so?\n\n{name}',
    },
  ],
  outage: [
    {
      subject: 'Stromausfall in {stadtteil}',
      message:
        'Hallo,\n\nseit heute {uhrzeit} Uhr haben wir in der {strasse} keinen Strom, die Nachbarn auch nicht. Wissen Sie schon, wie lange das dauert?\n\n{name}',
    },
    {
      subject: 'Kein Warmwasser – Fernwärme gestört?',
      message:
        'Guten Tag,\n\nin unserem Haus ({strasse} {nr}) gibt es seit gestern Abend kein warmes Wasser und die Heizung bleibt kalt. Ist die Fernwärme gestört?\n\nMit freundlichen Grüßen\n{name}',
    },
    {
      subject: 'Straßenlaterne defekt',
      message:
        'Hallo,\n\ndie Straßenlaterne vor der {strasse} {nr} ist seit über einer Woche aus. Abends ist es dort sehr dunkel.\n\nViele Grüße\n{name}',
    },
    {
      subject: 'Wasserdruck sehr niedrig',
      message:
        'Seit {datum} kommt in der {strasse} kaum noch Wasser aus der Leitung. Ist das eine Störung oder Bauarbeiten? Im Portal steht nur "<keine Meldungen>".\n\n{name}',
    },
  ],
  other: [
    {
      subject: 'Lob für Ihren Kundenservice',
      message:
        'Hallo,\n\nich wollte einfach einmal Danke sagen: Ihr Kollege am Telefon hat mir letzte Woche sehr geduldig geholfen.\n\nViele Grüße\n{name}',
    },
    {
      subject: 'Kundenportal: Passwort vergessen',
      message:
        'Guten Tag,\n\nich komme nicht mehr in das Kundenportal, die E-Mail zum Zurücksetzen des Passworts kommt nicht an. Können Sie mir helfen?\n\n{name}',
    },
    {
      subject: 'Frage zum Glasfaserausbau',
      message:
        'Hallo,\n\nwann wird in {stadtteil} Glasfaser verlegt? In der {strasse} wurde schon gebaggert.\n\nMit freundlichen Grüßen\n{name}',
    },
    {
      subject: 'Anmeldung "Balkonkraftwerk" <800 W>',
      message:
        'Ich habe ein Steckersolargerät mit 800 W gekauft. Muss ich das bei Ihnen anmelden? <script>alert("test")</script> Entschuldigung, das hat mein Sohn eingefügt.\n\n{name}',
    },
  ],
  online_access: [
    {
      subject: 'Online-Zugang bitte löschen',
      message:
        'Guten Tag,\n\nich nutze das Online-Kundencenter nicht mehr. Bitte löschen Sie meinen Zugang (Kundennummer {kundennr}) vollständig.\n\nMit freundlichen Grüßen\n{name}',
    },
    {
      subject: 'Zugang zum Kundenportal entfernen',
      message:
        'Hallo,\n\nnach meinem Umzug in die {strasse} brauche ich das Kundenportal nicht mehr. Bitte entfernen Sie mein Konto samt Anmeldedaten.\n\nViele Grüße\n{name}',
    },
  ],
};
