// 居民身份证号码（GB 11643-1999）的规范化、校验与解析。
//
// 18 位 = 6 位地址码 + 8 位出生日期码 YYYYMMDD + 3 位顺序码 + 1 位校验码。
// 校验码：S = Σ a_i·W_i（i = 1..17），W = 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2，
// Y = S mod 11，Y = 0..10 依次对应 1 0 X 9 8 7 6 5 4 3 2（ISO 7064 MOD 11-2）。
// 顺序码末位（第 17 位）奇数为男、偶数为女；性别用 GB/T 2261.1 代码：'1' 男，'2' 女。
//
// 地址码只查前两位（省级）：不是省级代码的号码一定有误。6 位地址码是否在区划代码中由主进程查
// （main/core/persons/id-registry.ts，区划目录只在那里可用），查不到只提示：旧证上已撤销的代码仍有效。
//
// 台账里还会遇到几种不合标准但要收下并打标记的值：
//   - 15 位旧号（GB 11643-1989）：地址码 + YYMMDD + 顺序码，默认升级为 18 位；
//   - 20/22 位残疾人证号：前 18 位是身份证号，第 19 位残疾类别（1–7），第 20 位残疾等级（1–4）；
//   - 以 999999 开头的 18 位占位号：无身份证人员，不推导出生日期和性别。
//
// 纯 TypeScript：不用 Node 或 DOM 的 API，主进程和渲染进程都可以引用。

export type IdKind = 'resident-18' | 'resident-15' | 'disability-card' | 'placeholder';

export interface IdInfo {
  /** 规范化后的号码；15 位旧号默认为升级后的 18 位。 */
  normalized: string;
  kind: IdKind;
  /** YYYY-MM-DD；占位号为 null。 */
  birthDate: string | null;
  /** GB/T 2261.1：'1' 男，'2' 女；占位号为 null。 */
  sex: '1' | '2' | null;
  addressCode: string | null;
  /** 15 位旧号、残疾人证号、占位号为 true。 */
  flagged: boolean;
  /** 标记的中文说明。 */
  note: string | null;
}

export type IdErrorCode =
  | 'empty'
  | 'bad-chars'
  | 'bad-length'
  | 'bad-date'
  | 'future-date'
  | 'bad-checksum'
  | 'bad-area'
  | 'bad-disability-digits'
  | 'bad-placeholder'
  | 'numeric-precision-lost';

export type IdCheck = { ok: true; info: IdInfo } | { ok: false; code: IdErrorCode; message: string };

export interface ParseIdOptions {
  /** 'YYYY-MM-DD'，默认今天（本地时间）。出生日期不得晚于它。 */
  today?: string;
  /** 默认 true：15 位旧号升级为 18 位返回（kind 仍为 'resident-15'）。 */
  upgrade15?: boolean;
}

/** 加权因子 W_1..W_17。 */
export const ID_WEIGHTS: readonly number[] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/** 下标为 S mod 11。 */
const CHECK_CHARS = '10X98765432';

/** 占位号前缀：无身份证人员。 */
export const PLACEHOLDER_PREFIX = '999999';

/** 占位号的写法：国家系统的占位号和身份证号一样是 18 位，前 6 位为 999999。 */
export const PLACEHOLDER_HINT =
  '无身份证人员的占位号应为 18 位：999999 后接 12 位数字（例如 999999 + 出生日期 8 位 + 序号 4 位：999999198503070001），全县不得重复';

/**
 * 地址码前两位：GB/T 2260 的省、自治区、直辖市（含 71 台湾、81 香港、82 澳门），
 * 以及港澳台居民居住证用的 83（台湾居民）。
 */
const PROVINCE_CODES: ReadonlySet<string> = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65',
  '71', '81', '82', '83',
]); // prettier-ignore

export const isProvinceCode = (code2: string): boolean => PROVINCE_CODES.has(code2);

export const NUMERIC_PRECISION_LOST_MESSAGE =
  '证件号码被 Excel 存成了数字，末几位已丢失，请把该列设为文本后重新录入';

