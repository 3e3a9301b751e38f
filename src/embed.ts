import { mount } from 'svelte';
import './app.css';
import EmbedApp from './components/EmbedApp.svelte';
import { MANIFEST, holdForFonts, mountTarget, read } from './pages.ts';

holdForFonts({ languageSwitch: false });
const target = mountTarget();
if (target) mount(EmbedApp, { target, props: { manifest: MANIFEST, read } });
