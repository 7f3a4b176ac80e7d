/**
 * What `npm start` (scripts/start.ts) and `npm stop` (scripts/stop.ts) share.
 *
 * Windows and macOS use Microsoft's office-addin-debugging, which exits 0 even when it fails, so its
 * output is read for failure lines. Elsewhere (Linux) it cannot sideload, so the dev server runs
 * detached in its own process group, recorded in .tmp/dev-server.pid, and the developer sideloads
 * into Excel on the web by hand.
 */
import { spawn } from "child_process";
import fs from "fs";
import https from "https";
import net from "net";
import path from "path";

export const projectRoot = path.resolve(__dirname, "..");
export const manifestPath = path.join(projectRoot, "manifest.xml");
export const pidFile = path.join(projectRoot, ".tmp", "dev-server.pid");
export const logFile = path.join(projectRoot, ".tmp", "dev-server.log");
export const buildLogFile = path.join(projectRoot, ".tmp", "build.log");
/** package.json's config.dev_server_port, which npm puts in the environment; webpack.config.js reads it too. */
export const port = Number(process.env.npm_package_config_dev_server_port || 3000);
export const baseUrl = `https://localhost:${port}/`;

// Pure helpers (tests/scripts/dev-session.test.ts) ----------------------------------------------

/** Whether this platform gets office-addin-debugging (desktop Excel) rather than the Linux path. */
export function usesOfficeAddinDebugging(platform: NodeJS.Platform): boolean {
  return platform === "win32" || platform === "darwin";
}

const FAILURE_LINE = /^Error:|unable to|not supported|failed/i;

/** The first line of office-addin-debugging's output that reports a failure, if any. */
export function debuggingFailure(output: string): string | undefined {
  return output
    .split(/\r?\n/)
    .map((line) => line.trim())
    .find((line) => FAILURE_LINE.test(line));
}

/** The process group id in a pid file, or undefined if the text is not one positive integer. */
export function parsePid(text: string): number | undefined {
  const trimmed = text.trim();
  return /^[1-9]\d*$/.test(trimmed) ? Number(trimmed) : undefined;
}

/** The last `count` non-empty lines of a log. */
export function tail(text: string, count = 25): string {
  return text
    .split(/\r?\n/)
    .filter((line) => line.trim() !== "")
    .slice(-count)
    .join("\n");
}

/**
 * The first `max` error blocks of webpack's output (each "ERROR in ..." up to the next blank line)
 * and its closing "compiled with N errors" line; the whole output when it holds no such block.
 */
export function buildErrors(output: string, max = 5): string {
  const blocks = output.split(/\r?\n\s*\r?\n/).filter((block) => /^\s*ERROR\b/.test(block));
  if (blocks.length === 0) return tail(output);
  const summary = output.split(/\r?\n/).find((line) => /compiled with \d+ errors?/.test(line));
  const more = blocks.length > max ? [`... and ${blocks.length - max} more`] : [];
  return [...blocks.slice(0, max).map((b) => b.trim()), ...more, ...(summary ? [summary.trim()] : [])].join("\n\n");
}

export interface SessionInfo {
  manifestPath: string;
  caPath: string;
  baseUrl: string;
  pid: number;
  logFile: string;
}

/** What `npm start` prints on Linux once the dev server answers: where things are and how to sideload. */
export function sideloadSteps(s: SessionInfo): string {
  return [
    `The add-in is served at ${s.baseUrl} (dev server process group ${s.pid}, log ${s.logFile}).`,
    "",
    `Manifest:    ${s.manifestPath}`,
    `CA to trust: ${s.caPath}`,
    "",
    "Desktop Excel does not run on Linux; sideload into Excel on the web:",
    "  1. Trust the CA above once, as a certificate authority, in the browser you will use:",
    "     Chrome or Edge: Settings > Privacy and security > Security > Manage certificates > Authorities > Import;",
    "     Firefox: Settings > Privacy & Security > Certificates > View Certificates > Authorities > Import.",
    "     Then restart the browser.",
    `  2. Open ${s.baseUrl}taskpane.html in that browser: it must load with no certificate warning.`,
    "  3. Open a workbook in Excel on the web (https://www.office.com > Excel).",
    "  4. Insert > Add-ins > My Add-ins > Upload My Add-in, choose the manifest above, then Upload.",
    "     (On the newer ribbon: Home > Add-ins > More Add-ins > My Add-ins > Upload My Add-in.)",
    "  5. Home > Exposure Workbench opens the task pane; type =EXPOSURE. in a cell to list the functions.",
    "",
    "Stop the dev server with: npm stop",
  ].join("\n");
}

