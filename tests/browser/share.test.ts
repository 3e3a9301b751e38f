/**
 * The Share dialog: distinct copy buttons, the copy announced, the options a teacher needs
 * (range, language, speed, autoplay, narrative, lock) written into the link and the snippet,
 * and the app and the embed opening exactly what they say.
 */
import { describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { openPage, type Watched } from './chromium.ts';
import { useBrowser } from './shared-browser.ts';
import { axeViolations } from './axe.ts';

const base = inject('baseUrl');
let browser: Browser;
useBrowser((b) => (browser = b));

async function openShare(query: string): Promise<Watched> {
  const w = await openPage(browser, { bypassCSP: true, permissions: ['clipboard-read', 'clipboard-write'] });
  await w.page.goto(`${base}${query}`);
  // The dialog needs the data, not the drawn map (which is slow on a loaded machine).
  await w.page.getByRole('button', { name: 'Share' }).click();
  return w;
}

/** The snippet's src, unescaped. */
async function snippetSrc(w: Watched): Promise<string> {
  const snippet = await w.page.getByLabel(/Embed code/).inputValue();
  const m = /^<iframe src="([^"]+)"/.exec(snippet);
  if (!m) throw new Error(`no src in ${snippet}`);
  return m[1].replace(/&amp;/g, '&');
}

// Generous: on a shared, loaded machine one page load can take tens of seconds.
describe('Share', { timeout: 150_000 }, () => {
  it('has two copy buttons with distinct names, and announces what was copied', async () => {
    const w = await openShare('?date=1951-01-15');
    const dialog = w.page.getByRole('dialog', { name: 'Share this map' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    const copyLink = dialog.getByRole('button', { name: 'Copy link' });
    const copyEmbed = dialog.getByRole('button', { name: 'Copy embed code' });
    expect(await copyLink.count()).toBe(1);
    expect(await copyEmbed.count()).toBe(1);
    const status = dialog.getByRole('status');
    expect(await status.textContent()).toBe('');

    await copyLink.click();
    await expect.poll(() => status.textContent()).toBe('Link copied');
    expect(await w.page.evaluate(() => navigator.clipboard.readText())).toBe(`${base}index.html?date=1951-01-15&lang=en`);
    // The names stay what the buttons do: a screen reader does not hear two "Copied" buttons.
    expect(await copyLink.count()).toBe(1);

    await copyEmbed.click();
    await expect.poll(() => status.textContent()).toBe('Embed code copied');
    expect(await w.page.evaluate(() => navigator.clipboard.readText())).toMatch(/^<iframe src=".*embed\.html\?date=1951-01-15&amp;lang=en&amp;interactive=0"/);
    expect(await axeViolations(w.page)).toEqual([]);
    await w.context.close();
  });

  it('writes the chosen range, language, speed, autoplay, narrative and lock into the URLs', async () => {
    const w = await openShare('?date=1951-01-15');
    const dialog = w.page.getByRole('dialog');
    await dialog.getByLabel('From', { exact: true }).fill('1951-01-04');
    await dialog.getByLabel('To', { exact: true }).fill('1951-01-20');
    await dialog.getByLabel('Language').selectOption('ko');
    await dialog.getByLabel('Playback speed').selectOption('fast');
    await dialog.getByLabel(/Start playing/).check();
    await dialog.getByLabel(/narrative open/).check();
    // Locked by default for an embed; unlocking removes interactive=0.
    expect(await dialog.getByLabel(/Lock the map/).isChecked()).toBe(true);
    await dialog.getByLabel(/Lock the map/).uncheck();

    const link = await dialog.getByLabel('Link to this date').inputValue();
    expect(link).toBe(`${base}index.html?date=1951-01-15&start=1951-01-04&end=1951-01-20&lang=ko`);
    const src = await snippetSrc(w);
    expect(src).toBe(`${base}embed.html?date=1951-01-15&start=1951-01-04&end=1951-01-20&lang=ko&speed=fast&autoplay=1&narrative=open`);
    // The title is in the embed's language.
    expect(await dialog.getByLabel(/Embed code/).inputValue()).toMatch(/title="1951년 1월 한국/);

    // A date outside the chosen range is brought inside it.
    await dialog.getByLabel('To', { exact: true }).fill('1951-01-10');
    expect(await dialog.getByLabel('Link to this date').inputValue()).toBe(`${base}index.html?date=1951-01-10&start=1951-01-04&end=1951-01-10&lang=ko`);
    // An inverted range is refused with a visible message, and the whole month is shared.
    await dialog.getByLabel('From', { exact: true }).fill('1951-01-25');
    await expect.poll(() => dialog.getByText(/must not be after/).isVisible()).toBe(true);
    expect(await dialog.getByLabel('Link to this date').inputValue()).toBe(`${base}index.html?date=1951-01-15&lang=ko`);
    expect(await axeViolations(w.page)).toEqual([]);
    await w.context.close();
  });

  it('the app honours start and end as the embed does', async () => {
    const w = await openPage(browser);
    await w.page.goto(`${base}index.html?date=1951-01-25&start=1951-01-04&end=1951-01-20&lang=en`);
    const slider = w.page.getByRole('slider', { name: /date/i });
    const dayOf = (iso: string) => String(Date.parse(iso) / 86_400_000);
    expect(await slider.getAttribute('min')).toBe(dayOf('1951-01-04'));
    expect(await slider.getAttribute('max')).toBe(dayOf('1951-01-20'));
    // The date is clamped into the range, with a visible notice.
    expect(await slider.getAttribute('aria-valuetext')).toMatch(/^20 January 1951/);
    await expect.poll(() => w.page.getByText(/outside this map’s range/).isVisible()).toBe(true);
    await slider.focus();
    await w.page.keyboard.press('End');
    expect(await slider.getAttribute('aria-valuetext')).toMatch(/^20 January 1951/);
    await w.page.keyboard.press('Home');
    expect(await slider.getAttribute('aria-valuetext')).toMatch(/^4 January 1951/);
    // A phase button outside the range brings the date to the range's nearest end.
    await w.page.getByRole('button', { name: /25 Jan/ }).click();
    expect(await slider.getAttribute('aria-valuetext')).toMatch(/^20 January 1951/);
    // The Share dialog starts from the page's own range.
    await w.page.getByRole('button', { name: 'Share' }).click();
    expect(await w.page.getByLabel('From', { exact: true }).inputValue()).toBe('1951-01-04');
    expect(await w.page.getByLabel('Link to this date').inputValue()).toBe(`${base}index.html?date=1951-01-20&start=1951-01-04&end=1951-01-20&lang=en`);
    await w.context.close();
  });

  it('the embed opens with the options of the shared snippet', async () => {
    const w = await openShare('?date=1951-01-15');
    const dialog = w.page.getByRole('dialog');
    await dialog.getByLabel('From', { exact: true }).fill('1951-01-07');
    await dialog.getByLabel('Playback speed').selectOption('slow');
    await dialog.getByLabel(/narrative open/).check();
    const src = await snippetSrc(w);
    await w.context.close();
    const e = await openPage(browser);
    await e.page.goto(src);
    const slider = e.page.getByRole('slider', { name: /date/i });
    expect(await slider.getAttribute('min')).toBe(String(Date.parse('1951-01-07') / 86_400_000));
    expect(await e.page.getByRole('radio', { name: 'Slow' }).isChecked()).toBe(true);
    expect(await e.page.locator('details.narrative').getAttribute('open')).not.toBeNull();
    expect(e.consoleProblems).toEqual([]);
    await e.context.close();
  });
});
