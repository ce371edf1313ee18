import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'sqlite',
  schema: ['./electron/core/db/schema.ts', './electron/core/db/officer-schema.ts'],
  out: './electron/core/db/migrations',
});