const MIN_BIRTH_YEAR = 1900;

// 空白：ASCII 空格、制表、换行、不换行空格、全角空格 U+3000 等（\s 已含），再加零宽字符。
const SPACES_RE = /[\s\u200B-\u200D\u2060]/g;
// 全角 ASCII（U+FF01..U+FF5E，含 ０-９、Ａ-Ｚ、ａ-ｚ）对应 U+0021..U+007E。
const FULL_WIDTH_RE = /[\uFF01-\uFF5E]/g;
// Excel 把长数字显示成科学计数法：4.20626E+17、4.20626198503071E17。
const SCIENTIFIC_RE = /^\d+(?:\.\d+)?E[+]?\d+$/i;
const DATE_RE = /^(\d{4})-?(\d{2})-?(\d{2})$/;

/**
 * 规范化：去掉首尾及中间的空白（含全角空格），全角数字、字母转半角，小写 x 转大写 X。
 * 不做其他校验，非法字符原样保留。
 */
export function normalizeIdNumber(raw: string): string {
  return raw
    .replace(SPACES_RE, '')
    .replace(FULL_WIDTH_RE, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/x/g, 'X');
}

/** 由前 17 位数字算出校验码（'0'..'9' 或 'X'）。前 17 位不是 17 个数字时抛错。 */
export function checkDigit(first17: string): string {
  if (!/^\d{17}$/.test(first17)) {
    throw new Error(`计算校验位需要 17 位数字，实为“${first17}”`);
  }
  return checkChar(first17);
}

/** checkDigit of a string whose first 17 characters are known to be digits. */
function checkChar(digits: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (digits.charCodeAt(i) - 48) * (ID_WEIGHTS[i] as number);
  return CHECK_CHARS.charAt(sum % 11);
}

/**
 * 17 digits then a digit or X and nothing else: the usual cell. Normalising leaves it as it is and the
 * character checks pass, so parseIdNumber skips them (an import parses 400,000 such numbers).
 */
export function isPlain18(s: string): boolean {
  if (s.length !== 18) return false;
  for (let i = 0; i < 17; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  const last = s.charCodeAt(17);
  return (last >= 48 && last <= 57) || last === 88;
}

/** The number of the digits [from, from + n) of a string known to hold digits there. */
function digitsAt(s: string, from: number, n: number): number {
  let v = 0;
  for (let i = from; i < from + n; i++) v = v * 10 + s.charCodeAt(i) - 48;
  return v;
}

/** 15 位旧号升级为 18 位：第 6 位后插入 '19'，补校验码。不是 15 位数字时抛错（不校验日期）。 */
export function upgrade15To18(id15: string): string {
  const id = normalizeIdNumber(id15);
  if (!/^\d{15}$/.test(id)) {
    throw new Error(`15 位旧身份证号应为 15 位数字，实为“${id15}”`);
  }
  const first17 = `${id.slice(0, 6)}19${id.slice(6)}`;
  return first17 + checkDigit(first17);
}

type Fail = { ok: false; code: IdErrorCode; message: string };
const fail = (code: IdErrorCode, message: string): Fail => ({ ok: false, code, message });

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** 'YYYYMMDD' 是否为 1900 年及以后的真实日期。 */
function isRealDate8(ymd: string): boolean {
  if (!/^\d{8}$/.test(ymd)) return false;
  const y = digitsAt(ymd, 0, 4);
  const m = digitsAt(ymd, 4, 2);
  const d = digitsAt(ymd, 6, 2);
  return y >= MIN_BIRTH_YEAR && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

function dashed(ymd: string): string {
  return `${ymd.slice(0, 4)}-${ymd.slice(4, 6)}-${ymd.slice(6, 8)}`;
}

/** 'YYYY-MM-DD' 或 'YYYYMMDD' → 'YYYYMMDD'；不是真实日期时返回 null。 */
function toDate8(date: string): string | null {
  const m = DATE_RE.exec(date.trim());
  if (!m) return null;
  const ymd = `${m[1]}${m[2]}${m[3]}`;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo) ? ymd : null;
}

// 今天（本地时间）的 YYYYMMDD 及其起止时刻：导入时每个号码都要比较，不必每次新建 Date。
let today = { value: '', from: 0, until: 0 };

function todayDate8(given: string | undefined): string {
  if (given !== undefined) {
    const t = toDate8(given);
    if (t === null) throw new Error(`today 参数应为 YYYY-MM-DD 格式的有效日期，实为“${given}”`);
    return t;
  }
  const ms = Date.now();
  if (ms >= today.from && ms < today.until) return today.value;
  const now = new Date(ms);
  const y = String(now.getFullYear()).padStart(4, '0');
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  today = {
    value: `${y}${m}${d}`,
    from: new Date(now.getFullYear(), now.getMonth(), now.getDate()).getTime(),
    until: new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1).getTime(),
  };
  return today.value;
}

