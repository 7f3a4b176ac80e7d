/**
 * Offline checks of the add-in's XML manifest (`npm run validate`), locale overrides included.
 *
 * `office-addin-manifest validate` posts the manifest to a Microsoft web service that build machines
 * cannot reach. These rules catch, without network, the mistakes that make Office refuse the manifest
 * or load only half of this shared-runtime add-in. They are not the full XSD.
 */
import fs from "fs";
import path from "path";
import { XMLValidator } from "fast-xml-parser";
import { ancestors, childPath, descendants, parse, where, type Element } from "./manifest-tree";

/** Rule names, as printed with each problem. */
export type Rule =
  | "xml-well-formed" // fast-xml-parser's XMLValidator accepts the text
  | "officeapp-root" // the root element is <OfficeApp>
  | "resid-defined" // every resid attribute names a resource
  | "resid-unique" // no resource id is defined twice across bt:Images, bt:Urls, bt:ShortStrings, bt:LongStrings
  | "resid-kind" // a resid names the right kind of resource (a SourceLocation a bt:Url, a Label a short string ...)
  | "resid-length" // resource ids have at most 32 characters
  | "shared-runtime" // Runtime (lifetime long), FunctionFile, custom functions Page, ShowTaskpane use one resid
  | "url-https" // every URL is absolute https
  | "url-origin" // every URL but SupportUrl and AppDomain is on the DefaultSettings SourceLocation origin
  | "icon-file" // every icon URL names a PNG file in assets/
  | "icon-size" // and its pixel size is the size its file name, resource id and uses state
  | "id-guid" // <Id> is a GUID
  | "version-format" // <Version> is four dot-separated integers
  | "namespace-format" // the custom functions namespace is 3+ capitals A-Z, then A-Z, 0-9 or _
  | "string-length" // short strings have at most 125 characters, long strings 250 (overrides too)
  | "override-locale" // an Override has a language tag (zh-CN) other than DefaultLocale, once per element, and a value
  | "override-used" // an overridden resource is used by some resid (an override of nothing is a mistake)
  | "override-complete" // a locale that overrides one user-visible string overrides them all (and the name and description)
  | "override-namespace" // the functions namespace is never overridden: translated names break formulas
  | "built-file"; // with a build folder: every Url resource and its overrides name a file the build produced

export interface Problem {
  rule: Rule;
  message: string;
}

export interface ManifestReport {
  problems: Problem[];
  /** what was looked at, for the CLI's summary */
  checked: { resources: number; residReferences: number; urls: number; icons: number };
}

export interface ValidateOptions {
  /** the folder holding the icon files the manifest's icon URLs name (assets/ next to the manifest) */
  assetsDir: string;
  /** the build's output folder (dist/): when given, every Url resource and override must name a file in it */
  distDir?: string;
}

/** All problems found in the manifest text; an empty list means it passed. */
export function validateManifest(xmlText: string, opts: ValidateOptions): Problem[] {
  return inspectManifest(xmlText, opts).problems;
}

// Limits from Microsoft's manifest reference.
const MAX_RESID_LENGTH = 32;
const MAX_LENGTH: Partial<Record<ResourceKind, number>> = { ShortStrings: 125, LongStrings: 250 };

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A language tag as Office's Locale attributes write it: "zh-CN", "de-de". */
const LOCALE = /^[a-z]{2,3}-[a-z]{2,4}$/i;
const VERSION = /^\d+\.\d+\.\d+\.\d+$/;
const NAMESPACE = /^[A-Z]{3}[A-Z0-9_]*$/;
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

type ResourceKind = "Images" | "Urls" | "ShortStrings" | "LongStrings";
const RESOURCE_KINDS: readonly ResourceKind[] = ["Images", "Urls", "ShortStrings", "LongStrings"];

/** Which resource collection a resid must point into, by the local name of the element that uses it. */
const KIND_FOR_USE: Record<string, ResourceKind> = {
  SourceLocation: "Urls",
  Runtime: "Urls",
  FunctionFile: "Urls",
  LearnMoreUrl: "Urls",
  Image: "Images",
  Label: "ShortStrings",
  Title: "ShortStrings",
  Namespace: "ShortStrings",
  Description: "LongStrings",
};

interface Resource {
  id: string;
  kind: ResourceKind;
  value: string;
  element: Element;
  /** its bt:Override children, by locale */
  overrides: Override[];
}

