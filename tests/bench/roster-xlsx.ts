// Benchmark input: a county's persons as a 30-column .xlsx written the way Excel writes (shared strings,
// dates as serial numbers with a date style, ordinary deflate), from a sample ledger.
import type Database from 'better-sqlite3';
import { ZipFileWriter } from '../../main/core/xlsx-write/zip-stream.ts';
import { CODE_TABLES, codeLabel } from '../../shared/code-tables/index.ts';

export const ROSTER_HEADERS = [
  '乡镇', '村', '组', '户编号', '户主姓名', '姓名', '性别', '证件号码', '出生日期', '民族', '与户主关系', '文化程度',
  '在校生状况', '健康状况', '劳动技能', '务工时间（月）', '政治面貌', '是否参加城乡居民基本医疗保险', '是否参加大病保险',
  '是否参加城乡居民基本养老保险', '是否享受低保', '是否特困供养人员', '成员联系电话', '贫困户属性', '户类型', '脱贫状态',
  '主要致贫原因', '家庭人口数', '户联系电话', '年度',
]; // prettier-ignore

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const col = (i: number) => (i < 26 ? String.fromCharCode(65 + i) : `A${String.fromCharCode(65 + i - 26)}`);
const serial = (iso: string) =>
  Math.round((Date.parse(`${iso}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000);
const yn = (v: number | null) => (v === 1 ? '是' : v === 0 ? '否' : '');
const label = (key: keyof typeof CODE_TABLES, code: string | null) =>
  code === null
    ? ''
    : code
        .split(',')
        .map((c) => codeLabel(CODE_TABLES[key], c))
        .join(',');

interface Row {
  township: string; village: string; grp: string | null; household_no: string; head_name: string | null; name: string; sex: string;
  id_number: string; birth_date: string | null; ethnicity: string | null; relation: string; education: string | null; school_status: string | null;
  health: string | null; labor_skill: string | null; work_months: number | null; political_status: string | null; medical_insurance: number | null;
  serious_illness_insurance: number | null; pension_insurance: number | null; dibao: number | null; tekun: number | null; phone: string | null;
  poverty_attribute: string | null; household_type: string | null; poverty_status: string | null; main_cause: string | null;
  member_count: number; hphone: string | null; year: number;
} // prettier-ignore

/**
 * One filler item: a clerk-like remark made unique by its index, with 3 pseudo-random bytes so that it
 * deflates about 40:1 (inside the inflate-ratio limit of 60), like the file of the review.
 */
const FILLER_PHRASE = '村民委员会备注：该户情况已核实，家庭成员信息与户籍一致，无异常。'.repeat(2);
const fillerItem = (i: number) => {
  const noise = (Math.imul(i + 1, 2654435761) >>> 8) & 0xffffff;
  return `<si><t>${FILLER_PHRASE}${i.toString(36).padStart(6, '0')}${noise.toString(16).padStart(6, '0')}</t></si>`;
};

export interface RosterXlsxOptions {
  /**
   * Shared strings no roster cell shows, about this many bytes of XML, put before the roster's own (so
   * the reader must go through all of them); one extra column 附注 of the first person shows the last.
   */
  fillerStringBytes?: number;
}

/** Writes every person of the ledger; returns the row count. */
export function writeRosterXlsx(
  db: Database.Database,
  file: string,
  options: RosterXlsxOptions = {},
): number {
  const fillers = Math.floor((options.fillerStringBytes ?? 0) / Buffer.byteLength(fillerItem(0)));
  const sst = new Map<string, number>();
  const s = (text: string) => {
    let i = sst.get(text);
    if (i === undefined) sst.set(text, (i = sst.size));
    return fillers + i;
  };
  const zip = new ZipFileWriter(file);
  const sheet = zip.openEntry('xl/worksheets/sheet1.xml');
  sheet.write(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
  );
  sheet.write(
    `<row r="1">${ROSTER_HEADERS.map((h, i) => `<c r="${col(i)}1" t="s"><v>${s(h)}</v></c>`).join('')}${
      fillers > 0 ? `<c r="AE1" t="s"><v>${s('附注')}</v></c>` : ''
    }</row>`,
  );
  const rows = db
    .prepare(
      `SELECT t.name AS township, v.name AS village, g.name AS grp, h.household_no, h.head_name, p.name, p.sex, p.id_number,
              p.birth_date, p.ethnicity, p.relation, p.education, p.school_status, p.health, p.labor_skill, p.work_months,
              p.political_status, p.medical_insurance, p.serious_illness_insurance, p.pension_insurance, p.dibao, p.tekun,
              p.phone, h.poverty_attribute, h.household_type, h.poverty_status, h.main_cause, h.member_count,
              h.phone AS hphone, h.year
       FROM persons p JOIN households h ON h.id = p.household_id
       JOIN regions t ON t.code = h.township_code JOIN regions v ON v.code = h.village_code
       LEFT JOIN regions g ON g.code = h.group_code ORDER BY h.id, p.relation, p.id`,
    )
    .iterate() as IterableIterator<Row>;
  let r = 1;
  for (const p of rows) {
    r += 1;
    const cells: Array<string | number | null> = [
      p.township, p.village, p.grp, p.household_no, p.head_name, p.name, label('sex', p.sex), p.id_number,
      p.birth_date ? -serial(p.birth_date) : null, label('ethnicity', p.ethnicity), label('relation', p.relation),
      label('education', p.education), label('school_status', p.school_status), label('health', p.health),
      label('labor_skill', p.labor_skill), p.work_months, label('political_status', p.political_status), yn(p.medical_insurance),
      yn(p.serious_illness_insurance), yn(p.pension_insurance), yn(p.dibao), yn(p.tekun), p.phone,
      label('poverty_attribute', p.poverty_attribute), label('household_type', p.household_type),
      label('poverty_status', p.poverty_status), label('poverty_cause', p.main_cause), p.member_count, p.hphone, p.year,
    ]; // prettier-ignore
    let xml = `<row r="${r}">`;
    cells.forEach((v, i) => {
      if (v === null || v === '') return;
      const ref = `${col(i)}${r}`;
      // Dates are passed negated above to mark them: a serial with the date style (s="1").
      if (typeof v === 'number')
        xml += v < 0 ? `<c r="${ref}" s="1"><v>${-v}</v></c>` : `<c r="${ref}"><v>${v}</v></c>`;
      else xml += `<c r="${ref}" t="s"><v>${s(v)}</v></c>`;
    });
    if (r === 2 && fillers > 0) xml += `<c r="AE2" t="s"><v>${fillers - 1}</v></c>`;
    sheet.write(`${xml}</row>`);
  }
  sheet.write('</sheetData></worksheet>');
  sheet.end();
  const strings = zip.openEntry('xl/sharedStrings.xml');
  strings.write(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${fillers + sst.size}" uniqueCount="${fillers + sst.size}">`,
  );
  let chunk = '';
  for (let i = 0; i < fillers; i++) {
    chunk += fillerItem(i);
    if (chunk.length > 1 << 20) {
      strings.write(chunk);
      chunk = '';
    }
  }
  for (const text of sst.keys()) {
    chunk += `<si><t>${esc(text)}</t></si>`;
    if (chunk.length > 1 << 20) {
      strings.write(chunk);
      chunk = '';
    }
  }
  strings.write(`${chunk}</sst>`);
  strings.end();
  zip.addEntry(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>',
  );
  zip.addEntry(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
  );
  zip.addEntry(
    'xl/workbook.xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="花名册" sheetId="1" r:id="rId1"/></sheets></workbook>',
  );
  zip.addEntry(
    'xl/_rels/workbook.xml.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
  );
  zip.addEntry(
    'xl/styles.xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts><fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>',
  );
  zip.finish();
  return r - 1;
}
