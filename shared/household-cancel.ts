// 注销 of a whole household: its members go with it, marked in their 注销说明 so that 恢复此户 brings
// back exactly them (a member cancelled earlier on his own stays cancelled) and the household page can
// count them. One definition for the core that writes the mark and the screen that reads it.

export const WITH_HOUSEHOLD_NOTE = '随户注销';

/** The 注销说明 a member gets when his household is cancelled ('随户注销' or '随户注销：<the note>'). */
export const withHouseholdNote = (note: string | null | undefined): string =>
  note ? `${WITH_HOUSEHOLD_NOTE}：${note}` : WITH_HOUSEHOLD_NOTE;

/** True for a member cancelled together with his household. */
export const cancelledWithHousehold = (cancelNote: string | null | undefined): boolean =>
  cancelNote?.startsWith(WITH_HOUSEHOLD_NOTE) === true;
