// A condition written as SQL text with `?` placeholders and its values (personMatch, the region filters),
// as a Kysely expression with the same values bound — for queries composed with Kysely's builder that
// reuse those conditions. The text is the program's own, never user text.
import { sql, type RawBuilder, type SqlBool } from 'kysely';

export function boundSql(text: string, params: readonly unknown[]): RawBuilder<SqlBool> {
  const parts = text.split('?');
  if (parts.length !== params.length + 1)
    throw new Error(`boundSql: ${parts.length - 1} placeholders for ${params.length} values in ${text}`);
  const pieces = parts.flatMap((part, i) =>
    i < params.length ? [sql.raw(part), sql`${params[i]}`] : [sql.raw(part)],
  );
  return sql<SqlBool>`(${sql.join(pieces, sql``)})`;
}
