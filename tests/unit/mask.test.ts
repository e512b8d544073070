import { describe, it, expect } from 'vitest';
import { maskIdNumber, maskIdNumberShowing, maskPhone, maskPhoneShowing } from '../../shared/mask.ts';

const DIGITS = '4206261985123112341101234567890';
const digits = (n: number): string => DIGITS.slice(0, n);

describe('maskIdNumber', () => {
  it('18 chars → first 6 + 8 stars + last 4', () => {
    expect(maskIdNumber('420626198512311234')).toBe('420626********1234');
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
  });
  it('15 chars → first 6 + 5 stars + last 4', () => {
    expect(maskIdNumber('420626850307123')).toBe('420626*****7123');
  });
  it('20 chars → first 6 + 10 stars + last 4', () => {
    expect(maskIdNumber('42062619851231123411')).toBe('420626**********3411');
  });
  it('22 chars → first 6 + 12 stars + last 4', () => {
    expect(maskIdNumber('4206261985123112341101')).toBe('420626************1101');
  });
  it('empty → empty', () => {
    expect(maskIdNumber('')).toBe('');
    expect(maskIdNumber('   ')).toBe('');
  });
  it('trims surrounding whitespace first', () => {
    expect(maskIdNumber('  420626198512311234 ')).toBe('420626********1234');
  });
  it('hides the birth date and sequence of a placeholder-length and a card id', () => {
    expect(maskIdNumber('999999198503071234')).toBe('999999********1234');
  });

  // Every length 1..31: the exact expected output, written out as a table.
  it.each([
    [1, '*'],
    [2, '**'],
    [3, '*20'],
    [4, '**06'],
    [5, '***62'],
    [6, '****26'],
    [7, '*****61'],
    [8, '******19'],
    [9, '*******98'],
    [10, '420*****85'],
    [11, '420******51'],
    [12, '420*******12'],
    [13, '420********23'],
    [14, '420*********31'],
    [15, '420626*****2311'],
    [16, '420626******3112'],
    [17, '420626*******1123'],
    [18, '420626********1234'],
    [19, '420626*********2341'],
    [20, '420626**********3411'],
    [21, '420626***********4110'],
    [22, '420626************1101'],
    [23, '420626*************1012'],
    [24, '420626**************0123'],
    [25, '420626***************1234'],
    [31, '420626*********************7890'],
  ])('length %i → %s', (n, expected) => {
    expect(maskIdNumber(digits(n))).toBe(expected);
  });

  it('invariants for every length 0..31: same length, never reveals more than 10 chars, hides at least 5 from 10 on', () => {
    for (let n = 0; n <= 31; n++) {
      const id = digits(n);
      const m = maskIdNumber(id);
      expect(m).toHaveLength(n);
      const visible = [...m].filter((c) => c !== '*').length;
      const hidden = n - visible;
      expect(visible).toBeLessThanOrEqual(10);
      if (n >= 10) expect(hidden).toBeGreaterThanOrEqual(5);
      if (n >= 3 && n < 10) expect(visible).toBe(2);
      if (n > 0 && n <= 2) expect(visible).toBe(0);
      // Every visible char is the original at that position.
      for (let i = 0; i < n; i++) {
        if (m.charAt(i) !== '*') expect(m.charAt(i)).toBe(id.charAt(i));
      }
      // The birth date part of an 18-digit id is always hidden.
      if (n === 18) expect(m.slice(6, 14)).toBe('********');
    }
  });

  it('counts characters, not UTF-16 units', () => {
    expect(maskIdNumber('无证件')).toBe('*证件');
    expect(maskIdNumber('𠀀𠀀𠀀')).toBe('*𠀀𠀀');
  });
});

describe('maskPhone', () => {
  it('11-digit mobile → 138****5678', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('19900001111')).toBe('199****1111');
  });
  it('trims surrounding whitespace', () => {
    expect(maskPhone(' 13812345678 ')).toBe('138****5678');
  });
  it('empty → empty', () => {
    expect(maskPhone('')).toBe('');
    expect(maskPhone('  ')).toBe('');
  });
  it.each([
    ['1234567', '123**67'],
    ['12345678', '123***78'],
    ['071032123', '071****23'],
    ['0710321234', '071*****34'],
    ['071032123456', '071*******56'],
    ['0710-3212345', '071*******45'],
    ['138-1234-5678', '138********78'],
    ['+8613812345678', '+86*********78'],
    ['1381234567a', '138******7a'],
  ])('other lengths ≥ 7 keep first 3 and last 2: %s → %s', (phone, expected) => {
    expect(maskPhone(phone)).toBe(expected);
  });
  it.each([
    ['1', '*'],
    ['12', '**'],
    ['123', '***'],
    ['1234', '****'],
    ['12345', '*****'],
    ['123456', '******'],
  ])('shorter than 7 → all stars: %s → %s', (phone, expected) => {
    expect(maskPhone(phone)).toBe(expected);
  });
  it('invariants for every length 0..20', () => {
    for (let n = 0; n <= 20; n++) {
      const p = '13812345678901234567890'.slice(0, n);
      const m = maskPhone(p);
      expect(m).toHaveLength(n);
      const visible = [...m].filter((c) => c !== '*').length;
      if (n === 11) expect(visible).toBe(7);
      else if (n >= 7) expect(visible).toBe(5);
      else expect(visible).toBe(0);
      expect(m.slice(0, n >= 7 ? 3 : 0)).toBe(p.slice(0, n >= 7 ? 3 : 0));
    }
  });
});

describe('maskIdNumberShowing / maskPhoneShowing (the digits a search typed)', () => {
  it('shows the last 6 digits searched, the rest masked as usual', () => {
    expect(maskIdNumberShowing('420626198512311234', '311234')).toBe('420626******311234');
    expect(maskIdNumberShowing('11010519491231002X', '31002x')).toBe('110105******31002X');
    expect(maskPhoneShowing('13812345678', '2345')).toBe('138*2345678');
  });
  it('is the plain mask for no fragment, a short one or one the number does not hold', () => {
    expect(maskIdNumberShowing('420626198512311234', null)).toBe('420626********1234');
    expect(maskIdNumberShowing('420626198512311234', '12')).toBe('420626********1234');
    expect(maskIdNumberShowing('420626198512311234', '999999')).toBe('420626********1234');
  });
});
