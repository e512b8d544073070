import { describe, expect, it } from 'vitest';
import { windowSize } from '../../main/electron/window-size.ts';

describe('main window size', () => {
  it('fits a 1366×768 laptop at 125 % scaling (work area about 1093×580)', () => {
    const size = windowSize({ width: 1093, height: 580 });
    expect(size.minWidth).toBeLessThanOrEqual(1093);
    expect(size.minHeight).toBeLessThanOrEqual(580);
    expect(size.width).toBeLessThanOrEqual(1093);
    expect(size.height).toBeLessThanOrEqual(580);
  });

  it('opens at 1280×800 with a 1024×560 minimum on larger screens', () => {
    expect(windowSize({ width: 1920, height: 1040 })).toEqual({
      width: 1280,
      height: 800,
      minWidth: 1024,
      minHeight: 560,
    });
  });

  it('never asks for more than a very small screen has', () => {
    expect(windowSize({ width: 800, height: 500 })).toEqual({
      width: 800,
      height: 500,
      minWidth: 800,
      minHeight: 500,
    });
  });
});
