/** Says once per run, plainly, that the Postgres suite did not run and how to run it. */
export default function postgresNotice(): void {
  if (process.env['MTASTS_TEST_DATABASE_URL']) return;
  process.stdout.write(
    '\nPostgres suite SKIPPED: MTASTS_TEST_DATABASE_URL is unset. To run it against a PostgreSQL server:\n' +
      '  MTASTS_TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm test\n\n',
  );
}
