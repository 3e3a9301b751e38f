import { describe, expect, it } from 'vitest';
import { dayOf, momentOf } from '../../src/lib/dates.ts';
import { loadMessages } from '../../src/lib/i18n.ts';
import {
  animationSeconds, clockText, closingCard, compareCaption, exportFileName, frameCaption, frameSchedule, gifFits, scaleBar, secondsLeft, sourceKeys, sourceNote, splitOn,
} from '../../src/lib/export-plan.ts';
import type { SourceIndex } from '../../src/lib/types.ts';

describe('frameSchedule', () => {
  it('steps by speed ÷ fps from start and ends exactly on end', () => {
    const s = frameSchedule(dayOf('1951-01-03'), dayOf('1951-01-05'), 'normal', 25);
    expect(s.length).toBe(51);
    expect(s[0]).toBe(dayOf('1951-01-03'));
    expect(s[1] - s[0]).toBeCloseTo(1 / 25, 12);
    expect(s[50]).toBe(dayOf('1951-01-05'));
    // Frame 25 is exactly the day step between (computed from the index, not summed).
    expect(s[25]).toBeCloseTo(dayOf('1951-01-04'), 12);
  });
  it('gives the same moments for the same settings, and fewer for a faster speed', () => {
    const a = frameSchedule(dayOf('1951-01-01'), dayOf('1951-01-10'), 'fast', 25);
    expect(frameSchedule(dayOf('1951-01-01'), dayOf('1951-01-10'), 'fast', 25)).toEqual(a);
    expect(a.length).toBe(76);
    expect(frameSchedule(dayOf('1951-01-01'), dayOf('1951-01-10'), 'slow', 25).length).toBe(451);
  });
  it('ends on end when the range is not a whole number of steps, and a single moment is one frame', () => {
    const s = frameSchedule(dayOf('1951-01-03'), momentOf('1951-01-04T14:00'), 'fast', 10);
    expect(s.at(-1)).toBe(momentOf('1951-01-04T14:00'));
    expect(s.at(-1)! - s.at(-2)!).toBeLessThanOrEqual(0.3 + 1e-9);
    expect(frameSchedule(dayOf('1951-01-04'), dayOf('1951-01-04'), 'normal', 25)).toEqual([dayOf('1951-01-04')]);
    expect(frameSchedule(dayOf('1951-01-05'), dayOf('1951-01-04'), 'normal', 25)).toEqual([dayOf('1951-01-05')]);
  });
  it('times the animation and limits GIFs to short clips', () => {
    expect(animationSeconds(dayOf('1951-01-03'), dayOf('1951-01-05'), 'slow')).toBe(4);
    expect(gifFits(dayOf('1951-01-03'), dayOf('1951-01-10'), 'normal')).toBe(true);
    expect(gifFits(dayOf('1950-12-31'), dayOf('1951-01-31'), 'normal')).toBe(false);
    expect(gifFits(dayOf('1951-01-01'), dayOf('1951-01-31'), 'fast')).toBe(true);
  });
});

describe('file names', () => {
  it('name the range, language and size', () => {
    expect(exportFileName({ start: dayOf('1951-01-03'), end: dayOf('1951-01-05') }, 'en', { width: 1280, height: 720 }, 'mp4')).toBe('korea-1951-01-03-to-1951-01-05-en-1280x720.mp4');
    expect(exportFileName({ start: dayOf('1951-01-04') }, 'ko', { width: 1080, height: 1080 }, 'png')).toBe('korea-1951-01-04-ko-1080x1080.png');
    // A moment between day steps falls in its calendar date.
    expect(exportFileName({ start: momentOf('1951-01-06T14:00'), end: momentOf('1951-01-06T20:00') }, 'en', { width: 640, height: 360 }, 'gif')).toBe('korea-1951-01-06-en-640x360.gif');
  });
});

describe('captions', () => {
  it('give the title and the moment in words, with the time of day between day steps', async () => {
    await loadMessages('ko');
    expect(frameCaption('en', dayOf('1951-01-04'))).toEqual({ title: 'Korea, January 1951', date: '4 January 1951' });
    expect(frameCaption('en', momentOf('1951-01-06T14:00')).date).toBe('6 January 1951, afternoon (14:00)');
    expect(frameCaption('ko', dayOf('1951-01-04')).date).toBe('1951년 1월 4일');
    expect(frameCaption('ko', dayOf('1951-01-04')).title).toMatch(/1951/);
  });
  const sources: SourceIndex = {
    EF10: { author: 'Billy C. Mossman', title: 'Ebb and Flow, November 1950 – July 1951', year: 1990, chapter: 'X. Withdrawal From Seoul', licence: 'Public domain (US Government work)' },
  };
  it('list each source with year and licence on the closing card, and the map’s licence', () => {
    const card = closingCard('en', ['EF10', 'NOPE'], sources);
    expect(card.heading).toBe('Sources');
    expect(card.lines).toEqual(['Mossman, Ebb and Flow, ch. 10 (1990) – Public domain (US Government work)', 'NOPE']);
    expect(card.licence).toMatch(/MIT licence/);
    expect(closingCard('ko', ['EF10'], sources).heading).toBe('출처');
    expect(sourceNote('en', ['EF10'], sources)).toBe('Sources: Mossman, Ebb and Flow, ch. 10');
    expect(sourceKeys([['b', 'a'], ['a', 'c']])).toEqual(['a', 'b', 'c']);
  });
  it('name the first sources and count the rest when the note is shortened', async () => {
    await loadMessages('ko');
    expect(sourceNote('en', ['EF10', 'X', 'Y'], sources, 1)).toBe('Sources: Mossman, Ebb and Flow, ch. 10; and 2 more');
    expect(sourceNote('en', ['EF10', 'X'], sources, 0)).toBe('Sources: and 2 more');
    expect(sourceNote('ko', ['EF10', 'X'], sources, 1)).toBe('출처: Mossman, Ebb and Flow, 10장; 그 밖에 1개');
  });
});

