import { addFiles, fileKind, fileSize, MAX_FILE_BYTES, MAX_FILES } from './files';

function file(name: string, size: number, type = 'text/plain'): File {
  const made = new File([new Uint8Array(size)], name, { type, lastModified: 1 });
  expect(made.size).toBe(size);
  return made;
}

describe('addFiles', () => {
  it('adds chosen files after those already there', () => {
    const first = file('a.txt', 3);
    const { files, refused } = addFiles([first], [file('b.png', 10, 'image/png'), file('c.pdf', 5)]);
    expect(files.map((f) => f.name)).toEqual(['a.txt', 'b.png', 'c.pdf']);
    expect(refused).toEqual([]);
  });

  it(`keeps ${MAX_FILES} files and counts the rest as refused`, () => {
    const nine = Array.from({ length: 9 }, (_, i) => file(`f${i}.txt`, 1));
    const { files, refused } = addFiles(nine, [file('tenth.txt', 1), file('eleventh.txt', 1), file('twelfth.txt', 1)]);
    expect(files).toHaveLength(MAX_FILES);
    expect(files[9].name).toBe('tenth.txt');
    expect(refused).toEqual([{ reason: 'tooMany', count: 2 }]);
  });

  it('refuses a file over the limit and an empty one by name, and takes the others', () => {
    const { files, refused } = addFiles(
      [],
      [file('big.iso', 11), file('empty.txt', 0), file('ok.txt', 10)],
      10, // a limit of 10 bytes, so the test does not build 20 MB
    );
    expect(files.map((f) => f.name)).toEqual(['ok.txt']);
    expect(refused).toEqual([
      { reason: 'tooLarge', name: 'big.iso' },
      { reason: 'empty', name: 'empty.txt' },
    ]);
  });

  it('takes a file of exactly the limit, by default 20 MB', () => {
    expect(MAX_FILE_BYTES).toBe(20 * 1024 * 1024);
    expect(addFiles([], [file('edge.bin', 10)], 10).files).toHaveLength(1);
  });

  it('does not add the same file twice', () => {
    const same = file('a.txt', 3);
    const { files, refused } = addFiles([same], [file('a.txt', 3)]);
    expect(files).toHaveLength(1);
    expect(refused).toEqual([]);
  });
});

describe('fileKind', () => {
  it('tells images, PDFs and the rest apart', () => {
    expect(fileKind('image/png')).toBe('image');
    expect(fileKind('IMAGE/JPEG')).toBe('image');
    expect(fileKind('application/pdf')).toBe('pdf');
    // An SVG can carry scripts; it is listed as a file, never shown.
    expect(fileKind('image/svg+xml')).toBe('other');
    expect(fileKind('application/octet-stream')).toBe('other');
  });
});

describe('fileSize', () => {
  it('counts in steps of 1024 with at most one decimal', () => {
    expect(fileSize(0)).toEqual({ value: 0, unit: 'B' });
    expect(fileSize(1023)).toEqual({ value: 1023, unit: 'B' });
    expect(fileSize(1536)).toEqual({ value: 1.5, unit: 'KB' });
    expect(fileSize(20 * 1024 * 1024)).toEqual({ value: 20, unit: 'MB' });
    expect(fileSize(5 * 1024 ** 3)).toEqual({ value: 5, unit: 'GB' });
  });
});
