// How a 首页 number reads: counts with separators, rates with one decimal, large amounts in 万元.
import type { HomeUnit } from '../../../../shared/home/cards.ts';

export function formatFigure(value: number | null, unit: HomeUnit): { text: string; unit: string } {
  if (value === null) return { text: '—', unit: '' };
  if (unit === '%') return { text: value.toFixed(1), unit: '%' };
  if (unit === '元' && Math.abs(value) >= 100_000)
    return { text: (value / 10_000).toLocaleString('zh-CN', { maximumFractionDigits: 2 }), unit: '万元' };
  return { text: value.toLocaleString('zh-CN', { maximumFractionDigits: 2 }), unit };
}

/** The text for a tooltip or a table cell: "1,234 人", "99.5%", "12.5 万元". */
export function figureText(value: number | null, unit: HomeUnit): string {
  const f = formatFigure(value, unit);
  return f.unit === '%' || f.unit === '' ? `${f.text}${f.unit}` : `${f.text} ${f.unit}`;
}
