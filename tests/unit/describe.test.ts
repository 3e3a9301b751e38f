import { beforeAll, describe, expect, it } from 'vitest';
import { loadPack, type Pack } from '../../src/lib/campaign.ts';
import { fsJsonReader } from '../../src/lib/fs-json.ts';
import { describeView } from '../../src/lib/describe.ts';
import { viewAt } from '../../src/lib/view.ts';
import { dayOf } from '../../src/lib/dates.ts';
import { loadMessages } from '../../src/lib/i18n.ts';

let pack: Pack;
beforeAll(async () => {
  [pack] = await Promise.all([loadPack('geo/korea-1951-01/manifest.json', fsJsonReader), loadMessages('ko')]);
});

describe('text alternative', () => {
  it('says where the front runs and who holds the key places', () => {
    const text = describeView(pack, viewAt(pack, dayOf('1951-01-04')), 'en').join(' ');
    expect(text).toMatch(/^On 4 January 1951 the front line ran near .*Seoul/);
    expect(text).toMatch(/Key places on the UN side: [^.]*Suwon/);
    expect(text).toMatch(/Key places on the PVA\/KPA side: [^.]*Seoul/);
    expect(text).toMatch(/Passed to the PVA\/KPA side since 1 January 1951: [^.]*Seoul/);
  });

  it('reports what the UN regained', () => {
    const text = describeView(pack, viewAt(pack, dayOf('1951-01-30')), 'en').join(' ');
    expect(text).toMatch(/Regained by the UN since 25 January 1951: [^.]*Wonju/);
  });

  it('says when the line is interpolated, and speaks Korean', () => {
    const en = describeView(pack, viewAt(pack, dayOf('1951-01-05') + 0.5), 'en');
    expect(en.at(-1)).toMatch(/interpolated/);
    const ko = describeView(pack, viewAt(pack, dayOf('1951-01-04')), 'ko').join(' ');
    expect(ko).toMatch(/^1951년 1월 4일에 전선은 .*서울/);
    expect(ko).not.toMatch(/[A-Za-z]{3,}/);
  });

  it('names no-man\'s land and the infiltrated area with the places in them, and not before there was any', () => {
    const text = describeView(pack, viewAt(pack, dayOf('1951-01-12')), 'en').join(' ');
    expect(text).toMatch(/No-man’s land, held by neither side, lay between the UN front and the PVA\/KPA forward positions; in it: [^.]*Icheon/);
    expect(text).toMatch(/Behind the UN front, KPA II Corps infiltration; in it: [^.]*Danyang/);
    const before = describeView(pack, viewAt(pack, dayOf('1951-01-04')), 'en').join(' ');
    expect(before).not.toMatch(/No-man’s land|infiltration/);
    const ko = describeView(pack, viewAt(pack, dayOf('1951-01-12')), 'ko').join(' ');
    expect(ko).toMatch(/무인지대[^.]*이천/);
    expect(ko).toMatch(/북한군 제2군단 침투 지역[^.]*단양/);
  });
});
