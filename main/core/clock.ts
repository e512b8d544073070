/** Timestamps as ISO text (UTC) everywhere rows record when they were written. */
export const nowIso = (): string => new Date().toISOString();

/** The calendar year on this computer's clock, in local time (a clerk's 年度 turns at his midnight). */
export const currentYear = (): number => new Date().getFullYear();
