/**
 * The manifests of the LMS packages, as pure functions of the file list and the build's
 * identity: SCORM 1.2 (imsmanifest.xml, IMS Content Packaging 1.1.2 with ADL's SCORM 1.2
 * extensions) and IMS Common Cartridge 1.3 (imsmanifest.xml plus a web link).
 */
import { el, xmlDocument, type XmlNode } from './xml.ts';

/** Which build a package was made from. */
export interface BuildInfo {
  name: string;
  version: string;
  /** Commit the build came from (with "+changes" when the work tree was not clean). */
  commit: string;
  /** ISO date and time of the build. */
  builtAt: string;
}

/** One line naming the build, written into every package. */
export function buildLine(b: BuildInfo): string {
  return `${b.name} ${b.version}, commit ${b.commit}, built ${b.builtAt}`;
}

const SCORM_NS = {
  xmlns: 'http://www.imsproject.org/xsd/imscp_rootv1p1p2',
  'xmlns:adlcp': 'http://www.adlnet.org/xsd/adlcp_rootv1p2',
  'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
  'xsi:schemaLocation':
    'http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd',
};

/** What the SCO opens. */
export interface ScoOptions {
  title: string;
  /** The launch page, relative to the package root. */
  launch: string;
  /** Query string for the launch page (`?lang=ko&lesson=…`), SCORM 1.2 item `parameters`. */
  parameters?: string;
  /** Mastery score 0–100 for lessons with questions. */
  masteryScore?: number;
}

/** The SCORM 1.2 imsmanifest.xml: one organisation, one SCO listing every file of the package. */
export function scormManifest(build: BuildInfo, sco: ScoOptions, files: readonly string[]): string {
  const item: XmlNode = el(
    'item',
    { identifier: 'ITEM-MAP', identifierref: 'RES-MAP', isvisible: 'true', parameters: sco.parameters || undefined },
    el('title', {}, sco.title),
    ...(sco.masteryScore !== undefined ? [el('adlcp:masteryscore', {}, String(sco.masteryScore))] : []),
  );
  const root = el(
    'manifest',
    { identifier: `${build.name}-scorm12`, version: build.version, ...SCORM_NS },
    el('metadata', {}, el('schema', {}, 'ADL SCORM'), el('schemaversion', {}, '1.2')),
    el('organizations', { default: 'ORG-MAP' }, el('organization', { identifier: 'ORG-MAP' }, el('title', {}, sco.title), item)),
    el(
      'resources',
      {},
      el('resource', { identifier: 'RES-MAP', type: 'webcontent', 'adlcp:scormtype': 'sco', href: sco.launch }, ...files.map((f) => el('file', { href: f }))),
    ),
  );
  return xmlDocument(root, buildLine(build));
}

const CC_NS = {
  xmlns: 'http://www.imsglobal.org/xsd/imsccv1p3/imscp_v1p1',
  'xmlns:lomimscc': 'http://ltsc.ieee.org/xsd/imsccv1p3/LOM/manifest',
  'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
  'xsi:schemaLocation':
    'http://www.imsglobal.org/xsd/imsccv1p3/imscp_v1p1 http://www.imsglobal.org/profile/cc/ccv1p3/ccv1p3_imscp_v1p2_v1p0.xsd http://ltsc.ieee.org/xsd/imsccv1p3/LOM/manifest http://www.imsglobal.org/profile/cc/ccv1p3/LOM/ccv1p3_lommanifest_v1p0.xsd',
};

/** Folder of the web content inside the cartridge. */
export const CC_WEB_DIR = 'web_resources/korea-1951';
/** The web link's file inside the cartridge. */
export const CC_LINK_FILE = 'links/hosted-map.xml';

/** What the cartridge carries. */
export interface CartridgeOptions {
  title: string;
  description: string;
  /** The hosted map's address, for the web link (none: no link item). */
  hostedUrl?: string;
}

/** The Common Cartridge 1.3 imsmanifest.xml: the map as web content and, if known, a link to the hosted map. */
export function cartridgeManifest(build: BuildInfo, cc: CartridgeOptions, webFiles: readonly string[]): string {
  const items: XmlNode[] = [el('item', { identifier: 'ITEM-MAP', identifierref: 'RES-MAP' }, el('title', {}, cc.title))];
  const resources: XmlNode[] = [
    el('resource', { identifier: 'RES-MAP', type: 'webcontent', href: `${CC_WEB_DIR}/index.html` }, ...webFiles.map((f) => el('file', { href: `${CC_WEB_DIR}/${f}` }))),
  ];
  if (cc.hostedUrl) {
    items.push(el('item', { identifier: 'ITEM-LINK', identifierref: 'RES-LINK' }, el('title', {}, `${cc.title} (online)`)));
    resources.push(el('resource', { identifier: 'RES-LINK', type: 'imswl_xmlv1p3' }, el('file', { href: CC_LINK_FILE })));
  }
  const lom = el(
    'lomimscc:lom',
    {},
    el(
      'lomimscc:general',
      {},
      el('lomimscc:title', {}, el('lomimscc:string', { language: 'en' }, cc.title)),
      el('lomimscc:description', {}, el('lomimscc:string', { language: 'en' }, `${cc.description} (${buildLine(build)})`)),
    ),
  );
  const root = el(
    'manifest',
    { identifier: `${build.name}-cc13`, ...CC_NS },
    el('metadata', {}, el('schema', {}, 'IMS Common Cartridge'), el('schemaversion', {}, '1.3.0'), lom),
    el('organizations', {}, el('organization', { identifier: 'ORG-MAP', structure: 'rooted-hierarchy' }, el('item', { identifier: 'ROOT' }, ...items))),
    el('resources', {}, ...resources),
  );
  return xmlDocument(root, buildLine(build));
}

/** The cartridge's web link (IMS CC 1.3 imswl_v1p3). */
export function webLink(title: string, url: string): string {
  return xmlDocument(el('webLink', { xmlns: 'http://www.imsglobal.org/xsd/imsccv1p3/imswl_v1p3' }, el('title', {}, title), el('url', { href: url, target: '_blank' })));
}
