// The Löschkonzept's plain statement of what can remain after a deletion, on the workstation and
// at the backend. The backend's figures are those measured in SECURITY.md ("Deletion at the
// origin: what a dump and the raw files show", 1 December 2026); change both together.

export const RESIDUE_SECTION = {
  heading: 'Was nach dem Löschen bleiben kann',
  paragraphs: [
    'Am Arbeitsplatz: nichts. Die Datenbank des Arbeitsplatzes (SQLite) überschreibt gelöschte Zeilen mit Nullen (secure_delete), ' +
      'schreibt das Write-Ahead-Log sofort in die Datenbank zurück und kürzt es auf null Bytes und gibt frei gewordene Seiten ' +
      'mit VACUUM an das Dateisystem zurück. Der Löschtest der Löschübersicht durchsucht jede Datei des Datenverzeichnisses Byte für Byte.',
    'Im Backend (PostgreSQL) werden die personenbezogenen Felder geleert; ein Export der Datenbank (pg_dump) enthält danach keinen ' +
      'der Werte mehr. In den Dateien des Servers bleiben jedoch Kopien, bis PostgreSQL sie überschreibt. Gemessen nach VACUUM und ' +
      'einem Checkpoint fand sich jeder Wert zweimal im Write-Ahead-Log (WAL) und bis zu zweimal im Speicher der Tabelle der ' +
      'Anfragen (freier Platz alter Zeilenversionen); nach VACUUM FULL nur noch im WAL, sonst nirgends.',
    'Die Kopien im WAL bleiben, bis seine Segmente nach den folgenden Checkpoints wiederverwendet und überschrieben werden; auf ' +
      'einem ruhigen Server so lange, bis das WAL einmal umgelaufen ist. Den freien Platz in der Tabelle überschreiben neue Zeilen ' +
      'oder VACUUM FULL (bzw. pg_repack), das der Betrieb in einem Wartungsfenster ausführen kann.',
    'Sicherungen und WAL-Archive enthalten, was bei ihrer Erstellung gespeichert war, so lange sie aufbewahrt werden: Sie brauchen ' +
      'eine eigene Frist (zum Beispiel 30 Tage), und nach einer Wiederherstellung läuft die periodische Löschung sofort. Texte über ' +
      'etwa 2 kB speichert PostgreSQL komprimiert; für sie gilt dasselbe. Messung vom 1. Dezember 2026 (SECURITY.md, Abschnitt ' +
      '„Deletion at the origin“).',
  ],
};
