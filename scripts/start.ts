/**
 * `npm start`.
 *
 * Windows and macOS: office-addin-debugging starts the dev server and sideloads the add-in into desktop
 * Excel, as in Microsoft's template; it exits 0 even when it fails, so its output decides our exit code.
 *
 * Linux (office-addin-debugging: "Platform not supported"): build, make sure the dev certificates exist
 * (without installing the CA, which needs sudo), start `webpack serve` in the background, wait until it
 * serves the task pane, and print how to sideload into Excel on the web. Nothing here reads stdin.
 */
import { spawn, spawnSync } from "child_process";
import fs from "fs";
import path from "path";
import { certificateFiles, ensureDevCertificates } from "./dev-certs";
import {
  baseUrl,
  buildErrors,
  buildLogFile,
  debuggingFailure,
  groupIsDevServer,
  httpsStatus,
  logFile,
  manifestPath,
  port,
  portTaken,
  projectRoot,
  readPidFile,
  removePidFile,
  runOfficeAddinDebugging,
  sideloadSteps,
  sleep,
  stopGroup,
  tail,
  usesOfficeAddinDebugging,
  writePidFile,
} from "./dev-session";

const START_TIMEOUT_MS = 60_000;
const BUILD_TIMEOUT_MS = 5 * 60_000;
const taskpaneUrl = `${baseUrl}taskpane.html`;
const webpackCli = require.resolve("webpack-cli/bin/cli.js");
const relative = (file: string) => path.relative(process.cwd(), file) || file;

async function startDesktop(): Promise<number> {
  // Trust the dev CA first (a Windows security prompt or a macOS keychain dialog, never stdin): the dev
  // server's certificate comes from scripts/dev-certs.js, which does not install anything.
  const { ensureCertificatesAreInstalled } = await import("office-addin-dev-certs");
  await ensureCertificatesAreInstalled();
  const failure = debuggingFailure(await runOfficeAddinDebugging(["start", manifestPath, "desktop"]));
  if (failure) {
    console.error(`\nnpm start failed: office-addin-debugging reported "${failure}"`);
    return 1;
  }
  return 0;
}

function printSession(pid: number): void {
  console.log(sideloadSteps({ manifestPath, caPath: certificateFiles.ca, baseUrl, pid, logFile: relative(logFile) }));
}

async function startLinux(): Promise<number> {
  const earlier = readPidFile();
  if (earlier !== undefined && groupIsDevServer(earlier)) {
    if ((await httpsStatus(taskpaneUrl)) === 200) {
      console.log("The dev server from an earlier npm start is still running.\n");
      printSession(earlier);
      return 0;
    }
    console.error(
      `A dev server from an earlier npm start (process group ${earlier}) is running but ${taskpaneUrl} ` +
        "does not answer. Run npm stop, then npm start.",
    );
    return 1;
  }
  removePidFile(); // absent, unreadable or stale

  if (await portTaken(port)) {
    console.error(
      `npm start failed: port ${port} is already in use by another program, so the dev server cannot listen there.\n` +
        `Find it with: ss -ltnp 'sport = :${port}'. Stop it, or change config.dev_server_port in package.json.`,
    );
    return 1;
  }

  console.log("Building the add-in (webpack --mode development)...");
  const build = spawnSync(process.execPath, [webpackCli, "--mode", "development"], {
    cwd: projectRoot,
    stdio: ["ignore", "pipe", "pipe"],
    encoding: "utf8",
    timeout: BUILD_TIMEOUT_MS,
  });
  fs.mkdirSync(path.dirname(buildLogFile), { recursive: true });
  fs.writeFileSync(buildLogFile, `${build.stdout}\n${build.stderr}`);
  if (build.status !== 0) {
    const why = build.error ? ` (${build.error.message})` : "";
    console.error(
      `npm start failed: the build failed${why}. Full output in ${relative(buildLogFile)}.\n\n` +
        buildErrors(`${build.stdout}\n${build.stderr}`),
    );
    return 1;
  }

  await ensureDevCertificates();

  const log = fs.openSync(logFile, "w");
  // detached: its own process group, which outlives this script and which npm stop signals as a whole.
  const server = spawn(process.execPath, [webpackCli, "serve", "--mode", "development"], {
    cwd: projectRoot,
    detached: true,
    stdio: ["ignore", log, log],
  });
  fs.closeSync(log);
  const pid = server.pid;
  if (pid === undefined) {
    console.error("npm start failed: the dev server process could not be started.");
    return 1;
  }
  writePidFile(pid);
  let exit: string | undefined;
  server.on("exit", (code, signal) => (exit = signal ? `signal ${signal}` : `code ${code}`));
  server.unref();

  console.log(`Starting the dev server (process group ${pid}, log ${relative(logFile)})...`);
  const started = Date.now();
  while (exit === undefined && Date.now() - started < START_TIMEOUT_MS) {
    if ((await httpsStatus(taskpaneUrl)) === 200) {
      console.log(`The dev server answered after ${((Date.now() - started) / 1000).toFixed(1)} s.\n`);
      printSession(pid);
      return 0;
    }
    await sleep(500);
  }

  const reason = exit
    ? `the dev server exited (${exit})`
    : `${taskpaneUrl} did not answer within ${START_TIMEOUT_MS / 1000} s`;
  await stopGroup(pid);
  removePidFile();
  console.error(
    `npm start failed: ${reason}. Last lines of ${relative(logFile)}:\n${tail(fs.readFileSync(logFile, "utf8"))}`,
  );
  return 1;
}

(usesOfficeAddinDebugging(process.platform) ? startDesktop() : startLinux()).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(`npm start failed: ${err instanceof Error ? err.message : err}`);
    process.exitCode = 1;
  },
);
