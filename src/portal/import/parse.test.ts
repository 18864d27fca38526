import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ImportError, parseArticleFile, parseHtmlArticle, parseTextArticle } from './parse.ts';

const repoRoot = path.resolve(import.meta.dirname, '..', '..', '..');
const fixtures = path.join(repoRoot, 'test', 'fixtures', 'portal');
const seed = path.resolve(repoRoot, '..', 'shared', 'seed', '000_c2063abe4efdaed2.txt');
const read = (p: string) => fs.readFileSync(p);

describe('parseTextArticle', () => {
  it('reads the seed article: title, time (+07:00), views, every paragraph, authors', () => {
    const a = parseArticleFile(seed, read(seed));
    expect(a.title).toBe('Thị ủy Từ Sơn giao ban khối Đảng, đoàn thể Quý III/2017');
    expect(a.publishAt).toBe('2017-10-12T01:56:00.000Z'); // 12/10/2017 08:56 in Hà Nội
    expect(a.views).toBe(551);
    expect(a.byline).toBe('Thu Thủy - Xuân Khương');
    expect(a.paragraphs).toHaveLength(4);
    expect(a.paragraphs[0]).toMatch(/^Sáng ngày 11\/10, Thị ủy Từ Sơn/);
    expect(a.paragraphs[3]).toMatch(/hoàn thành chỉ tiêu của năm đã đề ra\.\/\.$/);
    for (const p of a.paragraphs) expect(p).not.toMatch(/^\s|\u00a0|\s$/);
  });

  it('normalizes NFD text with Windows line endings to NFC', () => {
    const a = parseArticleFile('nfd-crlf.txt', read(path.join(fixtures, 'nfd-crlf.txt')));
    expect(a.title).toBe('Hội Nông dân thị xã tập huấn kỹ thuật trồng rau an toàn');
    expect(a.title).toBe(a.title.normalize('NFC'));
    expect(a.views).toBe(1204);
    expect(a.publishAt).toBe('2017-11-05T07:30:00.000Z');
    expect(a.paragraphs).toHaveLength(2);
    expect(a.paragraphs.join('')).not.toContain('\r');
    expect(a.byline).toBe('Hải Đăng - Đức Thịnh');
  });

  it.each([
    ['bad/empty.txt', 'empty file'],
    ['bad/no-date.txt', 'no "dd/MM/yyyy HH:mm Số lượt xem: N" line'],
    ['bad/bad-date.txt', 'not a valid date'],
    ['bad/binary.txt', 'not UTF-8 text'],
    ['bad/latin1.txt', 'not UTF-8 text'],
    ['bad/no-body.html', 'no body paragraphs'],
  ])('refuses %s with a reason', (file, reason) => {
    expect(() => parseArticleFile(file, read(path.join(fixtures, file)))).toThrow(ImportError);
    expect(() => parseArticleFile(file, read(path.join(fixtures, file)))).toThrow(reason);
  });

  it('keeps an article without an authors line', () => {
    const a = parseTextArticle(
      'Tiêu đề\n\n01/01/2018 07:00 Số lượt xem: 0\n\nMột đoạn văn kết thúc bằng dấu chấm.\n',
    );
    expect(a.byline).toBe('');
    expect(a.paragraphs).toEqual(['Một đoạn văn kết thúc bằng dấu chấm.']);
  });
});

describe('parseHtmlArticle', () => {
  it('reads a saved article page', () => {
    const a = parseHtmlArticle(fs.readFileSync(path.join(fixtures, 'folder', 'page.html'), 'utf8'));
    expect(a.title).toBe('Đoàn Thanh niên ra quân làm sạch đường làng');
    expect(a.publishAt).toBe('2017-11-19T00:45:00.000Z');
    expect(a.views).toBe(87); // not the 999 inside a script
    expect(a.byline).toBe('Ngọc Anh');
    expect(a.paragraphs).toHaveLength(2);
    expect(a.paragraphs[1]).toContain('Việt Nam & Ngày hội');
  });
});