interface Override {
  locale: string;
  value: string;
  element: Element;
}

interface Size {
  width: number;
  height: number;
  /** where the manifest states it, for messages */
  source: string;
}

interface UrlEntry {
  where: string;
  value: string;
  /** SupportUrl and AppDomain may point at other https origins */
  anyOrigin: boolean;
  /** set for icons: the sizes the manifest states for the image */
  statedSizes?: Size[];
}

interface Manifest {
  root: Element;
  /** every element, in document order */
  all: Element[];
  /** resources by id, one table per <VersionOverrides> (a nested VersionOverrides has its own) */
  tables: Map<Element, Map<string, Resource[]>>;
}

type Report = (rule: Rule, message: string) => void;

export function inspectManifest(xmlText: string, opts: ValidateOptions): ManifestReport {
  const problems: Problem[] = [];
  const report: Report = (rule, message) => problems.push({ rule, message });
  const checked = { resources: 0, residReferences: 0, urls: 0, icons: 0 };

  const wellFormed = XMLValidator.validate(xmlText);
  if (wellFormed !== true) {
    const { line, col, msg } = wellFormed.err;
    report("xml-well-formed", `The manifest is not well-formed XML: line ${line}, column ${col}: ${msg}`);
    return { problems, checked };
  }
  const root = parse(xmlText);
  if (!root || root.local !== "OfficeApp") {
    report("officeapp-root", `The root element must be <OfficeApp>, found <${root?.name ?? "nothing"}>.`);
    return { problems, checked };
  }
  const all = descendants(root);
  const manifest: Manifest = { root, all, tables: resourceTables(all) };

  checked.resources = checkResources(manifest, report);
  checked.residReferences = checkResidReferences(manifest, report);
  checkOverrides(manifest, report);
  checkSharedRuntime(manifest, report);
  const urls = collectUrls(manifest);
  checked.urls = urls.length;
  checked.icons = checkUrls(manifest, urls, opts.assetsDir, report);
  checkIdentity(manifest, report);
  checkNamespace(manifest, report);
  if (opts.distDir !== undefined) checkBuiltFiles(manifest, opts.distDir, report);
  return { problems, checked };
}

function resourceTables(all: Element[]): Manifest["tables"] {
  const tables: Manifest["tables"] = new Map();
  for (const resources of all.filter((e) => e.local === "Resources" && e.parent)) {
    const table = new Map<string, Resource[]>();
    for (const collection of resources.children.filter((e) => isResourceKind(e.local))) {
      for (const element of collection.children) {
        const id = element.attrs.id ?? "";
        const kind = collection.local as ResourceKind;
        const resource = {
          id,
          kind,
          value: element.attrs.DefaultValue ?? "",
          element,
          overrides: overridesOf(element),
        };
        table.set(id, [...(table.get(id) ?? []), resource]);
      }
    }
    tables.set(resources.parent as Element, table);
  }
  return tables;
}

/** The resources visible from an element: those of its nearest <VersionOverrides>. */
function tableFor(m: Manifest, e: Element): Map<string, Resource[]> | undefined {
  const holder = ancestors(e).find((a) => m.tables.has(a));
  return holder ? m.tables.get(holder) : undefined;
}

/** The resource an element's resid names, if exactly one is defined. */
function resolve(m: Manifest, e: Element): Resource | undefined {
  const defs = tableFor(m, e)?.get(e.attrs.resid);
  return defs?.length === 1 ? defs[0] : undefined;
}

/** Duplicate and overlong ids, overlong strings; returns the number of resources. */
function checkResources(m: Manifest, report: Report): number {
  let count = 0;
  for (const table of m.tables.values()) {
    for (const [id, defs] of table) {
      count += defs.length;
      if (defs.length > 1) {
        const where = defs.map((d) => d.element.parent?.name).join(", ");
        report(
          "resid-unique",
          `The resource id "${id}" is defined ${defs.length} times (in ${where}); ids must be unique.`,
        );
      }
      if (id.length > MAX_RESID_LENGTH) {
        report(
          "resid-length",
          `The resource id "${id}" has ${id.length} characters; Office allows at most ${MAX_RESID_LENGTH}.`,
        );
      }
      for (const d of defs) {
        const max = MAX_LENGTH[d.kind];
        const what = `The ${d.element.parent?.name} entry "${id}"`;
        if (max !== undefined && d.value.length > max) {
          report("string-length", `${what} has ${d.value.length} characters; Office allows at most ${max}.`);
        }
        for (const o of d.overrides.filter((x) => max !== undefined && x.value.length > max)) {
          report(
            "string-length",
            `${what}, overridden for ${o.locale}, has ${o.value.length} characters; Office allows at most ${max}.`,
          );
        }
      }
    }
  }
  return count;
}

