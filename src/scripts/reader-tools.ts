/**
 * The reader tools' script (ReaderTools.astro, on article and notice pages only): text size and
 * contrast, print, listening with speech synthesis, copying and sharing the link. Every control it
 * drives is rendered `hidden` and shown here, so a reader without JavaScript never meets a dead button.
 * The logic is in src/lib (reader-prefs, speech), tested there; this file connects it to the page.
 */
import { viReader as t } from '../i18n/vi-reader';
import { applyReaderPrefs, loadReaderPrefs, saveReaderPrefs, stepTextSize, DEFAULT_TEXT_SIZE, type ReaderPrefs } from '../lib/reader-prefs';
import { createNarrator, pickVietnameseVoice, type Narrator, type NarratorReason, type NarratorState } from '../lib/speech';

const find = <E extends Element = HTMLElement>(selector: string, root: ParentNode = document) => root.querySelector<E>(selector);

function localStore(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined; // storage refused (some private modes): choices last for the page only
  }
}

function setupDisplay(controls: HTMLElement) {
  const store = localStore();
  const load = (): ReaderPrefs => (store ? loadReaderPrefs(store) : { textSize: DEFAULT_TEXT_SIZE, highContrast: false });
  let prefs = load();
  const sizeButtons = controls.querySelectorAll<HTMLButtonElement>('[data-size-step]');
  const sizeValue = find('[data-text-size-value]', controls)!;
  const contrast = find<HTMLButtonElement>('[data-contrast-toggle]', controls)!;
  const show = () => {
    applyReaderPrefs(document.documentElement, prefs);
    sizeValue.textContent = t.textSizeValue(prefs.textSize);
    for (const button of sizeButtons) {
      const step = Number(button.dataset.sizeStep) as -1 | 0 | 1;
      // aria-disabled, not disabled: a disabled button drops the keyboard focus.
      button.setAttribute('aria-disabled', String(step !== 0 && stepTextSize(prefs.textSize, step) === prefs.textSize));
    }
    contrast.setAttribute('aria-pressed', String(prefs.highContrast));
  };
  const change = (next: Partial<ReaderPrefs>) => {
    prefs = { ...prefs, ...next };
    try {
      if (store) saveReaderPrefs(store, prefs);
    } catch {
      // storage full or refused: the choice lasts for this page
    }
    show();
  };
  for (const button of sizeButtons) {
    button.addEventListener('click', () => change({ textSize: stepTextSize(prefs.textSize, Number(button.dataset.sizeStep) as -1 | 0 | 1) }));
  }
  contrast.addEventListener('click', () => change({ highContrast: !prefs.highContrast }));
  // A choice made in another tab, or on another page before coming back here with the Back button.
  const reload = () => {
    prefs = load();
    show();
  };
  window.addEventListener('storage', reload);
  window.addEventListener('pageshow', (event) => event.persisted && reload());
  show();
  find('[data-print]', controls)!.addEventListener('click', () => window.print());
  controls.hidden = false;
}

/** Elements whose text is read, in order: those marked `data-speak`, or their outermost text blocks. */
const TEXT_BLOCK = 'h1, h2, h3, h4, h5, h6, p, li, dt, dd, th, td, figcaption, blockquote, pre';
function readableBlocks(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>('[data-speak]')]
    .flatMap((root) =>
      root.matches(TEXT_BLOCK) ? [root] : [...root.querySelectorAll<HTMLElement>(TEXT_BLOCK)].filter((el) => !root.contains(el.parentElement!.closest(TEXT_BLOCK))),
    )
    .filter((el) => el.textContent!.trim() !== '' && !el.closest('[hidden], [aria-hidden="true"]'));
}

