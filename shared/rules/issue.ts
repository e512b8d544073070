/** One finding of a validation rule, in Chinese, tied to a field where it has one. */
export interface Issue {
  field: string | null;
  level: 'error' | 'warning';
  message: string;
  /** A value the form can offer to fill in (出生日期/性别 from the ID). */
  fix?: { field: string; value: string; label: string };
}

export const hasErrors = (issues: readonly Issue[]): boolean => issues.some((i) => i.level === 'error');