/** Every attribute named resid, anywhere, must name one resource of the right kind; returns how many there are. */
function checkResidReferences(m: Manifest, report: Report): number {
  const uses = m.all.filter((e) => e.attrs.resid !== undefined);
  const missing = new Map<string, string[]>();
  for (const use of uses) {
    const resid = use.attrs.resid;
    const defs = tableFor(m, use)?.get(resid);
    if (!defs) {
      missing.set(resid, [...(missing.get(resid) ?? []), where(use)]);
      continue;
    }
    const expected = KIND_FOR_USE[use.local];
    if (expected && defs.length === 1 && defs[0].kind !== expected) {
      report(
        "resid-kind",
        `${where(use)} uses resid "${resid}", which is in bt:${defs[0].kind}; it must name an entry of bt:${expected}.`,
      );
    }
  }
  for (const [resid, places] of missing) {
    report(
      "resid-defined",
      `The resid "${resid}" is used on ${places.join(", ")} but not defined in <Resources> ` +
        "(bt:Images, bt:Urls, bt:ShortStrings or bt:LongStrings).",
    );
  }
  return uses.length;
}

function customFunctionsPoints(m: Manifest): Element[] {
  return m.all.filter((e) => e.local === "ExtensionPoint" && e.attrs.type === "CustomFunctions");
}

/**
 * Runtime, FunctionFile, the custom functions' Page and every ShowTaskpane action must load one and the
 * same page, or Office starts separate runtimes that share no state.
 */
function checkSharedRuntime(m: Manifest, report: Report): void {
  const runtime = m.all.find((e) => e.local === "Runtime" && e.parent?.local === "Runtimes");
  const sharedResid = runtime?.attrs.resid;
  if (!runtime || sharedResid === undefined) {
    report(
      "shared-runtime",
      'There is no <Runtimes><Runtime resid="..." lifetime="long"/>: the shared runtime needs one.',
    );
    return;
  }
  if (runtime.attrs.lifetime !== "long") {
    const lifetime = runtime.attrs.lifetime ?? "";
    report("shared-runtime", `<Runtime> has lifetime="${lifetime}"; a shared runtime needs lifetime="long".`);
  }
  const showTaskpane = m.all.filter((e) => e.local === "Action" && e.attrs.type === "ShowTaskpane");
  const sharers: [string, Element[]][] = [
    ["a <FunctionFile>", m.all.filter((e) => e.local === "FunctionFile")],
    [
      "a custom functions <Page><SourceLocation>",
      customFunctionsPoints(m).flatMap((x) => childPath(x, "Page", "SourceLocation")),
    ],
    ["a ShowTaskpane <Action><SourceLocation>", showTaskpane.flatMap((a) => childPath(a, "SourceLocation"))],
  ];
  for (const [description, elements] of sharers) {
    if (elements.length === 0) {
      report("shared-runtime", `There is no ${description}; it must use the shared runtime's resid "${sharedResid}".`);
    }
    for (const e of elements.filter((x) => x.attrs.resid !== sharedResid)) {
      report(
        "shared-runtime",
        `${where(e)} uses resid "${e.attrs.resid ?? ""}" but <Runtime> uses "${sharedResid}"; ` +
          "they must be identical so the functions, task pane and ribbon share one runtime.",
      );
    }
  }
}

