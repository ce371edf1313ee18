// What people write to the data-protection officer and the equal-treatment officer, per
// category of the contract's topic list. Same placeholders as contact-texts.ts.
import { type CALLBACK_TOPICS } from '../../shared/domain';

/** Officers get no `online_access` category: such a request is an agent's task. */
type OfficerTopic = (typeof CALLBACK_TOPICS)[number];
import { type TextTemplate } from './contact-texts';

export const DPO_TEXTS: Readonly<Record<OfficerTopic, readonly TextTemplate[]>> = {
  billing: [
    {
      subject: 'Auskunft nach Art. 15 DSGVO',
      message:
        'Sehr geehrte Damen und Herren,\n\nich bitte um Auskunft, welche personenbezogenen Daten Sie zu meinem Kundenkonto {kundennr} speichern, insbesondere Zahlungs- und Bankdaten, und an wen Sie diese weitergegeben haben.\n\nMit freundlichen Grüßen\n{name}',
    },
    {
      subject: 'Bankdaten an Inkassobüro weitergegeben?',
      message:
        'Guten Tag,\n\nein Inkassobüro hat mich angeschrieben und kannte meine IBAN. Haben Sie meine Daten weitergegeben? Auf welcher Rechtsgrundlage?\n\n{name}',
    },
  ],
  contract: [
    {
      subject: 'Widerspruch gegen Werbung',
      message:
        'Hiermit widerspreche ich der Nutzung meiner Daten für Werbung nach Art. 21 DSGVO. Ich möchte keine Anrufe und keine Post mit "Sonderangeboten" mehr.\n\n{name}',
    },
    {
      subject: 'Löschung meiner Daten nach Vertragsende',
      message:
        'Guten Tag,\n\nmein Vertrag ist seit {datum} beendet und abgerechnet. Bitte löschen Sie alle meine Daten, soweit Sie sie nicht mehr aufbewahren müssen, und bestätigen Sie mir das.\n\nMit freundlichen Grüßen\n{name}',
    },
  ],
  move: [
    {
      subject: 'Nachmieter bekommt meine Post',
      message:
        'Hallo,\n\nich bin aus der {strasse} {nr} ausgezogen, aber Ihre Schreiben mit meinen Vertragsdaten gehen weiter an die alte Adresse. Der Nachmieter hat sie geöffnet.\n\n{name}',
    },
    {
      subject: 'Neue Adresse an den Vermieter gemeldet?',
      message:
        'Mein Vermieter kennt meine neue Adresse, obwohl ich sie nur Ihnen gegeben habe. Wie kann das sein? Bitte um Aufklärung & Auskunft.\n\n{name}',
    },
  ],
  outage: [
    {
      subject: 'Smart Meter: Wer sieht meinen Verbrauch?',
      message:
        'Guten Tag,\n\nseit dem Einbau des intelligenten Messsystems frage ich mich, wer meine Verbrauchswerte im Viertelstundentakt sehen kann und wie lange sie gespeichert werden.\n\nMit freundlichen Grüßen\n{name}',
    },
    {
      subject: 'Foto aus Störungsmeldung löschen',
      message:
        'Ich habe bei der Störungsmeldung vom {datum} ein Foto hochgeladen, auf dem meine Kinder zu sehen sind. Bitte löschen Sie das <b>Foto</b>.\n\n{name}',
    },
  ],
  other: [
    {
      subject: 'Videoüberwachung im Kundenzentrum',
      message:
        'Guten Tag,\n\nim Kundenzentrum hängen Kameras. Wie lange werden die Aufnahmen gespeichert und wer hat Zugriff?\n\n{name}',
    },
    {
      subject: 'E-Mail an falschen Empfänger',
      message:
        'Ich habe heute eine E-Mail von Ihnen bekommen mit dem Betreff "Ihre Rechnung", aber darin standen Name und Adresse einer anderen Kundin. Das ist doch eine Datenpanne?\n\n{name}',
    },
  ],
};

export const EQUALITY_TEXTS: Readonly<Record<OfficerTopic, readonly TextTemplate[]>> = {
  billing: [
    {
      subject: 'Rechnung nicht barrierefrei',
      message:
        'Guten Tag,\n\nich bin blind und nutze einen Screenreader. Ihre Rechnungen als PDF kann er nicht vorlesen. Bitte schicken Sie mir die Rechnung in einer barrierefreien Form.\n\nMit freundlichen Grüßen\n{name}',
    },
    {
      subject: 'Ratenzahlung abgelehnt – Benachteiligung?',
      message:
        'Mir wurde eine Ratenzahlung abgelehnt, mit der Begründung, "Leute wie Sie zahlen ja doch nicht". Ich fühle mich wegen meiner Herkunft benachteiligt.\n\n{name}',
    },
  ],
  contract: [
    {
      subject: 'Falsche Anrede im Vertrag',
      message:
        'Hallo,\n\nich habe bei der Anmeldung "divers" angegeben, im Vertrag steht trotzdem "Herr". Bitte korrigieren Sie das in allen Unterlagen.\n\n{name}',
    },
    {
      subject: 'Vertragsabschluss wegen Sprache verweigert',
      message:
        'Meiner Mutter wurde im Kundenzentrum gesagt, sie könne ohne bessere Deutschkenntnisse keinen Vertrag abschließen. Ich war dabei und hätte übersetzt.\n\nMit freundlichen Grüßen\n{name}',
    },
  ],
  move: [
    {
      subject: 'Umzugsformular nicht barrierefrei',
      message:
        'Das Online-Formular zur Ummeldung lässt sich nicht mit der Tastatur bedienen. Ich kann wegen einer Behinderung keine Maus nutzen.\n\n{name}',
    },
    {
      subject: 'Beratung zum Umzug ohne Dolmetscher',
      message:
        'Guten Tag,\n\nich ziehe in die {strasse} {nr}. Gibt es für die Beratung eine Möglichkeit in Gebärdensprache oder schriftlich <i>statt</i> am Telefon?\n\n{name}',
    },
  ],
  outage: [
    {
      subject: 'Störungshotline nur per Telefon',
      message:
        'Als gehörlose Person kann ich Ihre Störungshotline nicht anrufen. Bei dem Stromausfall am {datum} hatte ich keine Möglichkeit, Sie zu erreichen.\n\n{name}',
    },
    {
      subject: 'Störungsinfos nur online',
      message:
        'Meine Nachbarin ist 86 und hat kein Internet. Informationen zu geplanten Abschaltungen gibt es aber nur auf Ihrer Website & in der App.\n\n{name}',
    },
  ],
  other: [
    {
      subject: 'Kundenzentrum nicht rollstuhlgerecht',
      message:
        'Guten Tag,\n\nder Eingang zum Kundenzentrum hat zwei Stufen und die Klingel für die Rampe funktioniert nicht. Ich musste draußen warten.\n\nMit freundlichen Grüßen\n{name}',
    },
    {
      subject: 'Stellenanzeige "junges Team"',
      message:
        'In Ihrer Stellenanzeige steht "Wir suchen Verstärkung für unser junges, dynamisches Team". Ist das nicht altersdiskriminierend?\n\n{name}',
    },
  ],
};
