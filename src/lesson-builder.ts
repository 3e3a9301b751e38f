import { mount } from 'svelte';
import './app.css';
import LessonBuilder from './components/builder/LessonBuilder.svelte';
import { fetchJsonReader } from './lib/fetch-json.ts';
import { inlineFirst, inlineJsonFiles } from './lib/inline-json.ts';
import { registerPageFonts } from './map/fonts.ts';

// The builder reads only the pack's manifest (its dates), carried inline; it never loads the
// map itself: the live preview is the embed, in an iframe.
registerPageFonts(document.baseURI);
const read = inlineFirst(inlineJsonFiles(document, document.baseURI), document.baseURI, fetchJsonReader(document.baseURI));
const target = document.getElementById('app');
if (target) {
  target.textContent = '';
  mount(LessonBuilder, { target, props: { manifest: 'data/korea-1951-01/manifest.json', read } });
}
