import { mount } from 'svelte';
import './app.css';
import App from './components/App.svelte';
import { MANIFEST, holdForFonts, mountTarget, read } from './pages.ts';

holdForFonts({ languageSwitch: true });
const target = mountTarget();
if (target) mount(App, { target, props: { manifest: MANIFEST, read } });
