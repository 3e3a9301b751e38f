import { mount } from 'svelte';
import './app.css';
import EmbedApp from './components/EmbedApp.svelte';
import { MANIFEST, mountTarget, read } from './pages.ts';

const target = mountTarget();
if (target) mount(EmbedApp, { target, props: { manifest: MANIFEST, read } });
