import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import {
  applyReaderPrefs,
  loadReaderPrefs,
  PREF_KEYS,
  readerPrefsScript,
  saveReaderPrefs,
  stepTextSize,
  TEXT_SIZES,
  type PrefsRoot,
} from '../../src/lib/reader-prefs';
import { createNarrator, pickVietnameseVoice, speechChunks, type SynthLike, type UtteranceLike } from '../../src/lib/speech';
import { shareLinks } from '../../src/lib/share';
import { articleSchema } from '../../src/lib/schemas';
import { entryFileHref, entryFilePaths, serveEntryFile } from '../../src/lib/attachments';

describe('text size steps', () => {
  it('steps through the offered sizes and stops at both ends', () => {
    expect(TEXT_SIZES.length).toBeGreaterThanOrEqual(3);
    expect(stepTextSize(100, 1)).toBe(115);
    expect(stepTextSize(100, -1)).toBe(90);
    expect(stepTextSize(90, -1)).toBe(90);
    expect(stepTextSize(150, 1)).toBe(150);
    expect(stepTextSize(130, 0)).toBe(100);
    expect(stepTextSize(123, 1)).toBe(115);
  });
});

class FakeRoot implements PrefsRoot {
  /** Like the DOM's: values become strings. */
  dataset: Record<string, string | undefined> = new Proxy({} as Record<string, string | undefined>, {
    set: (target, key: string, value) => ((target[key] = String(value)), true),
  });
  props = new Map<string, string>();
  style = {
    setProperty: (name: string, value: string) => void this.props.set(name, String(value)),
    removeProperty: (name: string) => this.props.delete(name),
  };
  snapshot() {
    return { dataset: { ...this.dataset }, props: Object.fromEntries(this.props) };
  }
}

class FakeStorage {
  items = new Map<string, string>();
  getItem = (key: string) => this.items.get(key) ?? null;
  setItem = (key: string, value: string) => void this.items.set(key, String(value));
  removeItem = (key: string) => void this.items.delete(key);
}

/** Runs the <head> script as a browser would, against fakes. */
function runHeadScript(storage: FakeStorage | (() => never)): FakeRoot {
  const root = new FakeRoot();
  const localStorage = typeof storage === 'function' ? new Proxy({}, { get: storage }) : storage;
  new Function('document', 'localStorage', readerPrefsScript)({ documentElement: root }, localStorage);
  return root;
}

describe('reader preferences', () => {
  it('saves and loads what the reader chose, and saves the defaults as nothing', () => {
    const storage = new FakeStorage();
    saveReaderPrefs(storage, { textSize: 130, highContrast: true });
    expect(loadReaderPrefs(storage)).toEqual({ textSize: 130, highContrast: true });
    saveReaderPrefs(storage, { textSize: 100, highContrast: false });
    expect(storage.items.size).toBe(0);
    expect(loadReaderPrefs(storage)).toEqual({ textSize: 100, highContrast: false });
  });

  it('ignores stored values it does not know', () => {
    const storage = new FakeStorage();
    storage.setItem(PREF_KEYS.textSize, '999');
    storage.setItem(PREF_KEYS.contrast, 'yes');
    expect(loadReaderPrefs(storage)).toEqual({ textSize: 100, highContrast: false });
  });

  it('puts the preferences on <html> and takes them off again', () => {
    const root = new FakeRoot();
    applyReaderPrefs(root, { textSize: 115, highContrast: true });
    expect(root.snapshot()).toEqual({ dataset: { textSize: '115', contrast: 'high' }, props: { '--text-scale': '1.15' } });
    applyReaderPrefs(root, { textSize: 100, highContrast: false });
    expect(root.snapshot()).toEqual({ dataset: {}, props: {} });
  });

  it('the <head> script does exactly what applyReaderPrefs does, for every stored state', () => {
    for (const textSize of TEXT_SIZES) {
      for (const highContrast of [false, true]) {
        const storage = new FakeStorage();
        saveReaderPrefs(storage, { textSize, highContrast });
        const expected = new FakeRoot();
        applyReaderPrefs(expected, { textSize, highContrast });
        expect(runHeadScript(storage).snapshot(), `${textSize} ${highContrast}`).toEqual(expected.snapshot());
      }
    }
  });

  it('the <head> script ignores junk and survives refused storage', () => {
    const storage = new FakeStorage();
    storage.setItem(PREF_KEYS.textSize, '"><img src=x>');
    expect(runHeadScript(storage).snapshot()).toEqual({ dataset: {}, props: {} });
    expect(
      runHeadScript(() => {
        throw new Error('SecurityError');
      }).snapshot(),
    ).toEqual({ dataset: {}, props: {} });
  });

  it('the <head> script is small and static (its CSP hash is the same on every page)', () => {
    expect(readerPrefsScript.length).toBeLessThan(400);
    expect(readerPrefsScript).not.toMatch(/eval|Function|innerHTML|<\/script/i);
  });
});

