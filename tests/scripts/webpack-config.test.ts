/**
 * A smaller attack surface: the dev server listens on this machine only and lets only Office on the
 * web's own origins read it cross-origin; the pages carry a Content-Security-Policy; the production
 * build ships no source maps.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { DIST, ensureBuilt } from "../contract/bundle";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { corsHeaders, isOfficeOrigin } = require("../../scripts/dev-origins");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const config = require("../../webpack.config.js") as ((
  env: unknown,
  o: { mode: string },
) => Promise<{
  devtool: unknown;
  devServer: { host: string; headers: (req: unknown) => Record<string, string> };
}>) & { CSP: string };

const request = (origin?: string) => ({ headers: origin === undefined ? {} : { origin } });

describe("the dev server", () => {
  it("listens on localhost only", async () => {
    const c = await config({}, { mode: "production" });
    expect(c.devServer.host).toBe("localhost");
  });

  it("lets Office on the web's origins read it cross-origin, naming the origin, and no one else", async () => {
    const { headers } = (await config({}, { mode: "production" })).devServer;
    expect(headers).toBe(corsHeaders);
    for (const origin of [
      "https://excel.officeapps.live.com",
      "https://inc-excel.officeapps.live.com",
      "https://www.office.com",
      "https://contoso-my.sharepoint.com",
      "https://excel.cloud.microsoft",
    ]) {
      expect(headers(request(origin))).toEqual({ "Access-Control-Allow-Origin": origin, Vary: "Origin" });
    }
    for (const origin of [
      "https://evil.example",
      "http://excel.officeapps.live.com", // not https
      "https://officeapps.live.com.evil.example",
      "https://evilofficeapps.live.com",
      "https://excel.officeapps.live.com:8443/x", // not an origin
      "null",
    ]) {
      expect(isOfficeOrigin(origin)).toBe(false);
      expect(headers(request(origin))).toEqual({ Vary: "Origin" });
    }
    expect(headers(request())).toEqual({ Vary: "Origin" });
    expect(Object.values(headers(request("https://evil.example")))).not.toContain("*");
  });
});

describe("the built pages", () => {
  beforeAll(ensureBuilt);

  it("ship no source maps in production", async () => {
    expect((await config({}, { mode: "production" })).devtool).toBe(false);
    const maps = fs.readdirSync(DIST, { recursive: true }).filter((f) => String(f).endsWith(".map"));
    expect(maps).toEqual([]);
    for (const f of ["functions.js", "taskpane.js", "commands.js"]) {
      expect(fs.readFileSync(path.join(DIST, f), "utf8")).not.toMatch(/sourceMappingURL/);
    }
  });

  it("carry a Content-Security-Policy for this origin and Office.js's host, ahead of every script", () => {
    expect(config.CSP).toMatch(/^default-src 'self'; script-src 'self' https:\/\/appsforoffice\.microsoft\.com;/);
    expect(config.CSP).not.toMatch(/unsafe-eval|\*/);
    expect(config.CSP.match(/script-src [^;]*/)![0]).not.toMatch(/unsafe-inline/);
    for (const page of ["taskpane.html", "commands.html"]) {
      const html = fs.readFileSync(path.join(DIST, page), "utf8");
      const meta = html.indexOf("Content-Security-Policy");
      expect(meta).toBeGreaterThan(0);
      expect(html.indexOf(config.CSP)).toBeGreaterThan(meta);
      expect(html.indexOf("<script")).toBeGreaterThan(meta);
    }
  });
});
