import { describe, expect, it } from 'vitest';
import {
  CsvParser,
  sniffDelimiter,
  unwrapFormulaText,
  type CsvDelimiter,
} from '../../main/core/import/read/csv.ts';
import {
  detectEncoding,
  declaredHtmlCharset,
  decodeText,
} from '../../main/core/import/read/text-encoding.ts';

function parse(text: string | string[], delimiter: CsvDelimiter = ','): string[][] {
  const records: string[][] = [];
  const parser = new CsvParser({ delimiter, onRecord: (fields) => records.push(fields) });
  for (const chunk of typeof text === 'string' ? [text] : text) parser.push(chunk);
  parser.end();
  return records;
}

describe('CSV parsing (RFC 4180)', () => {
  it('splits fields and records', () => {
    expect(parse('a,b,c\n1,2,3\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
    ]);
  });

  it('handles quotes, doubled quotes, delimiters and line breaks inside quotes', () => {
    expect(parse('"a,b","他说""好""","第一行\r\n第二行"\r\nx,"",y')).toEqual([
      ['a,b', '他说"好"', '第一行\r\n第二行'],
      ['x', '', 'y'],
    ]);
  });

  it('accepts CRLF, LF and lone CR line ends', () => {
    expect(parse('a\r\nb\nc\rd')).toEqual([['a'], ['b'], ['c'], ['d']]);
  });

  it('keeps an empty line as an empty record (it is a row in Excel too)', () => {
    expect(parse('a\n\nb\n')).toEqual([['a'], [''], ['b']]);
  });

  it('gives the same result however the input is cut into chunks', () => {
    const text = '户编号,姓名,备注\r\n"3418230000000901","朱""镕""基","多行\r\n文本"\r\n2,李四,\r\n';
    const whole = parse(text);
    for (let cut = 1; cut < text.length; cut++) {
      expect(parse([text.slice(0, cut), text.slice(cut)])).toEqual(whole);
    }
    expect(parse(text.split(''))).toEqual(whole);
  });

  it('is lenient like Excel with stray quotes and unterminated quotes', () => {
    expect(parse('5\'11",ab"c\n')).toEqual([['5\'11"', 'ab"c']]);
    expect(parse('"abc"def,g\n')).toEqual([['abcdef', 'g']]);
    expect(parse('a,"unterminated\nstill')).toEqual([['a', 'unterminated\nstill']]);
  });

  it('unwraps ="…" that checkers write to keep IDs as text', () => {
    expect(parse('="341823197310070258",x\n')).toEqual([['341823197310070258', 'x']]);
    expect(parse('"=""0012""",x\n')).toEqual([['0012', 'x']]);
    expect(unwrapFormulaText('=SUM(A1)')).toBe('=SUM(A1)');
  });

  it('stops a runaway field', () => {
    const parser = new CsvParser({
      delimiter: ',',
      onRecord: () => undefined,
      maxField: 10,
      onTooLong: (record, field, length) => {
        throw new Error(`too long ${record} ${field} ${length}`);
      },
    });
    expect(() => parser.push('a,"01234567890123')).toThrow(/too long 0 1/);
  });
});

describe('delimiter sniffing', () => {
  it('finds comma, tab and semicolon', () => {
    expect(sniffDelimiter('姓名,性别,证件号码\n张三,男,1\n李四,女,2\n')).toBe(',');
    expect(sniffDelimiter('姓名\t性别\t证件号码\n张三\t男\t1\n')).toBe('\t');
    expect(sniffDelimiter('姓名;性别;证件号码\n张三;男;1,5\n李四;女;2,5\n')).toBe(';');
  });

  it('is not fooled by delimiters inside quotes or a title line', () => {
    expect(sniffDelimiter('名单\n姓名;健康状况\n张三;"残疾,长期慢性病"\n李四;"健康"\n')).toBe(';');
  });

  it('falls back to comma for one column', () => {
    expect(sniffDelimiter('姓名\n张三\n')).toBe(',');
  });
});

describe('encoding detection', () => {
  const gbk = Buffer.from([0xbb, 0xa7, 0xb1, 0xe0, 0xba, 0xc5]); // 户编号

  it('reads BOMs', () => {
    expect(detectEncoding(Buffer.from([0xef, 0xbb, 0xbf, 0x61]), true)).toEqual({
      encoding: 'utf-8',
      fromBom: true,
    });
    expect(detectEncoding(Buffer.from([0xff, 0xfe, 0x61, 0]), true).encoding).toBe('utf-16le');
    expect(detectEncoding(Buffer.from([0xfe, 0xff, 0, 0x61]), true).encoding).toBe('utf-16be');
  });

  it('takes valid UTF-8 (and ASCII) as UTF-8, anything else as GB18030', () => {
    expect(detectEncoding(Buffer.from('户编号,姓名', 'utf8'), true).encoding).toBe('utf-8');
    expect(detectEncoding(Buffer.from('a,b', 'utf8'), true).encoding).toBe('utf-8');
    expect(detectEncoding(gbk, true).encoding).toBe('gb18030');
    expect(new TextDecoder('gb18030').decode(gbk)).toBe('户编号');
  });

  it('does not mistake a UTF-8 character cut at the probe end for GBK', () => {
    const cut = Buffer.from('户编号', 'utf8').subarray(0, 4);
    expect(detectEncoding(cut, false).encoding).toBe('utf-8');
    expect(detectEncoding(cut, true).encoding).toBe('gb18030');
  });

  it('honours an HTML charset declaration', () => {
    expect(declaredHtmlCharset('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">')).toBe(
      'gb18030',
    );
    expect(declaredHtmlCharset('<meta charset="utf-8">')).toBe('utf-8');
    const html = Buffer.concat([
      Buffer.from('<html><meta charset="gbk"><td>'),
      gbk,
      Buffer.from('</td></html>'),
    ]);
    expect(decodeText(html)).toContain('户编号');
  });
});