describe('pickVietnameseVoice', () => {
  const v = (lang: string, localService = true, name = lang) => ({ lang, localService, name });

  it('finds no voice when the browser has only other languages', () => {
    expect(pickVietnameseVoice([v('en-US'), v('fr-FR'), v('zh-CN')])).toBeUndefined();
    expect(pickVietnameseVoice([])).toBeUndefined();
    // "vi" must be the language, not a prefix of something else
    expect(pickVietnameseVoice([v('vai-LR')])).toBeUndefined();
  });

  it('accepts the ways browsers write Vietnamese', () => {
    for (const lang of ['vi-VN', 'vi_VN', 'vi', 'VI-vn']) expect(pickVietnameseVoice([v('en-US'), v(lang)])?.lang).toBe(lang);
  });

  it('prefers vi-VN, then a voice on the device', () => {
    expect(pickVietnameseVoice([v('vi', true, 'a'), v('vi-VN', false, 'b'), v('vi-VN', true, 'c')])?.name).toBe('c');
    expect(pickVietnameseVoice([v('vi', true, 'a'), v('vi-VN', false, 'b')])?.name).toBe('b');
  });
});

describe('speechChunks', () => {
  it('keeps a short paragraph whole', () => {
    expect(speechChunks('  Đảng ủy Khối   tổ chức hội nghị.  ')).toEqual(['Đảng ủy Khối tổ chức hội nghị.']);
    expect(speechChunks('   ')).toEqual([]);
  });

  it('cuts a long paragraph at sentence ends, packing sentences up to the limit', () => {
    expect(speechChunks('Câu một. Câu hai. Câu ba dài hơn một chút.', 20)).toEqual(['Câu một. Câu hai.', 'Câu ba dài hơn một', 'chút.']);
  });

  it('cuts a long sentence at commas, then at spaces, never above the limit, and prefers a comma', () => {
    const sentence = 'Trong nhiệm kỳ, toàn Đảng bộ kết nạp được 1.312 đảng viên mới, tỷ lệ tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên hằng năm đạt trên chín mươi phần trăm';
    const chunks = speechChunks(sentence, 40);
    expect(chunks.every((c) => c.length <= 40)).toBe(true);
    expect(chunks.join(' ')).toBe(sentence);
    expect(chunks[0]).toBe('Trong nhiệm kỳ,');
  });

  it('gives a single word longer than the limit as it is', () => {
    const url = 'https://dangbokhoi.example.vn/bai-viet/mot-duong-dan-rat-dai/';
    expect(speechChunks(url, 20)).toEqual([url]);
  });
});

/** A stand-in for window.speechSynthesis that records calls and lets the test end utterances. */
class FakeSynth implements SynthLike {
  calls: string[] = [];
  spoken: UtteranceLike[] = [];
  speaking = false;
  pending = false;
  paused = false;
  speak(u: UtteranceLike) {
    this.calls.push(`speak:${u.text}`);
    this.spoken.push(u);
    this.speaking = true;
  }
  pause() {
    this.calls.push('pause');
  }
  resume() {
    this.calls.push('resume');
  }
  cancel() {
    this.calls.push('cancel');
    this.speaking = false;
  }
  /** The engine finishes the last utterance. */
  finish() {
    this.spoken.at(-1)!.onend?.({});
  }
}