function checkBirthDate(ymd: string, today8: string): Fail | null {
  if (digitsAt(ymd, 0, 4) < MIN_BIRTH_YEAR) {
    return fail('bad-date', `出生日期 ${ymd} 不是有效日期：早于 ${MIN_BIRTH_YEAR} 年`);
  }
  if (!isRealDate8(ymd)) return fail('bad-date', `出生日期 ${ymd} 不是有效日期`);
  if (ymd > today8) return fail('future-date', `出生日期 ${ymd} 晚于今天（${dashed(today8)}）`);
  return null;
}

function sexOfDigit(digit: string): '1' | '2' {
  return Number(digit) % 2 === 1 ? '1' : '2';
}

interface Core18 {
  birthDate: string;
  sex: '1' | '2';
  addressCode: string;
}

function checkArea(id: string): Fail | null {
  const province = id.slice(0, 2);
  if (isProvinceCode(province)) return null;
  return fail(
    'bad-area',
    `身份证号前两位“${province}”不是任何省、自治区、直辖市的代码：号码有误，请与证件逐位核对`,
  );
}

// 不说“应为几”：校验码只说明号码里有一位抄错或两位颠倒，错的多半是前 17 位中的某一位；
// 照着改最后一位，会把看得出的错号变成看不出的别人的号。
const CHECKSUM_MESSAGE =
  '身份证号未通过校验：号码中有数字抄错或前后颠倒，请与证件逐位核对（不要只改最后一位）';

/** 校验 18 位号码（已确认为 17 位数字 + 数字或 X）：依次查地址码、出生日期、校验码。 */
function check18(id: string, today8: string): Fail | Core18 {
  const areaError = checkArea(id);
  if (areaError) return areaError;
  const ymd = id.slice(6, 14);
  const dateError = checkBirthDate(ymd, today8);
  if (dateError) return dateError;
  // The caller has checked that the first 17 characters are digits.
  if (checkChar(id) !== id.charAt(17)) {
    const hint = id.endsWith('000') ? '（末三位为 000，可能被 Excel 存成了数字，末几位已丢失）' : '';
    return fail('bad-checksum', `${CHECKSUM_MESSAGE}${hint}`);
  }
  return { birthDate: dashed(ymd), sex: sexOfDigit(id.charAt(16)), addressCode: id.slice(0, 6) };
}

function badChar(id: string): Fail | null {
  const bad = /[^0-9X]/u.exec(id);
  if (bad) return fail('bad-chars', `身份证号含非法字符“${bad[0]}”：只能是数字，末位可为 X`);
  return null;
}

/**
 * 解析并校验证件号码。接受 18 位身份证号；15 位旧号（默认升级为 18 位）、20/22 位残疾人证号
 * 和 999999 开头的占位号也接受，但 flagged 为 true 并在 note 中说明。
 */
