import {
  buildErrors,
  debuggingFailure,
  parsePid,
  sideloadSteps,
  tail,
  usesOfficeAddinDebugging,
} from "../../scripts/dev-session";

describe("debuggingFailure", () => {
  test("finds the error office-addin-debugging prints on Linux although it exits 0", () => {
    const output = "Error: Unable to start debugging.\nError: The current platform is not supported: linux\n";
    expect(debuggingFailure(output)).toBe("Error: Unable to start debugging.");
  });

  test("finds a failed sideload in the middle of otherwise normal output", () => {
    const output = [
      "Debugging is being started...",
      "App type: desktop",
      "The dev server is running on port 3000. Process id: 4242",
      "Sideloading the Office Add-in...",
      "Unable to sideload the Office Add-in. ",
      "Error: Platform not supported: linux.",
    ].join("\r\n");
    expect(debuggingFailure(output)).toBe("Unable to sideload the Office Add-in.");
  });

  test("finds the failure office-addin-debugging stop reports when it cannot unregister", () => {
    const output = [
      "Debugging is being stopped...",
      "Unable to unregister the Office Add-in. Error: Platform not supported: linux.",
      "Debugging has been stopped.",
    ].join("\n");
    expect(debuggingFailure(output)).toBe(
      "Unable to unregister the Office Add-in. Error: Platform not supported: linux.",
    );
  });

  test("reports nothing for a successful start", () => {
    const output = [
      "Debugging is being started...",
      "App type: desktop",
      "You already have trusted access to https://localhost.",
      "Starting the dev server... (npm run dev-server)",
      "The dev server is running on port 3000. Process id: 4242",
      "Sideloading the Office Add-in...",
      "Debugging started.",
    ].join("\n");
    expect(debuggingFailure(output)).toBeUndefined();
  });
});

describe("parsePid", () => {
  test("reads the process group id written by npm start", () => {
    expect(parsePid("4242\n")).toBe(4242);
  });

  test.each(["", "abc", "0", "-4242", "42 43", "4.2"])(
    "rejects %p, so npm stop never signals a made-up group",
    (text) => {
      expect(parsePid(text)).toBeUndefined();
    },
  );
});

describe("usesOfficeAddinDebugging", () => {
  test("is true on Windows and macOS, where office-addin-debugging can sideload into desktop Excel", () => {
    expect(usesOfficeAddinDebugging("win32")).toBe(true);
    expect(usesOfficeAddinDebugging("darwin")).toBe(true);
  });

  test("is false on Linux, where npm start runs the dev server itself", () => {
    expect(usesOfficeAddinDebugging("linux")).toBe(false);
  });
});

describe("log excerpts", () => {
  test("tail keeps the last non-empty lines", () => {
    expect(tail("a\n\nb\nc\n\n", 2)).toBe("b\nc");
  });

  test("buildErrors keeps webpack's first error blocks and its summary line", () => {
    const output = [
      "asset functions.js 1 MiB [emitted]",
      "",
      "ERROR in ./src/functions/functions.ts 9:0-68",
      "Module not found: Error: Can't resolve '../baseline'",
      "",
      "ERROR in taskpane",
      "Module not found: Error: Can't resolve './src/taskpane/taskpane.ts'",
      "",
      "ERROR in ./src/workbook/plan.ts",
      "TS7006: Parameter 'tb' implicitly has an 'any' type.",
      "",
      "webpack 5.113.0 compiled with 3 errors in 4126 ms",
    ].join("\n");
    const excerpt = buildErrors(output, 2);
    expect(excerpt).toContain("ERROR in ./src/functions/functions.ts");
    expect(excerpt).toContain("ERROR in taskpane");
    expect(excerpt).not.toContain("plan.ts");
    expect(excerpt).toContain("... and 1 more");
    expect(excerpt).toContain("compiled with 3 errors");
    expect(excerpt).not.toContain("asset functions.js");
  });

  test("buildErrors falls back to the tail when there is no ERROR block", () => {
    expect(buildErrors("Killed\n")).toBe("Killed");
  });
});

describe("sideloadSteps", () => {
  const text = sideloadSteps({
    manifestPath: "/work/main/manifest.xml",
    caPath: "/home/dev/.office-addin-dev-certs/ca.crt",
    baseUrl: "https://localhost:3000/",
    pid: 4242,
    logFile: ".tmp/dev-server.log",
  });

  test("names the manifest, the CA to trust, the process group and the log", () => {
    expect(text).toContain("Manifest:    /work/main/manifest.xml");
    expect(text).toContain("CA to trust: /home/dev/.office-addin-dev-certs/ca.crt");
    expect(text).toContain("process group 4242, log .tmp/dev-server.log");
  });

  test("numbers the steps from trusting the CA to uploading the manifest in Excel on the web", () => {
    const steps = text.split("\n").filter((line) => /^\s+\d\. /.test(line));
    expect(steps.map((line) => line.trim().slice(0, 2))).toEqual(["1.", "2.", "3.", "4.", "5."]);
    expect(steps[0]).toContain("Trust the CA");
    expect(steps[1]).toContain("https://localhost:3000/taskpane.html");
    expect(steps[3]).toContain("Insert > Add-ins > My Add-ins > Upload My Add-in");
    expect(text).toContain("npm stop");
  });
});