// Processes, ports and the pid file ----------------------------------------------------------------

/**
 * Runs office-addin-debugging with `args`, echoing its output, and resolves to that output.
 * It is started through node so that no shell is needed on Windows.
 */
export function runOfficeAddinDebugging(args: string[]): Promise<string> {
  const cli = require.resolve("office-addin-debugging/cli.js");
  return new Promise((resolve, reject) => {
    let output = "";
    const child = spawn(process.execPath, [cli, ...args], { cwd: projectRoot, stdio: ["ignore", "pipe", "pipe"] });
    const keep = (sink: NodeJS.WriteStream) => (chunk: Buffer) => {
      output += chunk.toString();
      sink.write(chunk);
    };
    child.stdout.on("data", keep(process.stdout));
    child.stderr.on("data", keep(process.stderr));
    child.on("error", reject);
    child.on("close", (code) =>
      resolve(code ? `${output}\nError: office-addin-debugging exited with code ${code}` : output),
    );
  });
}

/** True if something accepts TCP connections on the port, over IPv4 or IPv6 loopback. */
export async function portTaken(portNumber: number): Promise<boolean> {
  const accepts = (host: string) =>
    new Promise<boolean>((resolve) => {
      const socket = net.connect({ host, port: portNumber });
      const done = (taken: boolean) => {
        socket.destroy();
        resolve(taken);
      };
      socket.setTimeout(1000);
      socket.once("connect", () => done(true));
      socket.once("timeout", () => done(false));
      socket.once("error", () => done(false));
    });
  const results = await Promise.all(["127.0.0.1", "::1"].map(accepts));
  return results.some(Boolean);
}

/** HTTP status of a GET, accepting the self-signed development certificate for this probe only. */
export function httpsStatus(url: string, timeoutMs = 2000): Promise<number | undefined> {
  return new Promise((resolve) => {
    const request = https.get(url, { rejectUnauthorized: false, timeout: timeoutMs }, (response) => {
      response.resume();
      resolve(response.statusCode);
    });
    request.on("timeout", () => request.destroy());
    request.on("error", () => resolve(undefined));
  });
}

/** The recorded dev server's process group id, if the pid file holds one. */
export function readPidFile(): number | undefined {
  return fs.existsSync(pidFile) ? parsePid(fs.readFileSync(pidFile, "utf8")) : undefined;
}

export function writePidFile(pid: number): void {
  fs.mkdirSync(path.dirname(pidFile), { recursive: true });
  fs.writeFileSync(pidFile, `${pid}\n`);
}

export function removePidFile(): void {
  fs.rmSync(pidFile, { force: true });
}

/** True while any process of the group is alive. */
export function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Whether the group still runs the dev server we started: on Linux, one of its processes must be
 * webpack, so a pid reused by an unrelated program after a reboot is never signalled.
 */
export function groupIsDevServer(pgid: number): boolean {
  if (!fs.existsSync("/proc/self/stat")) return groupAlive(pgid);
  for (const entry of fs.readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    try {
      // Fields after the parenthesised command name: state, ppid, pgrp, ...
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const pgrp = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[2]);
      if (pgrp === pgid && fs.readFileSync(`/proc/${entry}/cmdline`, "utf8").includes("webpack")) return true;
    } catch {
      // the process ended while we looked
    }
  }
  return false;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** SIGTERM to the whole group, then SIGKILL after `graceMs`; resolves true once no member is left. */
export async function stopGroup(pgid: number, graceMs = 10_000): Promise<boolean> {
  for (const signal of ["SIGTERM", "SIGKILL"] as const) {
    try {
      process.kill(-pgid, signal);
    } catch {
      return !groupAlive(pgid);
    }
    for (let waited = 0; waited < graceMs; waited += 100) {
      if (!groupAlive(pgid)) return true;
      await sleep(100);
    }
  }
  return !groupAlive(pgid);
}