export function parseIdNumber(raw: string, opts: ParseIdOptions = {}): IdCheck {
  const today8 = todayDate8(opts.today);
  const upgrade15 = opts.upgrade15 ?? true;
  const plain = isPlain18(raw);
  const id = plain ? raw : normalizeIdNumber(raw);

  if (!plain) {
    if (id === '') return fail('empty', '身份证号为空');
    if (SCIENTIFIC_RE.test(id)) return fail('numeric-precision-lost', NUMERIC_PRECISION_LOST_MESSAGE);
    const charError = badChar(id);
    if (charError) return charError;
  }

  if (id.startsWith(PLACEHOLDER_PREFIX)) {
    if (id.length !== 18 || id.indexOf('X') >= 0) {
      return fail('bad-placeholder', `${PLACEHOLDER_HINT}；现为 ${id.length} 位“${id}”`);
    }
    return {
      ok: true,
      info: {
        normalized: id,
        kind: 'placeholder',
        birthDate: null,
        sex: null,
        addressCode: null,
        flagged: true,
        note: '999999 开头的占位号（无身份证人员），未校验，不推算出生日期和性别',
      },
    };
  }

  const len = id.length;
  if (len !== 15 && len !== 18 && len !== 20 && len !== 22) {
    return fail('bad-length', `身份证号应为 18 位（或 15 位旧号），实为 ${len} 位`);
  }

  const xAt = id.indexOf('X');
  if (len === 15 && xAt >= 0) {
    return fail('bad-chars', '身份证号含非法字符“X”：15 位旧号只能是数字');
  }
  if (xAt >= 0 && xAt !== 17) {
    return fail('bad-chars', `身份证号含非法字符“X”：X 只能是第 18 位（校验位），实为第 ${xAt + 1} 位`);
  }

  if (len === 15) {
    const areaError = checkArea(id);
    if (areaError) return areaError;
    const ymd = `19${id.slice(6, 12)}`;
    const dateError = checkBirthDate(ymd, today8);
    if (dateError) return dateError;
    return {
      ok: true,
      info: {
        normalized: upgrade15 ? upgrade15To18(id) : id,
        kind: 'resident-15',
        birthDate: dashed(ymd),
        sex: sexOfDigit(id.charAt(14)),
        addressCode: id.slice(0, 6),
        flagged: true,
        note: upgrade15
          ? `15 位旧身份证号 ${id}，已升级为 18 位`
          : '15 位旧身份证号，未升级为 18 位，建议核对后换成 18 位号码',
      },
    };
  }

  const core = check18(id.slice(0, 18), today8);
  if ('ok' in core) {
    return len === 18 ? core : fail(core.code, `残疾人证号（${len} 位）的前 18 位有误：${core.message}`);
  }
  if (len === 18) {
    return { ok: true, info: { normalized: id, kind: 'resident-18', ...core, flagged: false, note: null } };
  }
  const category = id.charAt(18);
  if (category < '1' || category > '7') {
    return fail(
      'bad-disability-digits',
      `残疾人证号第 19 位是残疾类别，应为 1–7（视力、听力、言语、肢体、智力、精神、多重），实为 ${category}：请与残疾人证核对`,
    );
  }
  const grade = id.charAt(19);
  if (grade < '1' || grade > '4') {
    return fail(
      'bad-disability-digits',
      `残疾人证号第 20 位是残疾等级，应为 1–4（一级至四级），实为 ${grade}：请与残疾人证核对`,
    );
  }
  return {
    ok: true,
    info: {
      normalized: id,
      kind: 'disability-card',
      ...core,
      flagged: true,
      note: `${len} 位残疾人证号，前 18 位为身份证号 ${id.slice(0, 18)}`,
    },
  };
}

/**
 * parseIdNumber(info.normalized) 的结果，不必再解析一遍（导入时每行只解析一次）：
 * 升级后的 15 位旧号就是普通的 18 位号码，其余号码规范化后不变。
 */
export function infoOfNormalized(info: IdInfo): IdInfo {
  if (info.kind !== 'resident-15' || info.normalized.length !== 18) return info;
  return { ...info, kind: 'resident-18', flagged: false, note: null };
}

