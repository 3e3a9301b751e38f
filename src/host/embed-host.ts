/**
 * embed.js — the optional host-page script. Include it once on a page that embeds the map:
 *
 *   <script src="https://…/embed.js"></script>
 *
 * 1. Auto-height: resizes an <iframe> to the height its embed reports, and only the iframe
 *    whose window sent the message, from the origin it was loaded from; heights are clamped.
 * 2. <campaign-map src="https://…/embed.html" date="1951-01-04" lang="en"></campaign-map>:
 *    a custom element that wraps the iframe and the message API (setDate, play, pause; events
 *    `campaign-map:ready` and `campaign-map:datechange` with detail {date, phase}; for a
 *    `lesson`, `campaign-map:stop`, `campaign-map:answer` and `campaign-map:lessonend`;
 *    setCompare(a, b) / setCompare() and `campaign-map:comparechange` with detail {dates}).
 *    Calls made before the embed is ready are kept and sent, in order, when it is.
 *
 * Self-contained on purpose (no imports): it runs as a classic script on any page.
 */
(() => {
  const MIN_HEIGHT = 150;
  const MAX_HEIGHT = 4000;
  const MAX_WAITING = 32;
  const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
  const PASSED_ATTRIBUTES = ['date', 'start', 'end', 'autoplay', 'speed', 'narrative', 'controls', 'lang', 'interactive', 'lesson', 'compare'];

  type Data = Record<string, unknown>;

  function isData(v: unknown): v is Data {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
  }

  function originOf(src: string): string | undefined {
    try {
      return new URL(src, document.baseURI).origin;
    } catch {
      return undefined;
    }
  }

  /** The iframe on this page whose window is `source`, if any. */
  function frameOf(source: MessageEventSource | null): HTMLIFrameElement | undefined {
    if (!source) return undefined;
    for (const frame of Array.from(document.getElementsByTagName('iframe'))) {
      if (frame.contentWindow === source) return frame;
    }
    return undefined;
  }

  function onMessage(e: MessageEvent): void {
    let data: Data;
    let type: unknown;
    try {
      if (!isData(e.data)) return;
      data = e.data;
      type = data.type;
    } catch {
      return;
    }
    if (typeof type !== 'string' || !type.startsWith('campaign-map:')) return;
    const frame = frameOf(e.source);
    // Only the frame that sent it, and only if it really was loaded from the sender's origin.
    if (!frame || originOf(frame.src) !== e.origin) return;
    if (type === 'campaign-map:height') {
      const h = data.height;
      if (typeof h !== 'number' || !Number.isFinite(h)) return;
      frame.style.height = `${Math.round(Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, h)))}px`;
      return;
    }
    const host = frame.parentElement;
    if (!(host instanceof CampaignMapElement)) return;
    // Calls made before the embed could obey them go first, then the page hears `ready`.
    if (type === 'campaign-map:ready') host.opened();
    if ((type === 'campaign-map:ready' || type === 'campaign-map:datechange') && typeof data.date === 'string' && typeof data.phase === 'string') {
      host.dispatchEvent(new CustomEvent(type, { detail: { date: data.date, phase: data.phase }, bubbles: true }));
    }
    // A lesson's progress: only numbers, a boolean and a date pass on to the page.
    const n = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 0;
    if (type === 'campaign-map:stop' && n(data.stop) && n(data.stops) && typeof data.date === 'string' && ISO_DATE.test(data.date)) {
      host.dispatchEvent(new CustomEvent(type, { detail: { stop: data.stop, stops: data.stops, date: data.date }, bubbles: true }));
    }
    if (type === 'campaign-map:answer' && n(data.stop) && typeof data.correct === 'boolean') {
      host.dispatchEvent(new CustomEvent(type, { detail: { stop: data.stop, correct: data.correct }, bubbles: true }));
    }
    if (type === 'campaign-map:comparechange') {
      const d = data.dates;
      const pair = Array.isArray(d) && d.length === 2 && d.every((x) => typeof x === 'string' && ISO_DATE.test(x)) ? [d[0] as string, d[1] as string] : undefined;
      if (pair || d === null) host.dispatchEvent(new CustomEvent(type, { detail: { dates: pair ?? null }, bubbles: true }));
    }
    if (type === 'campaign-map:lessonend' && n(data.questions) && n(data.correct)) {
      host.dispatchEvent(new CustomEvent(type, { detail: { questions: data.questions, correct: data.correct }, bubbles: true }));
    }
  }

  /** <campaign-map>: an iframe plus the message API. */
  class CampaignMapElement extends HTMLElement {
    static observedAttributes = ['date'];
    private frame?: HTMLIFrameElement;
    /** Calls made before the embed said `ready` (it ignores messages until then), in order. */
    private waiting: Data[] | undefined = [];

    connectedCallback(): void {
      if (this.frame) return;
      const src = this.getAttribute('src');
      if (!src) return;
      let url: URL;
      try {
        url = new URL(src, document.baseURI);
      } catch {
        return;
      }
      for (const name of PASSED_ATTRIBUTES) {
        const value = this.getAttribute(name);
        if (value !== null) url.searchParams.set(name, value);
      }
      url.searchParams.set('parentOrigin', location.origin);
      const frame = document.createElement('iframe');
      frame.src = url.href;
      frame.title = this.getAttribute('title') ?? 'Korea, January 1951 – campaign map';
      frame.loading = 'lazy';
      frame.allow = 'fullscreen';
      frame.style.width = '100%';
      frame.style.border = '0';
      frame.style.height = '640px';
      this.frame = frame;
      this.appendChild(frame);
    }

    /** Moved elsewhere in the page, its iframe loads again: calls wait for its next `ready`. */
    disconnectedCallback(): void {
      this.waiting ??= [];
    }

    attributeChangedCallback(name: string, old: string | null, value: string | null): void {
      if (name === 'date' && value && value !== old && this.frame) this.setDate(value);
    }

    /** The embed is ready: sends what was called before, in the order it was called. */
    opened(): void {
      const waiting = this.waiting;
      this.waiting = undefined;
      for (const message of waiting ?? []) this.send(message);
    }

    private send(message: Data): void {
      if (this.waiting) {
        // Bounded: a page calling in a loop before the map is up cannot grow it without end.
        if (this.waiting.length >= MAX_WAITING) this.waiting.shift();
        this.waiting.push(message);
        return;
      }
      const origin = this.frame ? originOf(this.frame.src) : undefined;
      if (this.frame?.contentWindow && origin) this.frame.contentWindow.postMessage(message, origin);
    }

    /** Moves the map to an ISO date (YYYY-MM-DD). */
    setDate(date: string): void {
      if (ISO_DATE.test(date)) this.send({ type: 'campaign-map:setDate', date });
    }

    /** Opens compare mode on dates A and B (YYYY-MM-DD), or leaves it when called without dates. */
    setCompare(a?: string, b?: string): void {
      if (a === undefined && b === undefined) this.send({ type: 'campaign-map:setCompare', dates: null });
      else if (a && b && ISO_DATE.test(a) && ISO_DATE.test(b)) this.send({ type: 'campaign-map:setCompare', dates: [a, b] });
    }

    play(): void {
      this.send({ type: 'campaign-map:play' });
    }

    pause(): void {
      this.send({ type: 'campaign-map:pause' });
    }
  }

  window.addEventListener('message', onMessage);
  if (!customElements.get('campaign-map')) customElements.define('campaign-map', CampaignMapElement);
})();
