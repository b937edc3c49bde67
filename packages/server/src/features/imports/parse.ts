import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

/** A parsed work-order file: header names and the data rows (row numbers as a spreadsheet shows them). */
export interface Sheet {
  format: 'csv' | 'xlsx';
  encoding: 'utf-8' | 'gb18030' | null;
  headers: string[];
  rows: { line: number; cells: string[] }[];
}

export class ImportFileError extends Error {}

export const MAX_FILE_BYTES = 20 * 1024 * 1024;
export const MAX_ROWS = 100_000;

/** CSV from 12345 systems is often GBK: UTF-8 (with or without BOM) when it decodes cleanly, else GB18030. */
export function decodeText(buf: Buffer): { text: string; encoding: 'utf-8' | 'gb18030' } {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf)
    return { text: buf.subarray(3).toString('utf8'), encoding: 'utf-8' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(buf), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(buf, 'gb18030'), encoding: 'gb18030' };
  }
}

/** RFC 4180 CSV (quoted fields, doubled quotes, CRLF or LF, newlines inside quotes); also `;` or tab separated. */
export function parseCsv(text: string): string[][] {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const sep = [',', '\t', ';'].sort((a, b) => firstLine.split(b).length - firstLine.split(a).length)[0]!;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === sep) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (quoted) throw new ImportFileError('CSV 文件格式错误：引号未闭合');
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('text' in v) return String(v.text);
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    return '';
  }
  return String(v);
}

/** Reads the first worksheet of an .xlsx or a CSV file (by its bytes, never by its name). */
export async function parseSheet(buf: Buffer): Promise<Sheet> {
  if (buf.length === 0) throw new ImportFileError('文件为空');
  if (buf.length > MAX_FILE_BYTES)
    throw new ImportFileError(`文件过大（上限 ${MAX_FILE_BYTES / 1024 / 1024} MB），请分批导入`);
  let format: Sheet['format'];
  let encoding: Sheet['encoding'] = null;
  let table: string[][];
  if (buf[0] === 0x50 && buf[1] === 0x4b) {
    format = 'xlsx';
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.load(buf as unknown as ArrayBuffer);
    } catch {
      throw new ImportFileError('无法读取 Excel 文件（文件损坏或不是 .xlsx）');
    }
    const ws = wb.worksheets[0];
    if (!ws) throw new ImportFileError('Excel 文件中没有工作表');
    table = [];
    ws.eachRow({ includeEmpty: true }, (row, n) => {
      const values = (row.values as ExcelJS.CellValue[]).slice(1).map(cellText);
      table[n - 1] = values;
    });
    for (let i = 0; i < table.length; i++) table[i] ??= [];
  } else {
    if (buf.subarray(0, 4096).includes(0)) throw new ImportFileError('不是文本 CSV 或 .xlsx 文件');
    format = 'csv';
    const decoded = decodeText(buf);
    encoding = decoded.encoding;
    table = parseCsv(decoded.text);
  }
  const [header, ...data] = table;
  if (!header || header.every((h) => h.trim() === '')) throw new ImportFileError('缺少表头行');
  if (data.length > MAX_ROWS) throw new ImportFileError(`行数过多（${data.length} 行，上限 ${MAX_ROWS}），请分批导入`);
  return {
    format,
    encoding,
    headers: header.map((h) => h.trim()),
    rows: data
      .map((cells, i) => ({ line: i + 2, cells: cells.map((c) => c.trim()) }))
      .filter((r) => r.cells.some((c) => c !== '')),
  };
}