/**
 * 号码所指的人：残疾人证号是持证人的身份证号加类别、等级，前 18 位相同就是同一人
 * （全县查重比较前 18 位，见国家系统查重规则 02）。其他号码原样返回。参数应为规范化后的号码。
 */
export function idPersonKey(normalized: string): string {
  return normalized.length > 18 && /^\d{17}[\dX]\d+$/.test(normalized) ? normalized.slice(0, 18) : normalized;
}

/** 规范化后是否为合格的 18 位居民身份证号（日期有效且不晚于今天、校验码正确）。 */
export function isValidIdNumber(raw: string): boolean {
  const r = parseIdNumber(raw, { upgrade15: false });
  return r.ok && r.info.kind === 'resident-18';
}

/**
 * 号码中的出生日期码为 YYYY-MM-DD（18 位、20/22 位取第 7–14 位；15 位旧号补 '19'）。
 * 不核对校验码；号码形态不对、日期不是 1900 年及以后的真实日期、占位号时返回 null。
 */
export function birthDateFromId(id: string): string | null {
  const n = normalizeIdNumber(id);
  if (n.startsWith(PLACEHOLDER_PREFIX)) return null;
  let ymd: string;
  if (/^\d{15}$/.test(n)) ymd = `19${n.slice(6, 12)}`;
  else if (/^\d{17}[\dX](?:\d{2}|\d{4})?$/.test(n)) ymd = n.slice(6, 14);
  else return null;
  return isRealDate8(ymd) ? dashed(ymd) : null;
}

/** 号码中的性别（'1' 男，'2' 女）；号码形态不对或为占位号时返回 null。不核对校验码。 */
export function sexFromId(id: string): '1' | '2' | null {
  const n = normalizeIdNumber(id);
  if (n.startsWith(PLACEHOLDER_PREFIX)) return null;
  if (/^\d{15}$/.test(n)) return sexOfDigit(n.charAt(14));
  if (/^\d{17}[\dX](?:\d{2}|\d{4})?$/.test(n)) return sexOfDigit(n.charAt(16));
  return null;
}

/**
 * 到 onDate 当天的周岁（生日当天长一岁）。2 月 29 日出生的人，平年在 3 月 1 日长一岁。
 * onDate 早于出生日期时结果为负。日期接受 'YYYY-MM-DD' 或 'YYYYMMDD'，无效时抛错。
 */
export function ageOn(birthDate: string, onDate: string): number {
  const b = toDate8(birthDate);
  if (b === null) throw new Error(`出生日期“${birthDate}”不是有效日期`);
  const o = toDate8(onDate);
  if (o === null) throw new Error(`日期“${onDate}”不是有效日期`);
  const years = Number(o.slice(0, 4)) - Number(b.slice(0, 4));
  return o.slice(4) < b.slice(4) ? years - 1 : years;
}

/**
 * 生成合格的 18 位身份证号（样例数据用）。sequence3 为 0..999 的整数，
 * 其奇偶决定性别：奇数男，偶数女。参数不合法时抛错。
 */
export function makeIdNumber(addressCode6: string, birthDate: string, sequence3: number): string {
  if (!/^\d{6}$/.test(addressCode6)) throw new Error(`地址码应为 6 位数字，实为“${addressCode6}”`);
  if (!isProvinceCode(addressCode6.slice(0, 2)))
    throw new Error(`地址码“${addressCode6}”的前两位不是省级代码`);
  const b = toDate8(birthDate);
  if (b === null || !isRealDate8(b)) {
    throw new Error(`出生日期“${birthDate}”不是 1900 年及以后的有效日期`);
  }
  if (!Number.isInteger(sequence3) || sequence3 < 0 || sequence3 > 999) {
    throw new Error(`顺序码应为 0..999 的整数，实为 ${sequence3}`);
  }
  const first17 = addressCode6 + b + String(sequence3).padStart(3, '0');
  return first17 + checkDigit(first17);
}