/** Every URL of the manifest, with the sizes stated for those that are icons. */
function collectUrls(m: Manifest): UrlEntry[] {
  const urls: UrlEntry[] = [];
  for (const e of m.all) {
    const value = e.attrs.DefaultValue;
    if (value === undefined) continue;
    for (const [v, suffix] of [[value, ""], ...overridesOf(e).map((o) => [o.value, ` (${o.locale})`])]) {
      if (e.local === "SourceLocation" || e.local === "SupportUrl") {
        urls.push({ where: where(e) + suffix, value: v, anyOrigin: e.local === "SupportUrl" });
      } else if (e.local === "IconUrl" || e.local === "HighResolutionIconUrl") {
        urls.push({ where: `<${e.name}>${suffix}`, value: v, anyOrigin: false, statedSizes: sizesFromFileName(v) });
      }
    }
  }
  for (const e of m.all.filter((x) => x.local === "AppDomain")) {
    urls.push({ where: "<AppDomain>", value: e.text, anyOrigin: true });
  }

  const images = new Map<Resource, UrlEntry>();
  for (const table of m.tables.values()) {
    for (const d of [...table.values()].flat().filter((r) => r.kind === "Urls" || r.kind === "Images")) {
      for (const [value, suffix] of [[d.value, ""], ...d.overrides.map((o) => [o.value, ` (${o.locale})`])]) {
        const entry: UrlEntry = { where: `${d.element.name} "${d.id}"${suffix}`, value, anyOrigin: false };
        if (d.kind === "Images") {
          const fromId = /(\d+)x(\d+)/.exec(d.id);
          const idSize = fromId
            ? [{ width: Number(fromId[1]), height: Number(fromId[2]), source: `its id "${d.id}"` }]
            : [];
          entry.statedSizes = [...sizesFromFileName(value), ...idSize];
          if (suffix === "") images.set(d, entry);
        }
        urls.push(entry);
      }
    }
  }
  // Each <bt:Image size="16" resid="..."/> that uses an image states its size too.
  for (const use of m.all.filter((e) => e.local === "Image" && e.attrs.size !== undefined)) {
    const image = resolve(m, use);
    const size = Number(use.attrs.size);
    const stated = { width: size, height: size, source: `size="${use.attrs.size}" on ${where(use)}` };
    if (image) images.get(image)?.statedSizes?.push(stated);
  }
  return urls;
}

/** https, origin, and for icons the file and its size; returns the number of icons checked. */
function checkUrls(m: Manifest, urls: UrlEntry[], assetsDir: string, report: Report): number {
  const sourceLocation = childPath(m.root, "DefaultSettings", "SourceLocation")[0]?.attrs.DefaultValue;
  const origin = sourceLocation === undefined ? undefined : safeUrl(sourceLocation)?.origin;
  if (origin === undefined) {
    report(
      "url-origin",
      "<DefaultSettings><SourceLocation DefaultValue=...> is missing or not a URL; it sets the add-in's origin.",
    );
  }
  let icons = 0;
  for (const entry of urls) {
    const url = safeUrl(entry.value);
    const has = `${entry.where} has "${entry.value}"`;
    if (!url) {
      report("url-https", `${has}, which is not an absolute URL.`);
    } else if (url.protocol !== "https:") {
      report("url-https", `${has}, which is not https; Office loads add-in content over https only.`);
    } else if (origin !== undefined && !entry.anyOrigin && url.origin !== origin) {
      report(
        "url-origin",
        `${has}, served from ${url.origin}, not from the add-in's origin ${origin} ` +
          "(<DefaultSettings><SourceLocation>); the production build only rewrites that origin.",
      );
    } else if (entry.statedSizes) {
      icons++;
      checkIcon(entry, url, assetsDir, report);
    }
  }
  return icons;
}

/** The Override (or bt:Override) children of an element. */
function overridesOf(e: Element): Override[] {
  return e.children
    .filter((c) => c.local === "Override")
    .map((c) => ({ locale: c.attrs.Locale ?? "", value: c.attrs.Value ?? "", element: c }));
}

/**
 * Locale overrides: well-formed, used, complete per locale, and never of the functions namespace.
 * A locale that overrides one string a user reads overrides every one of them (ribbon labels,
 * tooltips, the pane title, the add-in's name and description), or that user sees a mixed ribbon.
 */
