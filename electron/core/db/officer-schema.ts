// Tables of the officers' desk (issue 5): internal case notes, disclosures to authorities.
// Kept apart from schema.ts so that two engineers can change the schema without colliding.
export {};
