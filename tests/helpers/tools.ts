// Tests that need an outside tool (LibreOffice, unzip, python3, root for a tmpfs, the shared samples).
// On a developer's machine without it they skip with a message; under CI=true they never skip:
// .ci/run installs what they need, and a missing tool must fail the run rather than hide a gap.
export function skipWithout(present: boolean, what: string): boolean {
  if (present) return false;
  if (process.env.CI === 'true') return false;
  console.warn(`skipped: ${what} is not available here (under CI=true this test runs and fails)`);
  return true;
}
