/**
 * "Nghe bài viết": reading an entry aloud with the browser's speech synthesis. The logic lives here,
 * over small interfaces of the Web Speech API, so that it is tested without a browser; the reader
 * tools' script only connects it to the page.
 */

/** The language the site is read in. */
export const SPEECH_LANG = 'vi-VN';

/** What we read of a SpeechSynthesisVoice. */
export interface VoiceLike {
  lang: string;
  localService?: boolean;
}

/**
 * The voice to read Vietnamese with, or undefined when the browser has none: an English voice reads
 * Vietnamese as gibberish, which is worse than saying plainly that it cannot read. Prefers vi-VN to
 * other Vietnamese voices, and a voice on the device (it needs no network and is not cut off) to a
 * network one. Browsers write the language `vi-VN`, `vi_VN` or `vi`.
 */
export function pickVietnameseVoice<V extends VoiceLike>(voices: readonly V[]): V | undefined {
  const lang = (v: V) => v.lang.replace('_', '-').toLowerCase();
  const rank = (v: V) => (lang(v) === 'vi-vn' ? 0 : 2) + (v.localService ? 0 : 1);
  return voices.filter((v) => /^vi(-|$)/.test(lang(v))).sort((a, b) => rank(a) - rank(b))[0];
}

/**
 * Splits a paragraph into pieces of at most `max` characters for the speech engine: whole sentences
 * where they fit (Chrome stops reading an utterance after about 15 seconds with some voices, and
 * short pieces pause and resume cleanly), a long sentence at its commas, then at spaces.
 * @example speechChunks('Câu một. Câu hai.', 10) // ['Câu một.', 'Câu hai.']
 */
export function speechChunks(text: string, max = 200): string[] {
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean ? split(clean, max, [SENTENCE, COMMA, SPACE]) : [];
}

const SENTENCE = /(?<=[.!?…;:])\s+/;
const COMMA = /(?<=[,–—])\s+/;
const SPACE = /\s+/;

/** Splits at the first separator that splits `text`, each part further as needed, then packs neighbours up to `max`. */
function split(text: string, max: number, separators: readonly RegExp[]): string[] {
  if (text.length <= max || separators.length === 0) return [text];
  const [separator, ...finer] = separators;
  const parts = text.split(separator).filter(Boolean);
  if (parts.length === 1) return split(text, max, finer);
  const chunks: string[] = [];
  let current = '';
  for (const part of parts.flatMap((p) => split(p, max, finer))) {
    if (current && current.length + 1 + part.length > max) {
      chunks.push(current);
      current = '';
    }
    current = current ? `${current} ${part}` : part;
  }
  if (current) chunks.push(current);
  return chunks;
}

/**
 * The handler slots, declared as methods so that TypeScript checks their event types loosely: the DOM's
 * utterance (SpeechSynthesisEvent) and a test's fake both fit.
 */
interface Handlers {
  onend(event: unknown): void;
  onerror(event: { error?: string }): void;
}

/** What we use of a SpeechSynthesisUtterance. */
export interface UtteranceLike {
  text: string;
  lang: string;
  voice: unknown;
  onend: Handlers['onend'] | null;
  onerror: Handlers['onerror'] | null;
}

/** What we use of window.speechSynthesis. */
export interface SynthLike {
  speak(utterance: UtteranceLike): void;
  pause(): void;
  resume(): void;
  cancel(): void;
  readonly speaking?: boolean;
  readonly pending?: boolean;
  readonly paused?: boolean;
}

export type NarratorState = 'idle' | 'playing' | 'paused';
/** Why the state changed: `next` is a new paragraph while playing, `end` the end of the text. */
export type NarratorReason = 'start' | 'next' | 'pause' | 'resume' | 'stop' | 'end' | 'error';

export interface NarratorOptions<U extends UtteranceLike> {
  synth: SynthLike;
  /** Makes an utterance (`new SpeechSynthesisUtterance(text)` in the browser). */
  utterance: (text: string) => U;
  voice: unknown;
  /** The paragraphs to read, in order. */
  blocks: readonly string[];
  /** `block` is the index of the paragraph being read, -1 when none is. */
  onChange: (state: NarratorState, block: number, reason: NarratorReason) => void;
}

export interface Narrator {
  readonly state: NarratorState;
  /** Starts, or resumes when paused. */
  play(): void;
  pause(): void;
  /** Play when idle or paused, pause when playing: the main button. */
  toggle(): void;
  stop(): void;
}

/**
 * Reads `blocks` aloud one piece at a time (see `speechChunks`), reporting the paragraph being read.
 * Callbacks of an utterance that was cancelled are ignored, so stopping and starting again never
 * leaves two readings running.
 */
export function createNarrator<U extends UtteranceLike>({ synth, utterance, voice, blocks, onChange }: NarratorOptions<U>): Narrator {
  const pieces = blocks.flatMap((text, block) => speechChunks(text).map((chunk) => ({ block, text: chunk })));
  let state: NarratorState = 'idle';
  let index = 0;
  /** Identifies the current utterance; bumped on every speak and stop. */
  let generation = 0;
  /** The engine ended or dropped the utterance while paused (some Android versions do): speak again on resume. */
  let restartOnResume = false;

  const set = (next: NarratorState, reason: NarratorReason) => {
    state = next;
    onChange(state, state === 'idle' ? -1 : pieces[index].block, reason);
  };

  const speakCurrent = () => {
    if (index >= pieces.length) {
      index = 0;
      set('idle', 'end');
      return;
    }
    const token = ++generation;
    const u = utterance(pieces[index].text);
    u.lang = SPEECH_LANG;
    u.voice = voice;
    u.onend = () => {
      if (token !== generation) return;
      index++;
      if (state === 'paused') restartOnResume = true;
      else advance();
    };
    u.onerror = (event) => {
      if (token !== generation) return;
      if (state === 'paused') restartOnResume = true;
      else if (event.error !== 'interrupted' && event.error !== 'canceled') {
        generation++;
        index = 0;
        set('idle', 'error');
      }
    };
    synth.speak(u);
  };

  const advance = () => {
    const previous = index > 0 ? pieces[index - 1].block : -1;
    if (index < pieces.length && pieces[index].block !== previous) onChange(state, pieces[index].block, 'next');
    speakCurrent();
  };

  return {
    get state() {
      return state;
    },
    play() {
      if (state === 'paused') {
        set('playing', 'resume');
        synth.resume();
        if (restartOnResume) {
          restartOnResume = false;
          speakCurrent();
        }
        return;
      }
      if (state === 'playing' || pieces.length === 0) return;
      // Chrome keeps one engine per browser: a reading left paused or queued by another page would
      // swallow ours.
      if (synth.speaking || synth.pending || synth.paused) synth.cancel();
      index = 0;
      restartOnResume = false;
      set('playing', 'start');
      speakCurrent();
    },
    pause() {
      if (state !== 'playing') return;
      synth.pause();
      set('paused', 'pause');
    },
    toggle() {
      if (state === 'playing') this.pause();
      else this.play();
    },
    stop() {
      if (state === 'idle') return;
      generation++;
      synth.cancel();
      index = 0;
      restartOnResume = false;
      set('idle', 'stop');
    },
  };
}
