/**
 * Areas from the shapes the map draws, checked against figures known in closed form: on a
 * sphere, the land between two parallels and two meridians is R²·Δλ·(sin φ₂ − sin φ₁), and
 * turf's area (spherical excess, R = 6,371,008.8 m) gives exactly that for such a quadrangle.
 */
import { describe, expect, it } from 'vitest';
import { polygon } from '@turf/helpers';
import type { Position } from 'geojson';
import { groundChange, heldKm2, km2, prepareLand, type ZoneShapes } from '../../src/lib/areas.ts';
import { northPolygon } from '../../src/lib/territory.ts';

const R = 6_371_008.8;
const RAD = Math.PI / 180;
/** km² between longitudes w–e and latitudes s–n on turf's sphere. */
const quad = (w: number, s: number, e: number, n: number) => (R * R * (e - w) * RAD * (Math.sin(n * RAD) - Math.sin(s * RAD))) / 1e6;

const land = polygon([[[126, 36], [129, 36], [129, 38.5], [126, 38.5], [126, 36]]]);
const closure: Position[] = [[132, 37.6], [132, 44], [122, 44], [122, 37.5]];
/** A front along parallel `lat`, from sea to sea, with a vertex every 0.05°. */
const frontAlong = (lat: number): Position[] => Array.from({ length: 81 }, (_, i) => [125.5 + i * 0.05, lat]);
const shapesAt = (lat: number): ZoneShapes => ({ north: northPolygon(frontAlong(lat), closure), front: frontAlong(lat) });
/** A no-man's land between two parallels, wider than the land. */
const band = (s: number, n: number) => polygon([[[125, s], [130, s], [130, n], [125, n], [125, s]]]);

describe('areas', () => {
  const index = prepareLand(land, [frontAlong(37), frontAlong(38)]);

  it('measures the land as the closed form does', () => {
    expect(index.totalKm2).toBeCloseTo(quad(126, 36, 129, 38.5), 3);
    expect(km2(undefined)).toBe(0);
  });

  it('gives each side the land on its side of the front, adding up to the whole', () => {
    const held = heldKm2(index, shapesAt(37.4));
    expect(held['PVA/KPA']).toBeCloseTo(quad(126, 37.4, 129, 38.5), 1);
    expect(held.UN).toBeCloseTo(quad(126, 36, 129, 37.4), 1);
    expect(held.noMansLand).toBe(0);
    expect(held['PVA/KPA'] + held.UN).toBeCloseTo(index.totalKm2, 6);
  });

  it('gives the same figures when a front leaves the prepared strip (whole-land fallback)', () => {
    const narrow = prepareLand(land, [frontAlong(37.5)]);
    const held = heldKm2(narrow, shapesAt(36.5));
    expect(held['PVA/KPA']).toBeCloseTo(quad(126, 36.5, 129, 38.5), 1);
  });

  it('counts no-man\'s land apart from both sides', () => {
    const held = heldKm2(index, { ...shapesAt(37.4), noMansLand: band(37.2, 37.6) });
    expect(held.noMansLand).toBeCloseTo(quad(126, 37.2, 129, 37.6), 1);
    expect(held['PVA/KPA']).toBeCloseTo(quad(126, 37.6, 129, 38.5), 1);
    expect(held.UN).toBeCloseTo(quad(126, 36, 129, 37.2), 1);
  });

  it('finds the ground that changed hands, with its shape and the side it passed to', () => {
    const change = groundChange(index, shapesAt(38), shapesAt(37));
    const expected = quad(126, 37, 129, 38);
    expect(change.gained['PVA/KPA']).toBeCloseTo(expected, 1);
    expect(change.lost.UN).toBeCloseTo(expected, 1);
    expect(change.gained.UN).toBe(0);
    expect(change.lost['PVA/KPA']).toBe(0);
    expect(change.shapes.features.map((f) => [f.properties.from, f.properties.to])).toEqual([['UN', 'PVA/KPA']]);
    expect(change.held.a['PVA/KPA']).toBeCloseTo(quad(126, 38, 129, 38.5), 1);
    expect(change.held.b['PVA/KPA']).toBeCloseTo(quad(126, 37, 129, 38.5), 1);
    // Backwards, the same ground passes the other way.
    const back = groundChange(index, shapesAt(37), shapesAt(38));
    expect(back.gained.UN).toBeCloseTo(expected, 1);
  });

  it('splits a change through no-man\'s land into its three movements', () => {
    const a = { ...shapesAt(37.8), noMansLand: band(37.7, 37.9) };
    const b = { ...shapesAt(37.2), noMansLand: band(37.1, 37.3) };
    const change = groundChange(index, a, b);
    // UN 37.3–37.7 → PVA/KPA; UN 37.1–37.3 → no-man's land; no-man's land 37.7–37.9 → PVA/KPA.
    expect(change.gained['PVA/KPA']).toBeCloseTo(quad(126, 37.3, 129, 37.9), 1);
    expect(change.gained.noMansLand).toBeCloseTo(quad(126, 37.1, 129, 37.3), 1);
    expect(change.lost.noMansLand).toBeCloseTo(quad(126, 37.7, 129, 37.9), 1);
    expect(change.lost.UN).toBeCloseTo(quad(126, 37.1, 129, 37.7), 1);
  });

  it('reports nothing for two identical moments', () => {
    const change = groundChange(index, shapesAt(37.5), shapesAt(37.5));
    expect(change.shapes.features).toHaveLength(0);
    expect(change.gained).toEqual({ 'PVA/KPA': 0, UN: 0, noMansLand: 0 });
  });

  it('refuses to prepare land for no fronts', () => {
    expect(() => prepareLand(land, [])).toThrow(/no front vertices/);
  });
});
