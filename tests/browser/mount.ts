/**
 * Test page (built only for the browser tests): mounts and unmounts the map component on
 * request, so a test can count the WebGL contexts left behind.
 */
import { mount, unmount } from 'svelte';
import MapView from '../../src/components/MapView.svelte';
import { loadCampaign } from '../../src/lib/load-campaign.ts';
import { viewAt } from '../../src/lib/view.ts';
import { fetchJsonReader } from '../../src/lib/fetch-json.ts';

const target = document.getElementById('app') as HTMLElement;
const loaded = await loadCampaign('data/korea-1951-01/manifest.json', fetchJsonReader(document.baseURI));
const view = viewAt(loaded.pack, loaded.pack.startDay);

/** Mounts the map, waits for its first frame, unmounts it. */
async function cycle(): Promise<void> {
  const app = mount(MapView, { target, props: { bounds: loaded.pack.manifest.camera.bounds, pack: loaded.pack, view, lang: 'en', symbols: loaded.symbols, refLines: [], onquery: () => {}, onunit: () => {} } });
  await new Promise<void>((resolve) => {
    const poll = () => (target.querySelector('.map[data-ready="true"]') ? resolve() : setTimeout(poll, 50));
    poll();
  });
  await unmount(app);
}

(window as unknown as { cycle: typeof cycle }).cycle = cycle;
document.body.dataset.ready = 'true';
