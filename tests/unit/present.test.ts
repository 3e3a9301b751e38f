import { describe, expect, it } from 'vitest';
import { clickerStep, keepsKey, phaseStep } from '../../src/lib/present.ts';

describe('clickerStep', () => {
  it('PageDown, Right arrow and Space go forward; PageUp and Left go back', () => {
    expect(['PageDown', 'ArrowRight', ' '].map(clickerStep)).toEqual([1, 1, 1]);
    expect(['PageUp', 'ArrowLeft'].map(clickerStep)).toEqual([-1, -1]);
  });
  it('other keys are not a step', () => {
    expect(['ArrowUp', 'ArrowDown', 'Enter', 'Escape', 'Home', 'b', ''].map(clickerStep)).toEqual([undefined, undefined, undefined, undefined, undefined, undefined, undefined]);
  });
});

describe('phaseStep', () => {
  const phases = [0, 4, 6, 15, 25];
  it('forward goes to the next phase, from its first day or from inside one', () => {
    expect(phaseStep(phases, 0, 1, 0, 31)).toBe(4);
    expect(phaseStep(phases, 4, 1, 0, 31)).toBe(6);
    expect(phaseStep(phases, 5.5, 1, 0, 31)).toBe(6);
  });
  it('back goes to the phase before, or to the start of the phase it is inside', () => {
    expect(phaseStep(phases, 6, -1, 0, 31)).toBe(4);
    expect(phaseStep(phases, 7.25, -1, 0, 31)).toBe(6);
  });
  it('stops at the ends of the range', () => {
    expect(phaseStep(phases, 25, 1, 0, 31)).toBe(31);
    expect(phaseStep(phases, 31, 1, 0, 31)).toBe(31);
    expect(phaseStep(phases, 0, -1, 0, 31)).toBe(0);
    expect(phaseStep(phases, 5, 1, 2, 5)).toBe(5);
    expect(phaseStep(phases, 3, -1, 2, 20)).toBe(2);
  });
});

describe('keepsKey', () => {
  it('form fields keep every key, including the slider arrows and Page keys', () => {
    for (const key of ['ArrowRight', 'ArrowLeft', 'PageUp', 'PageDown', ' ']) {
      expect(keepsKey({ tag: 'input' }, key)).toBe(true);
      expect(keepsKey({ tag: 'select' }, key)).toBe(true);
    }
    expect(keepsKey({ tag: 'div', editable: true }, 'PageDown')).toBe(true);
  });
  it('buttons and links keep Space only', () => {
    expect(keepsKey({ tag: 'button' }, ' ')).toBe(true);
    expect(keepsKey({ tag: 'a' }, ' ')).toBe(true);
    expect(keepsKey({ tag: 'button' }, 'PageDown')).toBe(false);
    expect(keepsKey({ tag: 'button' }, 'ArrowRight')).toBe(false);
  });
  it('the map canvas keeps its arrows but not the Page keys', () => {
    expect(keepsKey({ tag: 'canvas' }, 'ArrowLeft')).toBe(true);
    expect(keepsKey({ tag: 'canvas' }, 'PageDown')).toBe(false);
    expect(keepsKey({ tag: 'body' }, 'ArrowRight')).toBe(false);
  });
});
