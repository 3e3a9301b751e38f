import { describe, expect, it } from 'vitest';
import { acceptInbound, heightMessage, parseInbound, MAX_HEIGHT } from '../../src/lib/messages.ts';

describe('inbound messages', () => {
  it('accepts exactly the documented shapes', () => {
    expect(parseInbound({ type: 'campaign-map:play' })).toEqual({ type: 'campaign-map:play' });
    expect(parseInbound({ type: 'campaign-map:pause' })).toEqual({ type: 'campaign-map:pause' });
    expect(parseInbound({ type: 'campaign-map:setDate', date: '1951-01-04' })).toEqual({ type: 'campaign-map:setDate', date: '1951-01-04' });
    expect(parseInbound({ type: 'campaign-map:setCompare', dates: ['1951-01-01', '1951-01-24'] })).toEqual({ type: 'campaign-map:setCompare', dates: ['1951-01-01', '1951-01-24'] });
    expect(parseInbound({ type: 'campaign-map:setCompare', dates: null })).toEqual({ type: 'campaign-map:setCompare', dates: null });
    expect(parseInbound({ type: 'campaign-map:setCompare' })).toEqual({ type: 'campaign-map:setCompare', dates: null });
  });

  it.each([
    null, undefined, 'campaign-map:play', 42, [], [{ type: 'campaign-map:play' }],
    { type: 'campaign-map:play', extra: true },
    { type: 'campaign-map:setDate' },
    { type: 'campaign-map:setDate', date: '1951-13-45' },
    { type: 'campaign-map:setDate', date: 19510104 },
    { type: 'campaign-map:setDate', date: '<img src=x onerror=alert(1)>' },
    { type: 'campaign-map:unknown' },
    { type: 'campaign-map:setCompare', dates: ['1951-01-01'] },
    { type: 'campaign-map:setCompare', dates: ['1951-01-01', '1951-01-24', '1951-01-31'] },
    { type: 'campaign-map:setCompare', dates: ['1951-01-01', 19510124] },
    { type: 'campaign-map:setCompare', dates: ['1951-01-01', '1951-02-30'] },
    { type: 'campaign-map:setCompare', dates: '1951-01-01,1951-01-24' },
    { type: 'campaign-map:setCompare', dates: { 0: '1951-01-01', 1: '1951-01-24', length: 2 } },
    { type: 'campaign-map:setCompare', dates: ['1951-01-01', '<b>x</b>'] },
    { type: 'campaign-map:setCompare', dates: null, extra: 1 },
    Object.create({ type: 'campaign-map:play' }),
  ])('drops %j', (data) => {
    expect(parseInbound(data)).toBeUndefined();
  });

  it('survives hostile objects', () => {
    const throwing = new Proxy({}, { ownKeys: () => { throw new Error('boom'); }, get: () => { throw new Error('boom'); } });
    expect(parseInbound(throwing)).toBeUndefined();
    const getter = Object.defineProperty({}, 'type', { get: () => { throw new Error('boom'); }, enumerable: true });
    expect(parseInbound(getter)).toBeUndefined();
    const dates = ['1951-01-01', '1951-01-24'];
    Object.defineProperty(dates, 0, { get: () => { throw new Error('boom'); } });
    expect(parseInbound({ type: 'campaign-map:setCompare', dates })).toBeUndefined();
    const proxied = new Proxy(['1951-01-01', '1951-01-24'], { get: () => { throw new Error('boom'); } });
    expect(parseInbound({ type: 'campaign-map:setCompare', dates: proxied })).toBeUndefined();
  });

  it('accepts only the configured parent origin, and nothing without one', () => {
    const play = { type: 'campaign-map:play' };
    expect(acceptInbound('https://school.example', 'https://school.example', play)).toEqual(play);
    expect(acceptInbound('https://evil.example', 'https://school.example', play)).toBeUndefined();
    expect(acceptInbound('https://school.example', undefined, play)).toBeUndefined();
  });
});

describe('height message', () => {
  it('rounds up and clamps', () => {
    expect(heightMessage(512.2)).toEqual({ type: 'campaign-map:height', height: 513 });
    expect(heightMessage(1e9).height).toBe(MAX_HEIGHT);
    expect(heightMessage(-5).height).toBe(0);
  });
});
