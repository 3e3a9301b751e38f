/**
 * The one way the site is built (npm run build, the browser tests, the benchmarks, the LMS
 * packages, the screenshots): two Vite builds into one folder, both with vite.config.ts.
 *
 * 1. The embed page alone: its first view shares no chunk with the app's other pages, so it
 *    loads two scripts (its own in one file, see embed-chunk-plugin.ts, and the map's) and one
 *    style sheet of its own instead of ten and four, and no other page's code (README
 *    Performance, (d)).
 * 2. Every other page and the host script, into the same folder without emptying it. The
 *    service worker is generated only here (see `isEmbedOnly`), after the embed's files are on
 *    disk, so its precache lists both builds' files.
 *
 * Files both builds emit (the data, fonts, manifests, MapLibre's chunk) have fixed or content
 * hashed names: the second build writes the same bytes again; `buildSite` checks that it does.
 */
import { build, type InlineConfig, type Rollup, type UserConfig } from 'vite';

/** The embed page: built on its own. */
export const EMBED_INPUT = { embed: 'embed.html' } as const;

/** Every other entry of the site (and, by environment, the benchmark and test-only pages). */
export function otherInputs(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  return {
    main: 'index.html',
    print: 'print.html',
    // The SCORM 1.2 SCO's launch page (see npm run package): the embed framed for an LMS.
    scorm: 'scorm.html',
    lessonBuilder: 'lesson-builder.html',
    // The host script keeps a stable name (dist/embed.js): see vite.config.ts.
    host: 'src/host/embed-host.ts',
    lesson: 'examples/lesson.html',
    // The bare-MapLibre baseline pages exist only in benchmark builds: the basemap alone,
    // and the opening view's content as plain style layers (bench/content-data.ts writes its data first).
    ...(env.BENCH ? { baseline: 'bench/baseline.html', content: 'bench/content.html' } : {}),
    // A page that mounts and unmounts the map exists only in the browser tests' build.
    ...(env.TEST_PAGES ? { mount: 'tests/browser/mount.html', frontCompare: 'tests/browser/front-compare.html' } : {}),
  };
}

/** Whether a (user) config is the embed's build: vite.config.ts leaves the service worker out of it. */
export function isEmbedOnly(config: UserConfig): boolean {
  const input = config.build?.rollupOptions?.input;
  return typeof input === 'object' && !Array.isArray(input) && Object.keys(input).join() === Object.keys(EMBED_INPUT).join();
}

export interface BuildSiteOptions {
  /** Output folder (default dist/, as in vite.config.ts). */
  outDir?: string;
  logLevel?: InlineConfig['logLevel'];
  /** Source maps (e.g. 'hidden' for bench/embed-bytes.ts --modules). */
  sourcemap?: NonNullable<UserConfig['build']>['sourcemap'];
}

/** Builds the whole site into `outDir`: the embed first (emptying the folder), then the rest. */
export async function buildSite(options: BuildSiteOptions = {}): Promise<void> {
  const part = (input: Record<string, string>, emptyOutDir: boolean): InlineConfig => ({
    configFile: 'vite.config.ts',
    logLevel: options.logLevel ?? 'warn',
    build: {
      emptyOutDir,
      ...(options.outDir ? { outDir: options.outDir } : {}),
      ...(options.sourcemap !== undefined ? { sourcemap: options.sourcemap } : {}),
      rollupOptions: { input },
    },
  });
  const embed = outputs(await build(part({ ...EMBED_INPUT }, true)));
  const rest = outputs(await build(part(otherInputs(), false)));
  const differ = [...embed].filter(([file, bytes]) => rest.has(file) && !same(file, rest.get(file)!, bytes)).map(([file]) => file);
  if (differ.length) throw new Error(`the embed's build and the other pages' build wrote different files of the same name: ${differ.join(', ')}`);
}

/**
 * Whether two builds wrote the same file. A source map (`sourcemap` option) may differ in the
 * placeholder a `?url` import's source holds (`import.meta.ROLLDOWN_FILE_URL_<id>`, MapLibre's
 * worker): the id follows the order the build emitted its assets in, and the code has the URL.
 */
function same(file: string, a: Buffer, b: Buffer): boolean {
  if (a.equals(b)) return true;
  const placeholder = (x: Buffer) => x.toString().replace(/ROLLDOWN_FILE_URL_\w+/g, 'ROLLDOWN_FILE_URL');
  return file.endsWith('.map') && placeholder(a) === placeholder(b);
}

/** Every file a build wrote, by name. */
function outputs(result: Awaited<ReturnType<typeof build>>): Map<string, Buffer> {
  const list = (Array.isArray(result) ? result : [result]) as Rollup.RollupOutput[];
  const out = new Map<string, Buffer>();
  for (const r of list) {
    if (!('output' in r)) throw new Error('unexpected build result (watch mode?)');
    for (const item of r.output) out.set(item.fileName, Buffer.from(item.type === 'chunk' ? item.code : item.source));
  }
  return out;
}
