import { describe, expect, it } from 'vitest';
import { detectContentType } from '../../../server/evidence/detectContentType';
import { cleanFileName, contentDisposition, downloadName } from '../../../server/evidence/fileNames';
import { ELF_BYTES, EXE_BYTES, HTML_BYTES, PDF_BYTES, pngBytes } from '../../support/evidenceFiles';

describe('evidence type detection (from the bytes only)', () => {
  it('accepts the image and document types staff need', async () => {
    expect(await detectContentType(pngBytes())).toMatchObject({ ok: true, contentType: 'image/png' });
    expect(await detectContentType(PDF_BYTES)).toMatchObject({ ok: true, contentType: 'application/pdf' });
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1]);
    expect(await detectContentType(jpeg)).toMatchObject({ ok: true, contentType: 'image/jpeg' });
    expect(await detectContentType(Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1'))).toMatchObject({
      ok: true,
      contentType: 'image/gif',
    });
  });

  it('tells plain text, CSV and JSON apart, in any language', async () => {
    const text = (s: string) => detectContentType(Buffer.from(s, 'utf8'));
    expect(await text('买家称收到了其他店铺的营销短信。\n')).toMatchObject({ contentType: 'text/plain' });
    expect(await text('订单号,金额,买家\nA1,99.5,王**\nA2,"1,200",李**\n')).toMatchObject({ contentType: 'text/csv' });
    expect(await text('  {"orders": [1, 2]}')).toMatchObject({ contentType: 'application/json' });
    expect(await text('{ not json')).toMatchObject({ contentType: 'text/plain' });
  });

  it('refuses executables, markup and binary noise, naming what it saw', async () => {
    expect(await detectContentType(ELF_BYTES)).toEqual({ ok: false, detected: 'application/x-elf' });
    expect(await detectContentType(EXE_BYTES)).toEqual({ ok: false, detected: 'application/x-msdownload' });
    expect(await detectContentType(HTML_BYTES)).toEqual({ ok: false, detected: 'text/html' });
    expect(await detectContentType(Buffer.from('\ufeff<svg onload="alert(1)"/>', 'utf8'))).toMatchObject({ ok: false });
    expect(await detectContentType(Buffer.from([0xc3, 0x28, 0x41]))).toMatchObject({ ok: false });
    expect(await detectContentType(Buffer.from('ab\u0000cd'))).toMatchObject({ ok: false });
  });
});

describe('evidence file names', () => {
  it('keeps only a printable last path segment', () => {
    expect(cleanFileName('C:\\fakepath\\截图 1.png')).toBe('截图 1.png');
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName('a\r\nb.txt')).toBe('ab.txt');
    expect(cleanFileName('..')).toBeNull();
    expect(cleanFileName('')).toBeNull();
  });

  it('saves downloads under the detected type, whatever the name claimed', () => {
    expect(downloadName('invoice.html', 7, 'txt')).toBe('invoice.html.txt');
    expect(downloadName('photo.JPEG', 7, 'jpg')).toBe('photo.JPEG');
    expect(downloadName(null, 7, 'pdf')).toBe('evidence-7.pdf');
  });

  it('encodes names so quotes and line breaks cannot escape the header', () => {
    const header = contentDisposition('attachment', '协议"x\'(1).pdf');
    expect(header).toBe(`attachment; filename="___x__1_.pdf"; filename*=UTF-8''%E5%8D%8F%E8%AE%AE%22x%27%281%29.pdf`);
  });
});