function checkOverrides(m: Manifest, report: Report): void {
  const defaultLocale = (childPath(m.root, "DefaultLocale")[0]?.text ?? "").toLowerCase();
  const named = (e: Element) => (e.attrs.id ? `${e.name} "${e.attrs.id}"` : `<${e.name}>`);
  const overridden = m.all.filter((e) => e.local !== "Override" && overridesOf(e).length > 0);
  for (const e of overridden) {
    const seen = new Set<string>();
    for (const o of overridesOf(e)) {
      const locale = o.locale.toLowerCase();
      if (!LOCALE.test(o.locale)) {
        report("override-locale", `${named(e)} has an Override with Locale "${o.locale}", not a tag like "zh-CN".`);
      } else if (locale === defaultLocale) {
        report(
          "override-locale",
          `${named(e)} overrides the default locale ${o.locale}; change its DefaultValue instead.`,
        );
      } else if (seen.has(locale)) {
        report("override-locale", `${named(e)} overrides ${o.locale} twice; Office takes one Override per locale.`);
      }
      seen.add(locale);
      if (o.value.trim() === "") report("override-locale", `${named(e)} has an empty Override for ${o.locale}.`);
    }
  }

  const used = new Set(m.all.map((e) => e.attrs.resid).filter((r) => r !== undefined));
  const namespaces = new Set(
    customFunctionsPoints(m).flatMap((p) => childPath(p, "Namespace").map((n) => n.attrs.resid)),
  );
  const strings: Resource[] = [];
  for (const table of m.tables.values()) {
    // an id defined twice is reported by resid-unique
    for (const r of [...table.values()].filter((defs) => defs.length === 1).flat()) {
      if (r.overrides.length > 0 && !used.has(r.id)) {
        report("override-used", `${named(r.element)} has locale overrides, but no resid uses it.`);
      }
      if (namespaces.has(r.id)) {
        if (r.overrides.length > 0)
          report(
            "override-namespace",
            `The functions namespace "${r.id}" is overridden for ${r.overrides.map((o) => o.locale).join(", ")}; ` +
              "a translated namespace breaks every formula written in another language.",
          );
      } else if ((r.kind === "ShortStrings" || r.kind === "LongStrings") && used.has(r.id)) {
        strings.push(r);
      }
    }
  }
  const visible: { name: string; locales: Set<string> }[] = [
    ...strings.map((r) => ({
      name: named(r.element),
      locales: new Set(r.overrides.map((o) => o.locale.toLowerCase())),
    })),
    ...["DisplayName", "Description"].flatMap((local) =>
      childPath(m.root, local).map((e) => ({
        name: `<${e.name}>`,
        locales: new Set(overridesOf(e).map((o) => o.locale.toLowerCase())),
      })),
    ),
  ];
  // each locale as the manifest spells it, by its lower case
  const spelled = new Map(overridden.flatMap((e) => overridesOf(e)).map((o) => [o.locale.toLowerCase(), o.locale]));
  for (const locale of new Set(visible.flatMap((v) => [...v.locales]))) {
    const missing = visible.filter((v) => !v.locales.has(locale)).map((v) => v.name);
    if (missing.length > 0)
      report(
        "override-complete",
        `The ${spelled.get(locale) ?? locale} overrides leave ${missing.join(", ")} in the default language; ` +
          "override every one or none.",
      );
  }
}

/** Every Url resource and its overrides name a file the build wrote to `distDir` (icons are checked in assets/). */
function checkBuiltFiles(m: Manifest, distDir: string, report: Report): void {
  const origin = safeUrl(childPath(m.root, "DefaultSettings", "SourceLocation")[0]?.attrs.DefaultValue ?? "")?.origin;
  for (const table of m.tables.values()) {
    for (const r of [...table.values()].flat().filter((x) => x.kind === "Urls")) {
      for (const [value, suffix] of [[r.value, ""], ...r.overrides.map((o) => [o.value, ` (${o.locale})`])]) {
        const url = safeUrl(value);
        if (!url || url.origin !== origin) continue; // reported by url-https or url-origin
        const file = path.join(distDir, decodeURIComponent(url.pathname));
        if (!fs.existsSync(file) || !fs.statSync(file).isFile())
          report(
            "built-file",
            `bt:Url "${r.id}"${suffix} names ${url.pathname}, which the build did not write to ${distDir}.`,
          );
      }
    }
  }
}

function checkIdentity(m: Manifest, report: Report): void {
  const id = childPath(m.root, "Id")[0]?.text ?? "";
  if (!GUID.test(id)) {
    report("id-guid", `<Id> is "${id}", which is not a GUID (like 8-4-4-4-12 hexadecimal digits).`);
  }
  const version = childPath(m.root, "Version")[0]?.text ?? "";
  if (!VERSION.test(version)) {
    report("version-format", `<Version> is "${version}"; it must be four dot-separated integers, like 1.0.0.0.`);
  }
}

