import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { attachmentInfo, formatFileSize } from '../../src/lib/attachments';
import { feedItems } from '../../src/lib/feed';
import { parseFrontmatter } from '../../src/lib/frontmatter';
import { jsonLdScript, newsArticle } from '../../src/lib/seo';
import { isSafeUrl } from '../../src/lib/safe-url';
import { workerAnswer } from '../../src/lib/worker-answer';

describe('parseFrontmatter', () => {
  it('keeps dates as written and normalises text to NFC', () => {
    const nfd = 'Đảng ủy'.normalize('NFD');
    const data = parseFrontmatter(`---\ntitle: ${nfd}\ndate: 2020-10-16T03:41\nupdated: 2020-10-17\ntags: [${nfd}]\ndraft: true\n---\nThân bài`);
    expect(data).toEqual({ title: 'Đảng ủy', date: '2020-10-16T03:41', updated: '2020-10-17', tags: ['Đảng ủy'], draft: true });
  });

  it('returns an empty object without front matter', () => {
    expect(parseFrontmatter('Chỉ có thân bài')).toEqual({});
  });

  it('reports YAML errors', () => {
    expect(() => parseFrontmatter('---\ntitle: [chưa đóng\n---\n')).toThrow();
  });
});

describe('attachments', () => {
  it('formats sizes the Vietnamese way', () => {
    expect(formatFileSize(512)).toBe('512 B');
    expect(formatFileSize(1536)).toBe('1,5 KB');
    expect(formatFileSize(1_258_291)).toBe('1,2 MB');
    expect(formatFileSize(2048)).toBe('2 KB');
    expect(formatFileSize(25 * 1024 * 1024)).toBe('25 MB');
  });

  it('describes a file beside its entry and names the entry when it is missing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'attach-'));
    writeFileSync(join(dir, 'giay-moi.pdf'), Buffer.alloc(3000));
    const entry = join(dir, 'index.mdx');
    expect(attachmentInfo(entry, 'giay-moi.pdf')).toMatchObject({ name: 'giay-moi.pdf', size: 3000, typeLabel: 'PDF', mime: 'application/pdf' });
    expect(() => attachmentInfo(entry, 'khong-co.docx')).toThrow(/index\.mdx.*khong-co\.docx/);
    rmSync(dir, { recursive: true });
  });
});

describe('seo', () => {
  it('cannot be closed early by content', () => {
    const script = jsonLdScript({ headline: '</script><script>alert(1)</script>' });
    expect(script).not.toContain('<');
    expect(JSON.parse(script).headline).toBe('</script><script>alert(1)</script>');
  });

  it('builds a NewsArticle', () => {
    const data = newsArticle({ url: 'https://x.vn/bai-viet/a/', headline: 'Tiêu đề', description: 'Tóm tắt', datePublished: '2020-10-16T03:41:00+07:00', publisher: 'Đảng ủy Khối' });
    expect(data).toMatchObject({ '@type': 'NewsArticle', headline: 'Tiêu đề', dateModified: '2020-10-16T03:41:00+07:00', author: { name: 'Đảng ủy Khối' } });
  });
});

describe('feedItems', () => {
  it('merges lists newest first', () => {
    const item = (link: string, day: number) => ({ title: link, link, description: '', pubDate: new Date(Date.UTC(2026, 0, day)) });
    expect(feedItems([item('/a/', 1), item('/b/', 3)], [item('/c/', 2)]).map((i) => i.link)).toEqual(['/b/', '/c/', '/a/']);
  });
});

describe('isSafeUrl', () => {
  it('allows site paths, http(s), mailto and tel, and nothing that runs', () => {
    for (const ok of ['/bai-viet/a/', 'anh.jpg', '#muc-1', 'https://dangcongsan.vn', 'mailto:a@b.vn', 'tel:0200123']) expect(isSafeUrl(ok), ok).toBe(true);
    for (const bad of ['javascript:alert(1)', 'JaVaScRiPt:x', 'java\tscript:x', ' javascript:x', 'data:text/html,x', 'vbscript:x', 'file:///etc/passwd']) expect(isSafeUrl(bad), bad).toBe(false);
  });
});

describe('workerAnswer', () => {
  /** A worker running `code` (CommonJS), ended after the test. */
  const withWorker = async (code: string, use: (worker: Worker) => Promise<void>) => {
    const worker = new Worker(code, { eval: true });
    try {
      await use(worker);
    } finally {
      await worker.terminate();
    }
  };
  const echo = "require('node:worker_threads').parentPort.on('message', (m) => require('node:worker_threads').parentPort.postMessage(m * 2))";

  it('gives each message its own answer, in turn', () =>
    withWorker(echo, async (worker) => {
      await expect(workerAnswer(worker, 2)).resolves.toBe(4);
      await expect(workerAnswer(worker, 5)).resolves.toBe(10);
    }));

  it('rejects when the worker throws, or ends without answering, rather than waiting for ever', async () => {
    await withWorker("require('node:worker_threads').parentPort.on('message', () => { throw new Error('hỏng'); })", (worker) =>
      expect(workerAnswer(worker, 1)).rejects.toThrow('hỏng'),
    );
    await withWorker("require('node:worker_threads').parentPort.on('message', () => process.exit(3))", (worker) =>
      expect(workerAnswer(worker, 1)).rejects.toThrow('exit code 3'),
    );
  });
});
