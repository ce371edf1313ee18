// Bochum streets and districts, used inside message texts (payloads carry no address field).

export const STREETS = [
  'Kortumstraße', 'Wittener Straße', 'Castroper Straße', 'Herner Straße', 'Alleestraße',
  'Universitätsstraße', 'Hattinger Straße', 'Dorstener Straße', 'Königsallee', 'Bongardstraße',
  'Viktoriastraße', 'Massenbergstraße', 'Hustadtring', 'Querenburger Straße', 'Essener Straße',
  'Hauptstraße', 'Markstraße', 'Kemnader Straße', 'Wasserstraße', 'Hordeler Straße',
  'Am Kortländer', 'Brückstraße', 'Oskar-Hoffmann-Straße', 'Ruhrstraße', 'Prinz-Regent-Straße',
] as const;

export const DISTRICTS = [
  'Wattenscheid', 'Langendreer', 'Linden', 'Dahlhausen', 'Weitmar', 'Querenburg', 'Gerthe',
  'Hamme', 'Riemke', 'Altenbochum', 'Ehrenfeld', 'Werne', 'Harpen', 'Stiepel', 'Grumme',
] as const;
