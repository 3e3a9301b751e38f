import { mount } from 'svelte';
import './app.css';
import PrintApp from './components/PrintApp.svelte';
import { MANIFEST, mountTarget, read } from './pages.ts';

const target = mountTarget();
if (target) mount(PrintApp, { target, props: { manifest: MANIFEST, read } });
