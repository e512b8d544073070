// Browser mode gets its session token in the URL fragment (`#token=…`), which never reaches the server
// or its logs. The renderer takes it out of the address bar at once (see transport.ts for where it is kept).

export interface HashToken {
  token: string | null;
  /** The fragment without the token part: '' or '#…' (other parameters are kept). */
  remainingHash: string;
}

export function takeTokenFromHash(hash: string): HashToken {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  if (body === '') return { token: null, remainingHash: '' };
  let token: string | null = null;
  const rest: string[] = [];
  for (const part of body.split('&')) {
    if (part.startsWith('token=')) {
      const raw = part.slice('token='.length);
      try {
        token = decodeURIComponent(raw);
      } catch {
        token = raw;
      }
    } else if (part !== '') {
      rest.push(part);
    }
  }
  return { token: token === '' ? null : token, remainingHash: rest.length > 0 ? `#${rest.join('&')}` : '' };
}
