/**
 * The SCORM 1.2 SCO of the packaged map: the embed in a frame that fills the LMS's content
 * area, and what the student does in it reported to the LMS (scorm12.ts). Without an LMS it
 * is the plain map.
 */
import './scorm.css';
import { findApi, ScormSession, type Goal } from './lib/scorm12.ts';
import { lessonGoal, scoFrameUrl, parseScoMessage, phasesInRange } from './lib/sco.ts';

// The build puts the pack's manifest in the page (see geo-data-plugin.ts, inline-json.ts).
const manifestText = document.querySelector('script[type="application/json"][data-path]')?.textContent;
// A lesson is complete when its last stop is reached; the plain map when every phase was seen.
const goal: Goal = lessonGoal(location.search) ?? { phases: manifestText ? phasesInRange(JSON.parse(manifestText), location.search) : [] };

const api = findApi(window);
const session = api ? new ScormSession(api, goal) : undefined;

const frame = document.createElement('iframe');
frame.className = 'sco-frame';
frame.title = document.title;
frame.allow = 'fullscreen';
frame.src = scoFrameUrl(location.search, location.origin, session?.active ? session.resumeDate : undefined);
document.body.append(frame);

window.addEventListener('message', (e) => {
  // Only the map in our own frame reports progress.
  if (!session || e.source !== frame.contentWindow || e.origin !== location.origin) return;
  const msg = parseScoMessage(e.data);
  if (msg?.type === 'date') session.viewed(msg.date, msg.phase);
  else if (msg?.type === 'stop') session.reachedStop(msg.stop);
  else if (msg?.type === 'answer') session.answered(msg.stop, msg.correct);
});

// LMSFinish on leaving; pagehide also fires where unload does not (bfcache, mobile).
const finish = () => session?.finish();
window.addEventListener('pagehide', finish);
window.addEventListener('beforeunload', finish);
