// Names as they appear in a Ruhr city's customer base: common German names plus the Turkish,
// Polish, Italian and other names that are just as much part of Bochum. Umlauts and ß on purpose,
// so every layer is tested with them.

export const FEMALE_FIRST_NAMES = [
  'Anna', 'Maria', 'Ursula', 'Monika', 'Petra', 'Elisabeth', 'Sabine', 'Renate', 'Helga', 'Karin',
  'Brigitte', 'Ingrid', 'Erika', 'Andrea', 'Gisela', 'Claudia', 'Susanne', 'Gabriele', 'Christa', 'Birgit',
  'Bärbel', 'Heike', 'Nicole', 'Stefanie', 'Julia', 'Katharina', 'Laura', 'Lea', 'Sarah', 'Lena',
  'Hannah', 'Sophie', 'Emma', 'Mia', 'Marie', 'Johanna', 'Charlotte', 'Jana', 'Kerstin', 'Jutta',
  'Özlem', 'Ayşe', 'Elif', 'Fatma', 'Zeynep', 'Agnieszka', 'Katarzyna', 'Małgorzata', 'Giulia', 'Svetlana',
] as const;

export const MALE_FIRST_NAMES = [
  'Peter', 'Michael', 'Thomas', 'Andreas', 'Wolfgang', 'Klaus', 'Jürgen', 'Günter', 'Stefan', 'Christian',
  'Uwe', 'Werner', 'Horst', 'Frank', 'Dieter', 'Manfred', 'Bernd', 'Ralf', 'Jörg', 'Matthias',
  'Markus', 'Sven', 'Dirk', 'Torsten', 'Holger', 'Jan', 'Lukas', 'Leon', 'Finn', 'Paul',
  'Jonas', 'Felix', 'Maximilian', 'Tim', 'Niklas', 'Ben', 'Elias', 'Noah', 'Heinz', 'Karl-Heinz',
  'Mehmet', 'Mustafa', 'Ahmet', 'Emre', 'Can', 'Piotr', 'Krzysztof', 'Tomasz', 'Marco', 'Dimitrios',
] as const;

export const SURNAMES = [
  'Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann',
  'Schäfer', 'Koch', 'Bauer', 'Richter', 'Klein', 'Wolf', 'Schröder', 'Neumann', 'Schwarz', 'Zimmermann',
  'Braun', 'Krüger', 'Hofmann', 'Hartmann', 'Lange', 'Schmitt', 'Werner', 'Schmitz', 'Krause', 'Meier',
  'Lehmann', 'Schmid', 'Schulze', 'Maier', 'Köhler', 'Herrmann', 'König', 'Walter', 'Mayer', 'Huber',
  'Kaiser', 'Fuchs', 'Peters', 'Lang', 'Scholz', 'Möller', 'Weiß', 'Jung', 'Hahn', 'Schubert',
  'Vogel', 'Friedrich', 'Keller', 'Günther', 'Frank', 'Berger', 'Winkler', 'Roth', 'Beck', 'Lorenz',
  'Baumann', 'Franke', 'Albrecht', 'Schuster', 'Simon', 'Ludwig', 'Böhm', 'Winter', 'Kraus', 'Martin',
  'Schumacher', 'Krämer', 'Vogt', 'Stein', 'Jäger', 'Otto', 'Sommer', 'Groß', 'Seidel', 'Heinrich',
  'Brandt', 'Haas', 'Schreiber', 'Graf', 'Schulte', 'Dietrich', 'Kuhn', 'Kühn', 'Pohl', 'Engel',
  'Yılmaz', 'Kaya', 'Demir', 'Şahin', 'Öztürk', 'Nowak', 'Kowalski', 'Wiśniewski', 'Rossi', 'Papadopoulos',
  'von der Heide', 'Große-Wilde', 'ter Horst', 'Overbeck', 'Kortmann',
] as const;