function narrate(blocks: string[]) {
  const synth = new FakeSynth();
  const changes: string[] = [];
  const narrator = createNarrator({
    synth,
    utterance: (text) => ({ text, lang: '', voice: null, onend: null, onerror: null }),
    voice: 'giọng Việt',
    blocks,
    onChange: (state, block, reason) => changes.push(`${state} ${block} ${reason}`),
  });
  return { synth, changes, narrator };
}

describe('createNarrator', () => {
  it('reads the paragraphs in order in Vietnamese with the chosen voice, and reports each', () => {
    const { synth, changes, narrator } = narrate(['Tiêu đề', 'Tóm tắt', 'Thân bài']);
    narrator.play();
    expect(synth.spoken[0]).toMatchObject({ text: 'Tiêu đề', lang: 'vi-VN', voice: 'giọng Việt' });
    synth.finish();
    synth.finish();
    synth.finish();
    expect(synth.calls).toEqual(['speak:Tiêu đề', 'speak:Tóm tắt', 'speak:Thân bài']);
    expect(changes).toEqual(['playing 0 start', 'playing 1 next', 'playing 2 next', 'idle -1 end']);
    expect(narrator.state).toBe('idle');
  });

  it('reports a paragraph once even when it is read in several pieces', () => {
    const long = Array.from({ length: 12 }, (_, i) => `Câu số ${i + 1} của đoạn văn khá dài này.`).join(' ');
    const { synth, changes, narrator } = narrate([long, 'Hết']);
    narrator.play();
    while (narrator.state === 'playing') synth.finish();
    expect(synth.spoken.length).toBeGreaterThan(2);
    expect(changes).toEqual(['playing 0 start', 'playing 1 next', 'idle -1 end']);
  });

  it('pauses, resumes and stops through the speech API', () => {
    const { synth, changes, narrator } = narrate(['Một', 'Hai']);
    narrator.toggle();
    narrator.toggle();
    expect(narrator.state).toBe('paused');
    narrator.toggle();
    expect(narrator.state).toBe('playing');
    narrator.stop();
    expect(synth.calls).toEqual(['speak:Một', 'pause', 'resume', 'cancel']);
    expect(changes).toEqual(['playing 0 start', 'paused 0 pause', 'playing 0 resume', 'idle -1 stop']);
  });

  it('ignores the callbacks of a cancelled utterance', () => {
    const { synth, narrator } = narrate(['Một', 'Hai']);
    narrator.play();
    const first = synth.spoken[0];
    narrator.stop();
    first.onerror?.({ error: 'interrupted' });
    first.onend?.({});
    expect(synth.calls).toEqual(['speak:Một', 'cancel']);
    narrator.play();
    first.onend?.({});
    expect(synth.calls).toEqual(['speak:Một', 'cancel', 'speak:Một']);
  });

  it('speaks the next piece on resume when the engine ended it while paused', () => {
    const { synth, narrator } = narrate(['Một', 'Hai']);
    narrator.play();
    narrator.pause();
    synth.finish(); // some Android engines end the utterance on pause()
    expect(synth.calls).toEqual(['speak:Một', 'pause']);
    narrator.play();
    expect(synth.calls).toEqual(['speak:Một', 'pause', 'resume', 'speak:Hai']);
  });

  it('clears a reading another page left in the engine before starting', () => {
    const { synth, narrator } = narrate(['Một']);
    synth.paused = true;
    narrator.play();
    expect(synth.calls).toEqual(['cancel', 'speak:Một']);
  });

  it('stops and says so on a real error', () => {
    const { synth, changes, narrator } = narrate(['Một', 'Hai']);
    narrator.play();
    synth.spoken[0].onerror?.({ error: 'synthesis-failed' });
    expect(narrator.state).toBe('idle');
    expect(changes.at(-1)).toBe('idle -1 error');
  });

  it('does nothing with nothing to read', () => {
    const { synth, narrator } = narrate([]);
    narrator.play();
    expect(synth.calls).toEqual([]);
    expect(narrator.state).toBe('idle');
  });
});

