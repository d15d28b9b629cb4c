/** The compiled migrations (`npm run build`) applied to `url`, as globalSetup does for the template. */
export async function migrate(url: string): Promise<void> {
  const script = '../../scripts/migrate.mjs';
  const { runMigrations } = (await import(script)) as { runMigrations(url: string): Promise<string[]> };
  await runMigrations(url);
}
