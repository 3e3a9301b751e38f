/**
 * The end-to-end map in real headless Chromium against the production build.
 */
import { describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { openPage, waitForMap, type Watched } from './chromium.ts';
import { useBrowser } from './shared-browser.ts';
import { colorStats, decode } from './pixels.ts';
import { COLORS } from '../../src/map/style.ts';

const base = inject('baseUrl');
let browser: Browser;
useBrowser((b) => (browser = b));

async function open(query = '', options = {}): Promise<Watched> {
  const w = await openPage(browser, options);
  await w.page.goto(`${base}${query}`);
  await waitForMap(w.page);
  return w;
}

async function mapShot(w: Watched) {
  // Let the coalesced setData reach the screen before reading pixels.
  await w.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await w.page.waitForTimeout(300);
  return decode(await w.page.locator('.map').screenshot());
}

describe('the campaign map', () => {
  it('draws the basemap and the front, and the front moves south with the slider', async () => {
    const w = await open('?date=1950-12-31');
    const first = await mapShot(w);
    const sea = colorStats(first, COLORS.sea, 6);
    const land = colorStats(first, COLORS.land, 6);
    const front31 = colorStats(first, COLORS.front, 30);
    expect(sea.count).toBeGreaterThan(5000);
    expect(land.count).toBeGreaterThan(20000);
    expect(front31.count).toBeGreaterThan(300);

    await w.page.getByRole('slider', { name: /date/i }).focus();
    await w.page.keyboard.press('PageUp'); // 1 Jan
    await w.page.keyboard.press('PageUp'); // 3 Jan
    await w.page.keyboard.press('PageUp'); // 5 Jan
    await w.page.keyboard.press('PageUp'); // 7 Jan
    const later = colorStats(await mapShot(w), COLORS.front, 30);
    expect(later.count).toBeGreaterThan(300);
    // Screen y grows southward: Line D lies well south of Line B.
    expect(later.meanY - front31.meanY).toBeGreaterThan(40);
    await w.context.close();
  });

  it('has an accessible date slider that keyboard and pointer both move', async () => {
    const w = await open();
    const slider = w.page.getByRole('slider', { name: /date/i });
    await expect.poll(() => slider.getAttribute('aria-valuetext')).toMatch(/^31 December 1950 – /);
    await slider.focus();
    await w.page.keyboard.press('ArrowRight');
    expect(await slider.getAttribute('aria-valuetext')).toMatch(/^1 January 1951 – /);
    await w.page.keyboard.press('End');
    expect(await slider.getAttribute('aria-valuetext')).toMatch(/^31 January 1951 – /);
    await w.page.keyboard.press('Home');
    const heading = w.page.locator('.narrative article h3');
    const before = await heading.textContent();

    const box = await slider.boundingBox();
    if (!box) throw new Error('slider has no box');
    await w.page.mouse.move(box.x + 4, box.y + box.height / 2);
    await w.page.mouse.down();
    await w.page.mouse.move(box.x + box.width * 0.3, box.y + box.height / 2, { steps: 5 });
    await w.page.mouse.move(box.x + box.width * 0.55, box.y + box.height / 2, { steps: 5 });
    await w.page.mouse.up();
    const dragged = await slider.getAttribute('aria-valuetext');
    expect(dragged).toMatch(/January 1951/);
    expect(await heading.textContent()).not.toBe(before);
    await w.context.close();
  });

  it('draws every slider input, including the last of a fast burst, and keeps drawing while playing', async () => {
    const w = await open('?date=1951-01-10');
    const slider = w.page.getByRole('slider', { name: /date/i });
    const drawnDay = () => w.page.locator('.map').getAttribute('data-drawn-day');
    const value = async () => String(Number(await slider.inputValue()));
    await slider.focus();
    await w.page.keyboard.press('ArrowRight');
    await expect.poll(drawnDay).toBe(await value());
    // Ten inputs faster than frames: the map ends on the last one, not on a queued earlier one.
    for (let i = 0; i < 10; i++) await w.page.keyboard.press('ArrowLeft');
    await expect.poll(drawnDay).toBe(await value());
    await w.page.locator('button.play').click();
    const first = Number(await drawnDay());
    await expect.poll(async () => Number(await drawnDay())).toBeGreaterThan(first);
    await w.page.locator('button.play').click();
    await w.context.close();
  });

  it('plays at every speed without sending MapLibre any data: no setData, no worker message', async () => {
    const w = await openPage(browser);
    // Every message the page sends any worker (MapLibre's setData, tile loads, layout all go
    // through its workers), counted from before the map exists.
    await w.page.addInitScript(`
      window.workerPosts = 0;
      const post = Worker.prototype.postMessage;
      Worker.prototype.postMessage = function (...args) { window.workerPosts++; return post.apply(this, args); };
    `);
    await w.page.goto(`${base}?date=1950-12-31`);
    await waitForMap(w.page);
    // The neighbouring land is sent to the map once the first view is complete: wait for that.
    await expect.poll(() => w.page.evaluate(() => performance.getEntriesByType('resource').some((r) => r.name.endsWith('/surroundings.topo.json')))).toBe(true);
    await w.page.waitForTimeout(1500);
    const posts = () => w.page.evaluate(() => (window as unknown as { workerPosts: number }).workerPosts);
    const drawnDay = async () => Number(await w.page.locator('.map').getAttribute('data-drawn-day'));
    const slider = w.page.getByRole('slider', { name: /date/i });
    for (const speed of ['Slow', 'Normal', 'Fast']) {
      await w.page.getByLabel(speed, { exact: true }).check();
      await slider.focus();
      await w.page.keyboard.press('Home');
      const start = Number(await slider.getAttribute('min'));
      await expect.poll(drawnDay).toBe(start);
      const before = await posts();
      await w.page.locator('button.play').click();
      // Frames drawn with the front moving (31 Dec → 1 Jan is an interpolated stretch).
      await expect.poll(drawnDay, { timeout: 30_000 }).toBeGreaterThan(start + 0.3);
      await w.page.locator('button.play').click();
      expect(await posts(), speed).toBe(before);
    }
    // A slider step is drawn without any either.
    const before = await posts();
    await slider.focus();
    await w.page.keyboard.press('PageUp');
    await expect.poll(async () => String(await drawnDay())).toBe(String(Number(await slider.inputValue())));
    expect(await posts()).toBe(before);
    await w.context.close();
  });

  it('starts the map while the campaign data is still loading, then draws the campaign on it', async () => {
    const w = await openPage(browser);
    let release = () => {};
    const held = new Promise<void>((r) => (release = r));
    await w.page.route('**/fronts.geojson', async (route) => {
      await held;
      await route.continue();
    });
    await w.page.goto(`${base}?date=1951-01-04`);
    // The map (its canvas, its style) is up while the fronts are held back; the controls wait.
    await w.page.waitForSelector('.map canvas');
    await expect.poll(() => w.page.evaluate(() => performance.getEntriesByName('campaign:style-loaded').length)).toBe(1);
    expect(await w.page.locator('.layout .loading[role="status"]').isVisible()).toBe(true);
    expect(await w.page.locator('.map').getAttribute('data-ready')).toBe('false');
    release();
    await waitForMap(w.page);
    expect(await w.page.locator('.map').getAttribute('data-drawn-day')).not.toBeNull();
    expect(await w.page.getByRole('slider', { name: /date/i }).getAttribute('aria-valuetext')).toMatch(/^4 January 1951/);
    await w.context.close();
  });

  it('opens a deep link on its date, follows the slider in the URL without history entries', async () => {
    const w = await open('?date=1951-01-04');
    const slider = w.page.getByRole('slider', { name: /date/i });
    expect(await slider.getAttribute('aria-valuetext')).toMatch(/^4 January 1951 – /);
    await expect.poll(() => w.page.locator('.phases [aria-current="step"]').textContent()).toMatch(/3 Jan/);
    const historyLength = await w.page.evaluate(() => history.length);
    await slider.focus();
    await w.page.keyboard.press('ArrowRight');
    await w.page.keyboard.press('ArrowRight');
    await expect.poll(() => w.page.evaluate(() => location.search)).toContain('date=1951-01-06');
    expect(await w.page.evaluate(() => history.length)).toBe(historyLength);
    await w.context.close();
  });

  it('clicking a phase moves the slider to it and changes the narrative', async () => {
    const w = await open();
    await w.page.locator('.phases button').nth(5).click();
    const slider = w.page.getByRole('slider', { name: /date/i });
    expect(await slider.getAttribute('aria-valuetext')).toMatch(/^15 January 1951 – /);
    expect(await w.page.locator('.phases [aria-current="step"]').count()).toBe(1);
    await w.context.close();
  });

  it('opens the nearest valid date with a visible notice for a bad or out-of-range date', async () => {
    for (const [query, expected] of [
      ['?date=1951-13-45', /^31 December 1950/],
      ['?date=1951-03-15', /^31 January 1951/],
      ['?date=%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E', /^31 December 1950/],
      ['?date=%', /^31 December 1950/],
    ] as const) {
      const w = await open(query);
      expect(await w.page.getByRole('slider', { name: /date/i }).getAttribute('aria-valuetext')).toMatch(expected);
      await expect.poll(() => w.page.locator('.notice').count()).toBeGreaterThan(0);
      expect(await w.page.locator('img[src="x"]').count()).toBe(0);
      await w.context.close();
    }
  });

  it('answers who held a clicked place, and how far the front was', async () => {
    const w = await open('?date=1951-01-10');
    const box = await w.page.locator('.map').boundingBox();
    if (!box) throw new Error('map has no box');
    // Near the top of the map is far north: PVA/KPA side on 10 January.
    await w.page.mouse.click(box.x + box.width * 0.45, box.y + box.height * 0.12);
    const result = w.page.locator('.query .result');
    await expect.poll(() => result.getAttribute('data-side')).toBe('PVA/KPA');
    // A point with no name is given by its coordinates.
    expect(await result.locator('.answer').textContent()).toMatch(/^\s*\d+\.\d{3}° N, \d+\.\d{3}° E, 10 January 1951: held by the PVA\/KPA, \d+\.\d km behind the front\./);
    // Near the bottom is the far south: UN side.
    await w.page.mouse.click(box.x + box.width * 0.5, box.y + box.height * 0.93);
    await expect.poll(() => result.getAttribute('data-side')).toBe('UN');
    await w.context.close();
  });

  it('speaks Korean with ?lang=ko: slider, narrative, places, unit cards and map controls', async () => {
    const w = await open('?date=1951-01-04&lang=ko');
    const slider = w.page.getByRole('slider', { name: /날짜/ });
    expect(await slider.getAttribute('aria-valuetext')).toMatch(/^1951년 1월 4일 – 서울 철수/);
    expect(await w.page.evaluate(() => document.documentElement.lang)).toBe('ko');
    expect(await w.page.locator('.narrative article h3').textContent()).toBe('서울 철수와 함락');
    await slider.focus();
    await w.page.keyboard.press('PageUp');
    expect(await slider.getAttribute('aria-valuetext')).toMatch(/^1951년 1월 5일 – D선으로 철수/);
    const paragraph = (await w.page.locator('.narrative article p').first().textContent()) ?? '';
    expect(paragraph.match(/[가-힣]/g)?.length).toBeGreaterThan(20);
    expect(await w.page.locator('select option[value="pyeongtaek"]').textContent()).toMatch(/^평택/);
    await w.page.locator('.forces > summary').click();
    await w.page.locator('.forces li button').first().click();
    const card = (await w.page.locator('.forces .card dl').textContent()) ?? '';
    // Everything in the card but the bibliographic citations is Korean, its note included.
    expect(card.split('출처')[0]).not.toMatch(/[A-Za-z]{3,}/);
    await expect.poll(async () => ((await w.page.locator('.forces .card > p').first().textContent()) ?? '').match(/[가-힣]/g)?.length ?? 0).toBeGreaterThan(20);
    expect(w.requests.filter((u) => /unit-notes\.\w+\.json$/.test(u)).map((u) => u.split('/').pop())).toEqual(['unit-notes.ko.json']);
    expect(await w.page.locator('.maplibregl-ctrl-zoom-in').getAttribute('aria-label')).toBe('확대');
    // Switching language relabels the map's own controls too.
    await w.page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => w.page.locator('.maplibregl-ctrl-zoom-in').getAttribute('aria-label')).toBe('Zoom in');
    await w.context.close();
  });

  it('loads the other language only when asked for, and stays put with a notice if it cannot', async () => {
    const w = await open('?date=1951-01-04&lang=en');
    const asked = (name: string) => w.requests.filter((u) => u.endsWith(name)).length;
    expect(asked('narrative.en.json')).toBe(1);
    expect(asked('narrative.ko.json')).toBe(0);
    // The first switch fails (the server is down for that file): the page says so and stays English.
    await w.page.route('**/narrative.ko.json', (route) => route.fulfill({ status: 503, body: 'down' }));
    await w.page.getByRole('button', { name: '한국어' }).click();
    await expect.poll(() => w.page.locator('.notice').textContent()).toMatch(/could not be loaded.*503/);
    expect(await w.page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await w.page.locator('.narrative article h3').textContent()).toMatch(/Seoul/);
    // Once it can be fetched, the switch works.
    await w.page.unroute('**/narrative.ko.json');
    await w.page.getByRole('button', { name: '한국어' }).click();
    await expect.poll(() => w.page.locator('.narrative article h3').textContent()).toBe('서울 철수와 함락');
    expect(await w.page.evaluate(() => document.documentElement.lang)).toBe('ko');
    await w.context.close();
  });

  it('stays usable when resized from phone to desktop and back', async () => {
    const w = await open('?date=1951-01-10');
    for (const [width, height] of [[375, 740], [1280, 860], [375, 740]]) {
      await w.page.setViewportSize({ width, height });
      // The map follows its box once its resize observer has run: poll for that, no fixed wait.
      const fits = async () => {
        const [box, canvas] = await Promise.all([w.page.locator('.map').boundingBox(), w.page.locator('.map canvas').boundingBox()]);
        return Boolean(box && canvas && Math.abs(canvas.width - box.width) < 0.5 && Math.abs(canvas.height - box.height) < 0.5);
      };
      await expect.poll(fits, { message: `the canvas fills the map box at ${width}×${height}` }).toBe(true);
      expect(await w.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      const slider = w.page.getByRole('slider', { name: /date/i });
      await slider.focus();
      await w.page.keyboard.press('ArrowRight');
    }
    expect(await w.page.getByRole('slider', { name: /date/i }).getAttribute('aria-valuetext')).toMatch(/^13 January 1951/);
    await w.context.close();
  });

  it('downloads fonts only to draw Hangul: none for the English embed, the switch letters in English, the Hangul subset in Korean', async () => {
    // The English embed draws no Hangul at all: no font.
    const embed = await openPage(browser);
    await embed.page.goto(`${base}embed.html?date=1951-01-04&lang=en`);
    await waitForMap(embed.page);
    await mapShot(embed);
    expect(embed.requests.filter((u) => u.endsWith('.woff2'))).toEqual([]);
    await embed.context.close();
    // The English app draws "한국어" on its language switch (and Korean titles of some cited
    // works): the switch's letters come from their own small file.
    const en = await open('?date=1951-01-04&lang=en');
    await mapShot(en);
    expect(en.requests.filter((u) => u.endsWith('.woff2')).map((u) => new URL(u).pathname)).toContain('/fonts/noto-sans-kr-names.woff2');
    const names = await en.page.evaluate(() => [...document.fonts].filter((f) => f.unicodeRange.split(',').length === 3).map((f) => f.status));
    expect(names).toEqual(['loaded']);
    await en.context.close();
    const ko = await open('?date=1951-01-04&lang=ko');
    await mapShot(ko);
    expect(ko.requests.filter((u) => u.endsWith('.woff2')).map((u) => new URL(u).pathname)).toContain('/fonts/noto-sans-kr-hangul.woff2');
    await ko.context.close();
  });

  it('requests nothing from any other origin and logs no console errors', async () => {
    const w = await open('?date=1951-01-20');
    const slider = w.page.getByRole('slider', { name: /date/i });
    await slider.focus();
    await w.page.keyboard.press('End');
    await w.page.getByRole('button', { name: '한국어' }).click();
    await w.page.waitForTimeout(500);
    const origin = new URL(base).origin;
    const foreign = w.requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:'));
    expect(foreign).toEqual([]);
    expect(w.consoleProblems).toEqual([]);
    await w.context.close();
  });
});

describe('places', () => {
  it('a place chosen without a pointer shows its card, 1951 spelling and who held it', async () => {
    const w = await open('?date=1951-01-20');
    await w.page.getByLabel(/choose a place/i).selectOption('pyeongtaek');
    const result = w.page.locator('.query .result');
    await expect.poll(() => result.getAttribute('data-side')).toBe('UN');
    // The card leads with the answer, named (no coordinates), then the details.
    expect(await result.locator('.answer').textContent()).toMatch(/^\s*Pyeongtaek, 20 January 1951: held by the UN, \d+\.\d km behind the front\./);
    expect(await result.textContent()).not.toMatch(/° N/);
    expect(await result.locator('dd[lang="ko"]').textContent()).toBe('평택');
    expect(await result.textContent()).toContain("P'yongt'aek");
    // Another place, on the same date, is on the other side.
    await w.page.getByLabel(/choose a place/i).selectOption('seoul');
    await expect.poll(() => result.getAttribute('data-side')).toBe('PVA/KPA');
    await w.context.close();
  });

  it('the card says when a place lay in no-man\'s land or infiltrated ground, how sure and from which sources (en, ko)', async () => {
    const w = await open('?date=1951-01-12');
    const result = w.page.locator('.query .result');
    const zone = result.locator('.zone');
    // Ich'on: north of the UN front, but found empty by IX Corps patrols (EF12).
    await w.page.getByLabel(/choose a place/i).selectOption('icheon');
    await expect.poll(() => zone.getAttribute('data-zone')).toBe("no-man's land");
    expect(await result.getAttribute('data-side')).toBe('PVA/KPA');
    expect(await zone.textContent()).toMatch(/no-man’s land.*How sure: approximate\..*Mossman, Ebb and Flow, ch\. 12/s);
    // The card leads with the answer: no-man's land was held by neither side.
    expect(await result.locator('.answer').textContent()).toMatch(/^\s*Icheon, 12 January 1951: in no-man’s land, held by neither side, \d+\.\d km north of the UN front\./);
    // Tanyang: behind the UN front, where KPA II Corps moved (not UN-held ground).
    await w.page.getByLabel(/choose a place/i).selectOption('danyang');
    await expect.poll(() => zone.getAttribute('data-zone')).toBe('infiltrated');
    expect(await result.getAttribute('data-side')).toBe('UN');
    expect(await zone.textContent()).toMatch(/KPA II Corps infiltration.*Allies await new enemy offensive/s);
    expect(await result.locator('.answer').textContent()).toMatch(/^\s*Danyang, 12 January 1951: held by the UN, \d+\.\d km behind the front, in ground PVA\/KPA troops had infiltrated\./);
    // Held ground has no zone line.
    await w.page.getByLabel(/choose a place/i).selectOption('pyeongtaek');
    await expect.poll(() => zone.count()).toBe(0);
    await w.context.close();
    const k = await open('?date=1951-01-12&lang=ko');
    await k.page.getByLabel(/장소를 고르세요/).selectOption('icheon');
    const kzone = k.page.locator('.query .result .zone');
    await expect.poll(() => kzone.textContent()).toMatch(/무인지대.*확실성: 대략적임/s);
    await k.context.close();
  });
});

describe('forces, lines and sharing', () => {
  it('lists the units on the map and opens a unit card from the list', async () => {
    const w = await open('?date=1950-12-31');
    await w.page.locator('.forces > summary').click();
    const buttons = w.page.locator('.forces li button');
    expect(await buttons.count()).toBeGreaterThan(5);
    // Card texts are fetched when a card is first opened, in the language shown.
    const notesAsked = () => w.requests.filter((u) => /unit-notes\.\w+\.json$/.test(u)).map((u) => u.split('/').pop());
    expect(notesAsked()).toEqual([]);
    await w.page.route('**/unit-notes.en.json', (route) => route.fulfill({ status: 503, body: 'down' }));
    await buttons.first().click();
    const card = w.page.locator('.forces .card');
    await expect.poll(() => card.count()).toBe(1);
    expect(await card.textContent()).toMatch(/Sources/);
    // A failed fetch says so in the card and can be retried.
    const failed = card.locator('.note-failed');
    await expect.poll(() => failed.textContent()).toMatch(/could not be loaded/);
    await w.page.unroute('**/unit-notes.en.json');
    await failed.getByRole('button', { name: 'Retry' }).click();
    const unit = await card.getAttribute('data-unit');
    const notes = JSON.parse(readFileSync('geo/korea-1951-01/unit-notes.en.json', 'utf8')).notes as Record<string, string>;
    await expect.poll(() => card.locator('p').last().textContent()).toBe(notes[unit!]);
    expect(notesAsked()).toEqual(['unit-notes.en.json', 'unit-notes.en.json']);
    // Another card needs no further request.
    await buttons.nth(1).click();
    await expect.poll(() => card.getAttribute('data-unit')).not.toBe(unit);
    expect(await card.locator('p').last().textContent()).toBe(notes[(await card.getAttribute('data-unit'))!]);
    expect(notesAsked()).toHaveLength(2);
    await w.context.close();
  });

  it('adds the neighbouring countries after the first frame; the map works without them', async () => {
    const zoomedOut = async (w: Watched) => {
      await w.page.locator('.map canvas').focus();
      // Out to the minimum zoom, where China and Japan are in view: until the zoom-out button says
      // it is there (a step pressed while the page is still busy after ready may zoom out less).
      const atMin = () => w.page.locator('.maplibregl-ctrl-zoom-out').isDisabled();
      for (let i = 0; i < 10 && !(await atMin()); i++) {
        await w.page.keyboard.press('Minus');
        await w.page.waitForTimeout(400);
      }
      expect(await atMin()).toBe(true);
      await w.page.waitForTimeout(800);
      return colorStats(await mapShot(w), COLORS.neighbourLand, 4).count;
    };
    const w = await open('?date=1951-01-10');
    await expect.poll(() => w.requests.filter((u) => u.endsWith('/surroundings.topo.json')).length).toBe(1);
    const withThem = await zoomedOut(w);
    await w.context.close();
    const without = await openPage(browser);
    await without.page.route('**/surroundings.topo.json', (route) => route.fulfill({ status: 404, body: 'gone' }));
    await without.page.goto(`${base}?date=1951-01-10`);
    await waitForMap(without.page);
    const withoutThem = await zoomedOut(without);
    // Far more land than the Korean islands alone.
    expect(withThem).toBeGreaterThan(withoutThem * 3 + 2000);
    expect(await without.page.getByRole('slider', { name: /date/i }).count()).toBe(1);
    await without.context.close();
  });

  it('draws units and arrows on the map (pixels of the friendly and hostile symbol fills)', async () => {
    const w = await open('?date=1950-12-31');
    const img = await mapShot(w);
    // milsymbol's default fills: friendly light blue, hostile salmon.
    expect(colorStats(img, '#80e0ff', 20).count).toBeGreaterThan(50);
    expect(colorStats(img, '#ff8080', 20).count).toBeGreaterThan(50);
    await w.context.close();
  });

  it('shows and hides the named lines', async () => {
    const w = await open('?date=1951-01-10');
    const before = colorStats(await mapShot(w), COLORS.refLine, 16).count;
    await w.page.getByRole('checkbox', { name: /Line D \(planned/i }).check();
    const after = colorStats(await mapShot(w), COLORS.refLine, 16).count;
    expect(after).toBeGreaterThan(before + 100);
    await w.context.close();
  });

  it('offers a link to the date and an iframe snippet', async () => {
    const w = await open('?date=1951-01-15');
    await w.page.getByRole('button', { name: 'Share' }).click();
    const link = await w.page.getByLabel('Link to this date').inputValue();
    expect(link).toBe(`${base}index.html?date=1951-01-15&lang=en`);
    const snippet = await w.page.getByLabel(/Embed code/).inputValue();
    expect(snippet).toMatch(/^<iframe src="[^"]*embed\.html\?date=1951-01-15&amp;lang=en&amp;interactive=0" title="[^"]+" width="100%" height="\d+" loading="lazy" allow="fullscreen"/);
    await w.context.close();
  });
});