describe('pictures of compare', () => {
  it('put both dates in the caption: A | B for the swipe, A → B for the overlay', async () => {
    await loadMessages('ko');
    const [a, b] = [dayOf('1951-01-01'), dayOf('1951-01-24')];
    expect(compareCaption('en', a, b, 'swipe')).toEqual({ title: 'Korea, January 1951', date: '1 January 1951 | 24 January 1951' });
    expect(compareCaption('en', a, b, 'overlay').date).toBe('1 January 1951 → 24 January 1951');
    expect(compareCaption('ko', a, b, 'swipe').date).toBe('1951년 1월 1일 | 1951년 1월 24일');
  });
  it('name the file by both dates and the view', () => {
    const size = { width: 1280, height: 720 };
    expect(exportFileName({ start: dayOf('1951-01-01'), end: dayOf('1951-01-24'), compare: 'swipe' }, 'en', size, 'png')).toBe('korea-compare-1951-01-01-1951-01-24-swipe-en-1280x720.png');
    expect(exportFileName({ start: dayOf('1951-01-01'), end: dayOf('1951-01-24'), compare: 'overlay' }, 'ko', size, 'png')).toBe('korea-compare-1951-01-01-1951-01-24-overlay-ko-1280x720.png');
  });
  it('put the divider on the same longitude in a frame that shows more or less around', () => {
    const page: [[number, number], [number, number]] = [[126, 36], [129, 38]];
    expect(splitOn(page, 0.5, page)).toBeCloseTo(0.5, 12);
    // The export shows 1° more each side: the middle stays the middle, the edges move in.
    const wider: [[number, number], [number, number]] = [[125, 35.5], [130, 38.5]];
    expect(splitOn(page, 0.5, wider)).toBeCloseTo(0.5, 12);
    expect(splitOn(page, 0, wider)).toBeCloseTo(0.2, 12);
    expect(splitOn(page, 1, wider)).toBeCloseTo(0.8, 12);
    // Kept within the frame; a degenerate frame keeps the page's share.
    expect(splitOn(page, 1, [[125, 35], [127, 38]])).toBe(1);
    expect(splitOn(page, 0.3, [[127, 35], [127, 38]])).toBe(0.3);
  });
});

describe('scale bar and time left', () => {
  it('picks the longest round distance that fits', () => {
    // 250 m a pixel, 160 px: 40 km fits, so 20 km (the round values are 1, 2, 5 × 10ⁿ).
    expect(scaleBar(250, 160)).toEqual({ km: 20, px: 80 });
    expect(scaleBar(1000, 160)).toEqual({ km: 100, px: 100 });
    expect(scaleBar(100, 100)).toEqual({ km: 10, px: 100 });
  });
  it('estimates the time left from the work done', () => {
    expect(secondsLeft(0, 100, 0)).toBeUndefined();
    expect(secondsLeft(10, 100, 5000)).toBe(45);
    expect(secondsLeft(100, 100, 5000)).toBe(0);
    expect(clockText(65)).toBe('1:05');
    expect(clockText(0)).toBe('0:00');
  });
});

describe('the builder’s video link', () => {
  it('opens the app on the lesson’s dates with the video dialog, once', async () => {
    const { videoUrl } = await import('../../src/lib/share.ts');
    const { parseAppParams, urlFor } = await import('../../src/lib/params.ts');
    const url = videoUrl('https://school.example/map/lesson-builder.html', '1951-01-03', '1951-01-10', 'ko');
    expect(url).toBe('https://school.example/map/index.html?date=1951-01-03&start=1951-01-03&end=1951-01-10&lang=ko&download=video');
    const params = parseAppParams(new URL(url).search, dayOf('1950-12-31'), dayOf('1951-01-31'));
    expect(params).toMatchObject({ download: 'video', start: dayOf('1951-01-03'), end: dayOf('1951-01-10'), lang: 'ko', notices: [] });
    expect(parseAppParams('?download=picture', dayOf('1950-12-31'), dayOf('1951-01-31')).download).toBe('picture');
    const bad = parseAppParams('?download=<b>x', dayOf('1950-12-31'), dayOf('1951-01-31'));
    expect(bad.download).toBeUndefined();
    expect(bad.notices).toEqual([{ key: 'notice.badParam', vars: { name: 'download', value: '<b>x' } }]);
    // The address bar drops it, so a reload or a copied link does not open the dialog again.
    expect(urlFor(url, '1951-01-04', 'ko')).toBe('https://school.example/map/index.html?date=1951-01-04&start=1951-01-03&end=1951-01-10&lang=ko');
  });
});
