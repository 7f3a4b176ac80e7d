/**
 * `npm stop`: stops what `npm start` began.
 *
 * Windows and macOS: office-addin-debugging stop unregisters the add-in and ends the dev server it
 * started. Everywhere: the dev server process group recorded in .tmp/dev-server.pid (the Linux path of
 * npm start) is ended and the port confirmed free. Stopping when nothing runs says so and succeeds.
 */
import path from "path";
import {
  debuggingFailure,
  groupIsDevServer,
  manifestPath,
  pidFile,
  port,
  portTaken,
  readPidFile,
  removePidFile,
  runOfficeAddinDebugging,
  sleep,
  stopGroup,
  usesOfficeAddinDebugging,
} from "./dev-session";

const PORT_RELEASE_MS = 5_000;
const pidFileName = path.relative(process.cwd(), pidFile) || pidFile;

async function portFreed(): Promise<boolean> {
  for (let waited = 0; waited < PORT_RELEASE_MS; waited += 200) {
    if (!(await portTaken(port))) return true;
    await sleep(200);
  }
  return false;
}

async function main(): Promise<number> {
  let code = 0;
  const desktop = usesOfficeAddinDebugging(process.platform);
  if (desktop) {
    const failure = debuggingFailure(await runOfficeAddinDebugging(["stop", manifestPath]));
    if (failure) {
      console.error(`npm stop: office-addin-debugging reported "${failure}"`);
      code = 1;
    }
  }

  const pgid = readPidFile();
  if (pgid === undefined || !groupIsDevServer(pgid)) {
    removePidFile();
    if (!desktop) {
      const recorded = pgid === undefined ? "" : ` (process group ${pgid} in ${pidFileName} had already ended)`;
      const busy = (await portTaken(port))
        ? ` Port ${port} is in use by a program npm start did not start; left alone.`
        : "";
      console.log(`Nothing to stop: no dev server started by npm start is running${recorded}.${busy}`);
    }
    return code;
  }

  if (!(await stopGroup(pgid))) {
    console.error(`npm stop failed: process group ${pgid} did not end after SIGTERM and SIGKILL; ${pidFileName} kept.`);
    return 1;
  }
  removePidFile();
  if (!(await portFreed())) {
    console.error(
      `Stopped the dev server (process group ${pgid}), but port ${port} is still in use by another program.`,
    );
    return 1;
  }
  console.log(`Stopped the dev server (process group ${pgid}); port ${port} is free.`);
  return code;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(`npm stop failed: ${err instanceof Error ? err.message : err}`);
    process.exitCode = 1;
  },
);
