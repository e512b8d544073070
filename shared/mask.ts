// 证件号码、电话号码脱敏显示。只按长度处理，不校验号码本身；首尾空白先去掉。

const stars = (n: number): string => '*'.repeat(Math.max(0, n));

/** 保留前 head 个、后 tail 个字符，中间全部换成 '*'（按码点计，不拆开代理对）。 */
function keep(chars: readonly string[], head: number, tail: number): string {
  return (
    chars.slice(0, head).join('') +
    stars(chars.length - head - tail) +
    chars.slice(chars.length - tail).join('')
  );
}

/**
 * 证件号码脱敏：
 *   - 15 位及以上：前 6 位 + '*' + 后 4 位（18 位 → '420626********1234'，15 位 5 个星，20/22 位 10/12 个星）；
 *   - 10–14 位：前 3 位 + '*' + 后 2 位（至少 5 个星）；
 *   - 3–9 位：只留后 2 位；1–2 位：全部打星；
 *   - 空串 → ''。
 */
export function maskIdNumber(id: string): string {
  const chars = Array.from(id.trim());
  const n = chars.length;
  if (n === 0) return '';
  if (n >= 15) return keep(chars, 6, 4);
  if (n >= 10) return keep(chars, 3, 2);
  if (n > 2) return keep(chars, 0, 2);
  return stars(n);
}

/**
 * 电话号码脱敏：11 位数字（手机号）→ '138****5678'；其他长度在 7 位及以上时保留前 3 位和后 2 位，
 * 不足 7 位全部打星；空串 → ''。
 */
export function maskPhone(phone: string): string {
  const p = phone.trim();
  const chars = Array.from(p);
  const n = chars.length;
  if (n === 0) return '';
  if (/^\d{11}$/.test(p)) return keep(chars, 3, 4);
  if (n >= 7) return keep(chars, 3, 2);
  return stars(n);
}

/**
 * 脱敏，但露出搜索时输入的那几位（如按身份证后 6 位搜索：'420626********123456' 中的 '123456'），
 * 让办事员能核对搜到的是不是要找的人。fragment 为 null、少于 3 位或号码中没有它时与普通脱敏相同。
 * 露出的是号码中最后一处出现的位置（后几位搜索最常见）。
 */
function maskShowing(value: string, fragment: string | null, mask: (v: string) => string): string {
  const masked = mask(value);
  const v = value.trim().toUpperCase();
  const f = fragment?.toUpperCase() ?? '';
  const at = f.length >= 3 ? v.lastIndexOf(f) : -1;
  if (at < 0 || masked.length !== v.length) return masked;
  return masked.slice(0, at) + v.slice(at, at + f.length) + masked.slice(at + f.length);
}

export const maskIdNumberShowing = (id: string, fragment: string | null): string =>
  maskShowing(id, fragment, maskIdNumber);

export const maskPhoneShowing = (phone: string, fragment: string | null): string =>
  maskShowing(phone, fragment, maskPhone);
