// The main window's size for the screen it opens on. Township laptops are often 1366×768 at 125 %
// scaling: after the taskbar that leaves about 1093×580 device-independent pixels, so a fixed minimum
// of 1024×680 pushed the window's bottom edge off the screen. No 'electron' import: unit-tested.

export interface Size {
  width: number;
  height: number;
}

/** The layout needs this much; below it the tables scroll sideways. */
export const PREFERRED_MINIMUM: Size = { width: 1024, height: 560 };
const PREFERRED: Size = { width: 1280, height: 800 };

export function windowSize(workArea: Size): Size & { minWidth: number; minHeight: number } {
  const fit = (want: number, available: number) => Math.max(1, Math.min(want, available));
  return {
    width: fit(PREFERRED.width, workArea.width),
    height: fit(PREFERRED.height, workArea.height),
    minWidth: fit(PREFERRED_MINIMUM.width, workArea.width),
    minHeight: fit(PREFERRED_MINIMUM.height, workArea.height),
  };
}