describe('shareLinks', () => {
  const url = 'https://dangbokhoi.example.vn/bai-viet/hoi-nghi/';

  it('links to Facebook and e-mail with the page address, and to Zalo only with a Zalo id', () => {
    const links = shareLinks(url, 'Hội nghị & học tập');
    expect(links.map((l) => l.name)).toEqual(['Facebook', 'Email']);
    expect(links[0].href).toBe(`https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(url)}`);
    expect(links[1]).toEqual({ name: 'Email', href: `mailto:?subject=H%E1%BB%99i%20ngh%E1%BB%8B%20%26%20h%E1%BB%8Dc%20t%E1%BA%ADp&body=${encodeURIComponent(url)}`, external: false });
    const withZalo = shareLinks(url, 'Hội nghị', '1234567890');
    expect(withZalo.map((l) => l.name)).toEqual(['Facebook', 'Zalo', 'Email']);
    expect(new URL(withZalo[1].href).searchParams.get('href')).toBe(url);
    expect(new URL(withZalo[1].href).searchParams.get('oaid')).toBe('1234567890');
  });
});

describe('the audio field', () => {
  const articles = articleSchema(() => z.string());
  const valid = { title: 'Bản tin', summary: 'Tóm tắt.', date: '2025-11-28', category: 'tin-hoat-dong' };

  it('takes an audio file beside the entry', () => {
    expect(articles.parse({ ...valid, audio: 'ban-tin.mp3' }).audio).toBe('ban-tin.mp3');
    expect(articles.parse({ ...valid, audio: './Ban-Tin.M4A' }).audio).toBe('./Ban-Tin.M4A');
    expect(articles.parse(valid).audio).toBeUndefined();
  });

  it.each(['ban-tin.exe', '../bai-khac/ban-tin.mp3', '/etc/ban-tin.mp3', 'C:/ban-tin.mp3', 'a/../../b.mp3', ''])('refuses %j, naming the field', (audio) => {
    const result = articles.safeParse({ ...valid, audio });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n')).toMatch(/^audio: .*audio/m);
  });
});

describe('files served beside entries', () => {
  it('gives one path per entry and file, and serves the file with its type', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'entry-files-'));
    writeFileSync(join(dir, 'ban-tin.mp3'), Buffer.from('ID3 âm thanh'));
    writeFileSync(join(dir, 'giay moi.pdf'), Buffer.from('%PDF'));
    const entries = [
      { id: 'ban-tin', filePath: join(dir, 'index.mdx'), files: ['ban-tin.mp3', './giay moi.pdf'] },
      { id: 'khong-co-tep', filePath: join(dir, 'khac.mdx'), files: [] },
    ];
    const paths = entryFilePaths(entries, (e) => e.files);
    expect(paths.map((p) => p.params)).toEqual([
      { slug: 'ban-tin', file: 'ban-tin.mp3' },
      { slug: 'ban-tin', file: 'giay moi.pdf' },
    ]);
    const response = await serveEntryFile({ props: paths[0].props } as never);
    expect(response.headers.get('Content-Type')).toBe('audio/mpeg');
    expect(Buffer.from(await response.arrayBuffer()).toString()).toBe('ID3 âm thanh');
    expect(entryFileHref('/bai-viet/ban-tin/', paths[1].props.info)).toBe('/bai-viet/ban-tin/giay%20moi.pdf');
    rmSync(dir, { recursive: true });
  });

  it('names the entry when a file is missing', () => {
    expect(() => entryFilePaths([{ id: 'x', filePath: '/khong/co/index.mdx' }], () => ['ban-tin.mp3'])).toThrow(/index\.mdx.*ban-tin\.mp3/);
  });
});
