/** Timestamps as ISO text (UTC) everywhere rows record when they were written. */
export const nowIso = (): string => new Date().toISOString();
