import { mount } from 'svelte';
import './app.css';
import App from './components/App.svelte';
import { MANIFEST, mountTarget, read } from './pages.ts';

const target = mountTarget();
if (target) mount(App, { target, props: { manifest: MANIFEST, read } });
