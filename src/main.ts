import { mount } from 'svelte';
import './app.css';
import App from './components/App.svelte';
import { fetchJsonReader } from './lib/fetch-json.ts';

/** The pack this page shows; data/ mirrors geo/ (see vite.config.ts). */
const MANIFEST = 'data/korea-1951-01/manifest.json';

const target = document.getElementById('app');
if (target) {
  target.textContent = '';
  mount(App, { target, props: { manifest: MANIFEST, read: fetchJsonReader(document.baseURI) } });
}