function setupListen(box: HTMLElement) {
  const toggle = find<HTMLButtonElement>('[data-listen-toggle]', box)!;
  const label = find('[data-label]', toggle)!;
  const stop = find<HTMLButtonElement>('[data-listen-stop]', box)!;
  const progress = find('[data-listen-progress]', box)!;
  const bar = find<HTMLProgressElement>('progress', progress)!;
  const position = find('[data-listen-position]', box)!;
  const status = find('[data-listen-status]', box)!;
  const idleLabel = label.textContent;
  box.hidden = false;

  const unavailable = () => {
    toggle.disabled = true;
    status.textContent = t.noVietnameseVoice;
  };
  const synth = window.speechSynthesis as SpeechSynthesis | undefined;
  if (!synth || typeof SpeechSynthesisUtterance === 'undefined') return unavailable();
  const voice = () => pickVietnameseVoice(synth.getVoices());
  // Chrome fills the voice list a moment after load: an empty list decides nothing yet.
  const checkVoices = () => {
    if (voice()) {
      toggle.disabled = false;
      if (status.textContent === t.noVietnameseVoice) status.textContent = '';
    } else if (synth.getVoices().length > 0) unavailable();
  };
  checkVoices();
  synth.addEventListener?.('voiceschanged', checkVoices);

  let narrator: Narrator | undefined;
  let blocks: HTMLElement[] = [];
  let reading: HTMLElement | undefined;
  const messages: Partial<Record<NarratorReason, string>> = {
    start: t.listening,
    resume: t.listening,
    pause: t.paused,
    stop: t.stopped,
    end: t.finished,
    error: t.speechError,
  };
  const onChange = (state: NarratorState, block: number, reason: NarratorReason) => {
    toggle.dataset.state = state;
    label.textContent = state === 'playing' ? t.pause : state === 'paused' ? t.resume : idleLabel;
    stop.hidden = progress.hidden = state === 'idle';
    if (messages[reason]) status.textContent = messages[reason];
    reading?.classList.remove('is-reading');
    reading = blocks[block];
    if (!reading) return;
    reading.classList.add('is-reading');
    bar.max = blocks.length;
    bar.value = block + 1;
    position.textContent = t.progress(block + 1, blocks.length);
    const { top, bottom } = reading.getBoundingClientRect();
    if (top < 0 || bottom > window.innerHeight) {
      reading.scrollIntoView({ block: 'center', behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
    }
  };

  toggle.addEventListener('click', () => {
    if (!narrator) {
      const chosen = voice();
      if (!chosen) return unavailable();
      blocks = readableBlocks();
      narrator = createNarrator({
        synth,
        utterance: (text) => new SpeechSynthesisUtterance(text),
        voice: chosen,
        blocks: blocks.map((el) => el.textContent!.replace(/\s+/g, ' ').trim()),
        onChange,
      });
    }
    narrator.toggle();
  });
  stop.addEventListener('click', () => {
    narrator?.stop();
    toggle.focus(); // the Stop button hides itself
  });
  // Speech outlives the page in some browsers: stop it when the reader leaves.
  window.addEventListener('pagehide', () => narrator?.stop());
}

/** Copies text; falls back to a selected text field where the async clipboard is missing (plain-http pages, older browsers). */
async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const active = document.activeElement as HTMLElement | null;
    const field = document.createElement('textarea');
    field.value = text;
    field.setAttribute('readonly', '');
    field.style.position = 'fixed';
    field.style.opacity = '0';
    document.body.append(field);
    field.select();
    let copied = false;
    try {
      copied = document.execCommand('copy');
    } catch {
      copied = false;
    }
    field.remove();
    active?.focus();
    return copied;
  }
}

function setupShare(box: HTMLElement) {
  const { url = location.href, title = document.title } = box.dataset;
  const status = find('[data-share-status]', box)!;
  const copy = find<HTMLButtonElement>('[data-share-copy]', box)!;
  let clear: ReturnType<typeof setTimeout> | undefined;
  copy.addEventListener('click', async () => {
    status.textContent = (await copyText(url)) ? t.linkCopied : t.copyFailed;
    clearTimeout(clear);
    clear = setTimeout(() => (status.textContent = ''), 6000);
  });
  copy.parentElement!.hidden = false;
  if (typeof navigator.share === 'function') {
    const native = find<HTMLButtonElement>('[data-share-native]', box)!;
    // A dismissed share sheet rejects: nothing to tell the reader.
    native.addEventListener('click', () => navigator.share({ title, url }).catch(() => {}));
    native.parentElement!.hidden = false;
  }
}

const controls = find('[data-reader-controls]');
if (controls) setupDisplay(controls);
const listen = find('[data-listen]');
if (listen) setupListen(listen);
for (const share of document.querySelectorAll<HTMLElement>('[data-share]')) setupShare(share);
