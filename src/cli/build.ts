/** `npm run build`: the site into dist/, the embed in a build of its own (src/build/build-site.ts). */
import { buildSite } from '../build/build-site.ts';

await buildSite({ logLevel: 'info' });
