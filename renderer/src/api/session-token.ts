// Browser mode's per-launch token, once transport.ts has taken it from the URL or sessionStorage; the
// upload/download helpers read it here. (Kept DOM-free so unit tests can import both sides.)
let token: string | null = null;

export const setSessionToken = (value: string | null): void => {
  token = value;
};

export const sessionToken = (): string | null => token;
