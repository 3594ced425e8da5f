/** The queue lives in PostgreSQL: commands that need it accept only a postgres:// (or postgresql://) URL. */
export function isPostgresUrl(spec: string | undefined | null): spec is string {
  if (!spec) return false;
  const lower = spec.slice(0, 16).toLowerCase();
  return lower.startsWith('postgres://') || lower.startsWith('postgresql://');
}

/** The URL with its password masked, for messages and logs. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url.replace(/\/\/[^@/]*@/, '//***@');
  }
}
