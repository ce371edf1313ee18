import { defineConfig } from 'drizzle-kit';

// The backend's PostgreSQL schema (the desk's SQLite one is drizzle.config.ts).
export default defineConfig({
  dialect: 'postgresql',
  schema: ['./backend/db/schema.ts'],
  out: './backend/db/migrations',
});