function checkNamespace(m: Manifest, report: Report): void {
  for (const point of customFunctionsPoints(m)) {
    const namespace = childPath(point, "Namespace")[0];
    if (!namespace) {
      report("namespace-format", "The custom functions <ExtensionPoint> has no <Namespace resid=.../>.");
      continue;
    }
    const value = resolve(m, namespace)?.value; // an unresolved resid is reported by resid-defined
    if (value !== undefined && !NAMESPACE.test(value)) {
      report(
        "namespace-format",
        `The custom functions namespace "${value}" (resid "${namespace.attrs.resid}") must start with three ` +
          "capital letters A-Z, followed only by A-Z, 0-9 or _.",
      );
    }
  }
}

function checkIcon(entry: UrlEntry, url: URL, assetsDir: string, report: Report): void {
  const fileName = decodeURIComponent(path.posix.basename(url.pathname));
  const file = path.join(assetsDir, fileName);
  if (!fs.existsSync(file)) {
    report("icon-file", `${entry.where} names ${fileName}, which is not in ${assetsDir}.`);
    return;
  }
  const size = pngSize(fs.readFileSync(file));
  if (!size) {
    report("icon-file", `${entry.where} names ${fileName}, which is not a PNG file.`);
    return;
  }
  for (const stated of entry.statedSizes ?? []) {
    if (stated.width !== size.width || stated.height !== size.height) {
      report(
        "icon-size",
        `${fileName} is ${size.width}x${size.height} px, but ${stated.source} says ${stated.width}x${stated.height} (${entry.where}).`,
      );
    }
  }
}

/** Width and height from a PNG's IHDR chunk, which always comes first. */
function pngSize(bytes: Buffer): { width: number; height: number } | undefined {
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(PNG_SIGNATURE) || bytes.toString("latin1", 12, 16) !== "IHDR") {
    return undefined;
  }
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** "icon-16.png" states 16x16; "logo-16x20.png" states 16x20. */
function sizesFromFileName(url: string): Size[] {
  const match = /[-_](\d+)(?:x(\d+))?\.png$/i.exec(url);
  if (!match) return [];
  const width = Number(match[1]);
  return [{ width, height: Number(match[2] ?? width), source: "its file name" }];
}

function safeUrl(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

function isResourceKind(local: string): local is ResourceKind {
  return (RESOURCE_KINDS as readonly string[]).includes(local);
}

// CLI ---------------------------------------------------------------------------------------------

/** A second opinion from Microsoft's own parser, when it loads; it does not change the verdict. */
async function officeParserSummary(manifestPath: string): Promise<string> {
  try {
    const { OfficeAddinManifest } = await import("office-addin-manifest");
    const info = await OfficeAddinManifest.readManifestFile(manifestPath);
    return `office-addin-manifest reads "${info.displayName}" ${info.version}, id ${info.id}.`;
  } catch (err) {
    return `office-addin-manifest's parser was not usable here (${err instanceof Error ? err.message : err}).`;
  }
}

async function main(args: string[]): Promise<number> {
  const [manifestPath, ...rest] = args;
  const distDir = rest[0] === "--dist" ? rest[1] : undefined;
  if (!manifestPath || (rest.length > 0 && distDir === undefined)) {
    console.error("usage: tsx scripts/validate-manifest.ts <manifest.xml> [--dist <build folder>]");
    return 2;
  }
  let xmlText: string;
  try {
    xmlText = fs.readFileSync(manifestPath, "utf8");
  } catch (err) {
    console.error(`Cannot read ${manifestPath}: ${err instanceof Error ? err.message : err}`);
    return 1;
  }
  const assetsDir = path.join(path.dirname(path.resolve(manifestPath)), "assets");
  const { problems, checked } = inspectManifest(xmlText, { assetsDir, distDir });
  if (problems.length > 0) {
    console.error(`${manifestPath}: ${problems.length} problem${problems.length === 1 ? "" : "s"}`);
    for (const p of problems) console.error(`  ${p.rule}: ${p.message}`);
    return 1;
  }
  console.log(
    `${manifestPath}: OK, ${checked.resources} resources and ${checked.residReferences} resid references, ` +
      `${checked.urls} URLs, ${checked.icons} icons checked${distDir ? `, the built files in ${distDir}` : ""}. ` +
      (await officeParserSummary(manifestPath)),
  );
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
