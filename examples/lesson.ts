/**
 * The sample lesson's activity, driven by the embed's message API through <campaign-map>.
 */
interface CampaignMapElement extends HTMLElement {
  setDate(date: string): void;
  play(): void;
  pause(): void;
}

const map = document.getElementById('map') as CampaignMapElement | null;
const current = document.getElementById('current');
const question = document.getElementById('question');

function onDate(e: Event): void {
  const { date } = (e as CustomEvent<{ date: string; phase: string }>).detail;
  if (current) current.textContent = date;
  // The question appears once the map reaches the day Seoul was lost.
  if (question && date >= '1951-01-04') question.hidden = false;
}

map?.addEventListener('campaign-map:ready', onDate);
map?.addEventListener('campaign-map:datechange', onDate);
for (const button of Array.from(document.querySelectorAll<HTMLButtonElement>('button[data-date]'))) {
  button.addEventListener('click', () => map?.setDate(button.dataset.date ?? ''));
}
document.getElementById('play')?.addEventListener('click', () => map?.play());
document.getElementById('pause')?.addEventListener('click', () => map?.pause());
