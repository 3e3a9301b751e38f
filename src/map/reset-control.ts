/**
 * A map control with one button that returns the camera to the pack's default view, so a
 * student who has panned or zoomed away (or been pushed there by a stray gesture) gets back.
 */
import type * as maplibregl from 'maplibre-gl';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** The control; `label` is its accessible name and tooltip, `reset` what the button does. */
export class ResetViewControl implements maplibregl.IControl {
  private container?: HTMLElement;
  private button?: HTMLButtonElement;

  constructor(
    private label: string,
    private readonly reset: () => void,
  ) {}

  onAdd(): HTMLElement {
    const container = document.createElement('div');
    container.className = 'maplibregl-ctrl maplibregl-ctrl-group campaign-reset';
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'campaign-reset-button';
    button.addEventListener('click', this.reset);
    // A frame with a dot in the middle: "fit the whole area" (drawn, so no font is needed).
    const svg = document.createElementNS(SVG_NS, 'svg');
    svg.setAttribute('viewBox', '0 0 20 20');
    svg.setAttribute('width', '18');
    svg.setAttribute('height', '18');
    svg.setAttribute('aria-hidden', 'true');
    const path = document.createElementNS(SVG_NS, 'path');
    path.setAttribute('d', 'M2 7V2h5M13 2h5v5M18 13v5h-5M7 18H2v-5');
    path.setAttribute('fill', 'none');
    path.setAttribute('stroke', 'currentColor');
    path.setAttribute('stroke-width', '2');
    const dot = document.createElementNS(SVG_NS, 'circle');
    for (const [k, v] of [['cx', '10'], ['cy', '10'], ['r', '2.5'], ['fill', 'currentColor']]) dot.setAttribute(k, v);
    svg.append(path, dot);
    button.append(svg);
    container.append(button);
    this.container = container;
    this.button = button;
    this.setLabel(this.label);
    return container;
  }

  onRemove(): void {
    this.button?.removeEventListener('click', this.reset);
    this.container?.remove();
    this.container = undefined;
    this.button = undefined;
  }

  /** Renames the button (on a language change). */
  setLabel(label: string): void {
    this.label = label;
    this.button?.setAttribute('aria-label', label);
    this.button?.setAttribute('title', label);
  }
}
