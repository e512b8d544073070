// The print engine's pure parts: escaping by construction, the browsers looked for and the Chinese
// message naming them when none is there.
import { describe, expect, it } from 'vitest';
import { browserCandidates, findBrowser } from '../../main/core/print/chromium.ts';
import { html, raw } from '../../main/core/print/html.ts';
import { printDocument } from '../../main/core/print/page.ts';

describe('html', () => {
  it('escapes every interpolated string, joins arrays, prints nothing for null/false', () => {
    const name = '<script>alert("x")</script>&\'';
    // prettier-ignore
    const out = html`<td>${name}</td>${['<b>', html`<i>${1}</i>`]}${null}${false}${undefined}`.text;
    expect(out).toBe('<td>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;</td>&lt;b&gt;<i>1</i>');
    expect(html`${raw('<br>')}`.text).toBe('<br>');
  });

  it('escapes the title and sets A4 with the page-number footer and the watermark', () => {
    const doc = printDocument({
      title: '<x>',
      orientation: 'landscape',
      body: html`<p>正文</p>`,
      watermark: '未校验',
    });
    expect(doc).toContain('<title>&lt;x&gt;</title>');
    expect(doc).toContain('size: A4 landscape');
    expect(doc).toContain('counter(pages)');
    expect(doc).toContain('<div class="watermark" aria-hidden="true">未校验</div>');
    expect(printDocument({ title: 't', orientation: 'portrait', body: html`` })).not.toContain(
      'class="watermark"',
    );
  });
});

describe('findBrowser', () => {
  const env = { 'ProgramFiles(x86)': 'C:\\Program Files (x86)', ProgramFiles: 'C:\\Program Files', LOCALAPPDATA: 'C:\\Users\\a\\AppData\\Local' };

  it('looks for CHROMIUM_PATH first, then Edge and Chrome on Windows', () => {
    const list = browserCandidates({ env: { ...env, CHROMIUM_PATH: 'D:\\chrome\\chrome.exe' }, platform: 'win32' });
    expect(list[0]).toBe('D:\\chrome\\chrome.exe');
    expect(list[1]).toBe('C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe');
    expect(list).toContain('C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe');
    const found = findBrowser({ env, platform: 'win32', exists: (f) => f.endsWith('chrome.exe') });
    expect(found).toBe('C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe');
  });

  it('names every place it looked when none is there', () => {
    expect(() => findBrowser({ env, platform: 'win32', exists: () => false })).toThrow(
      /生成 PDF 需要 Chromium、Chrome 或 Edge 浏览器，但以下位置都没有找到：C:\\Program Files \(x86\)\\Microsoft\\Edge\\Application\\msedge\.exe；.*请安装 Microsoft Edge 或 Google Chrome.*CHROMIUM_PATH/,
    );
    expect(() => findBrowser({ env: {}, platform: 'linux', exists: () => false })).toThrow(/\/usr\/bin\/chromium；\/usr\/bin\/chromium-browser；.*apt-get install chromium/);
  });
}); // prettier-ignore
