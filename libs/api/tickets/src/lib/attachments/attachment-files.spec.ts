import { Readable } from 'node:stream';
import { cleanFileName, contentDisposition, fileNameFromMultipart, readUpTo } from './attachment-files';

describe('attachment files', () => {
  it('cleans a file name of folders and control characters, keeping Unicode', () => {
    expect(cleanFileName('C:\\Users\\anna\\report.pdf')).toBe('report.pdf');
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName('re\u0000po\u001frt\u007f\u0085.txt')).toBe('report.txt');
    expect(cleanFileName('photo\u202egpj.exe')).toBe('photogpj.exe');
    expect(cleanFileName('  Отчёт 2026 ✓.pdf  ')).toBe('Отчёт 2026 ✓.pdf');
  });

  it('never leaves a file name empty', () => {
    for (const name of ['', '   ', '\u0007', 'folder/', '..', '.', undefined, null]) {
      expect(cleanFileName(name)).toBe('file');
    }
  });

  it('cuts a long name to 255 characters, keeping its extension and whole characters', () => {
    const long = cleanFileName(`${'😀'.repeat(300)}.tar.gz`);
    expect(Array.from(long)).toHaveLength(255);
    expect(long.endsWith('😀.gz')).toBe(true);
    expect(Array.from(cleanFileName('я'.repeat(400)))).toHaveLength(255);
  });

  it('reads a name busboy took for Latin-1 back as UTF-8, and leaves real Latin-1 or Unicode alone', () => {
    expect(fileNameFromMultipart(Buffer.from('Отчёт.pdf', 'utf8').toString('latin1'))).toBe('Отчёт.pdf');
    expect(fileNameFromMultipart('Отчёт.pdf')).toBe('Отчёт.pdf');
    expect(fileNameFromMultipart('café.txt')).toBe('café.txt');
    expect(fileNameFromMultipart('plain.txt')).toBe('plain.txt');
  });

  it('names the file twice in Content-Disposition: an ASCII fallback and the exact UTF-8 name', () => {
    expect(contentDisposition('Отчёт 2026 ✓.pdf')).toBe(
      `attachment; filename="_____ 2026 _.pdf"; filename*=UTF-8''%D0%9E%D1%82%D1%87%D1%91%D1%82%202026%20%E2%9C%93.pdf`,
    );
    expect(contentDisposition(`a "quoted" \\ it's (1)*.txt`)).toBe(
      `attachment; filename="a _quoted_ _ it's (1)*.txt"; filename*=UTF-8''a%20%22quoted%22%20%5C%20it%27s%20%281%29%2A.txt`,
    );
  });

  it('reads a stream up to a limit, and gives up past it', async () => {
    expect((await readUpTo(Readable.from([Buffer.from('abc'), Buffer.from('de')]), 5))?.toString()).toBe('abcde');
    expect(await readUpTo(Readable.from([Buffer.from('abc'), Buffer.from('def')]), 5)).toBeNull();
  });
});
