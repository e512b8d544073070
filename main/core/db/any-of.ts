// "This column holds one of these values" as bound SQL, the one way lists filter and summaries count:
// '' in the values means 未填写 (NULL in the table); a multi-valued column ("02,04") matches whole codes.

export function anyOf(
  expr: string,
  values: readonly (string | number)[],
  multi = false,
): { sql: string; params: (string | number)[] } {
  const given = values.filter((v) => v !== '');
  const parts: string[] = [];
  const params: (string | number)[] = [];
  if (multi) {
    for (const v of given) {
      parts.push(`(',' || ${expr} || ',') LIKE ?`);
      params.push(`%,${String(v)},%`);
    }
  } else if (given.length > 0) {
    parts.push(`${expr} IN (${given.map(() => '?').join(', ')})`);
    params.push(...given);
  }
  if (given.length < values.length) parts.push(`${expr} IS NULL`);
  return { sql: `(${parts.join(' OR ')})`, params };
}
