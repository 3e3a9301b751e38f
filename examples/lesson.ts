/**
 * The sample lesson's activity, driven by the embed's message API through <campaign-map>:
 * date buttons, Play and Pause, and a question that pauses the map when it reaches 4 January.
 */
interface CampaignMapElement extends HTMLElement {
  setDate(date: string): void;
  play(): void;
  pause(): void;
}

/** The day of the question: the map stops there once and the question is shown. */
const QUESTION_DATE = '1951-01-04';

const map = document.getElementById('map') as CampaignMapElement | null;
const current = document.getElementById('current');
const question = document.getElementById('question');
const code = document.getElementById('embed-code') as HTMLTextAreaElement | null;
const copyStatus = document.getElementById('copy-status');

function onDate(e: Event): void {
  const { date } = (e as CustomEvent<{ date: string; phase: string }>).detail;
  if (current) current.textContent = date;
  // The first time the map reaches the day Seoul was lost, it stops there and the question appears.
  if (question?.hidden && date >= QUESTION_DATE) {
    question.hidden = false;
    map?.pause();
    // Playback reaches 4 January in its small hours; the question is about the end of that day
    // (the slider's '4 January': Seoul given up), so the map is set to that day step.
    map?.setDate(QUESTION_DATE);
  }
}

map?.addEventListener('campaign-map:ready', onDate);
map?.addEventListener('campaign-map:datechange', onDate);
for (const button of Array.from(document.querySelectorAll<HTMLButtonElement>('button[data-date]'))) {
  button.addEventListener('click', () => map?.setDate(button.dataset.date ?? ''));
}
document.getElementById('play')?.addEventListener('click', () => map?.play());
document.getElementById('pause')?.addEventListener('click', () => map?.pause());

// The code a teacher pastes: a plain iframe of this site's embed, opening on the question's day.
if (code) {
  const src = new URL(`../embed.html?date=${QUESTION_DATE}&lang=en`, location.href).href;
  code.value = `<iframe src="${src}" title="Korea, January 1951 – campaign map" width="100%" height="640" loading="lazy" allow="fullscreen" style="border:0"></iframe>`;
}
document.getElementById('copy')?.addEventListener('click', async () => {
  if (!code || !copyStatus) return;
  try {
    await navigator.clipboard.writeText(code.value);
    copyStatus.textContent = 'Copied. Paste it into your course page.';
  } catch {
    // Without clipboard permission, select the code so it can be copied by hand.
    code.focus();
    code.select();
    copyStatus.textContent = 'Selected: press Ctrl+C (⌘C on a Mac) to copy.';
  }
});
