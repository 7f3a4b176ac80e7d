// HTTPS options for the dev server (webpack.config.js) from office-addin-dev-certs' default files:
// ~/.office-addin-dev-certs/ca.crt, localhost.crt and localhost.key.
//
// Missing or expiring files are generated afresh, without network and without installing the CA:
// installing it runs sudo on Linux, so trusting the CA is left to the developer (`npm start` says how;
// on Windows and macOS it calls office-addin-dev-certs' own install first).
const crypto = require("crypto");
const fs = require("fs");
const defaults = require("office-addin-dev-certs/lib/defaults");
const { generateCertificates } = require("office-addin-dev-certs/lib/generate");

const certificateFiles = {
  ca: defaults.caCertificatePath,
  cert: defaults.localhostCertificatePath,
  key: defaults.localhostKeyPath,
};

const DAY_MS = 24 * 60 * 60 * 1000;

/** True when all three files exist and the localhost certificate is valid for at least another day. */
function certificatesUsable() {
  if (!Object.values(certificateFiles).every((file) => fs.existsSync(file))) return false;
  try {
    const { validTo } = new crypto.X509Certificate(fs.readFileSync(certificateFiles.cert));
    return Date.parse(validTo) > Date.now() + DAY_MS;
  } catch {
    return false; // unreadable certificate: make a new one
  }
}

/** Makes sure the three files exist and are current; says whether new ones were generated. */
async function ensureDevCertificates() {
  if (certificatesUsable()) return { generated: false, files: certificateFiles };
  // generateCertificates writes nothing when ca.crt already exists, and a localhost certificate cannot be
  // re-signed without the CA's key (which is not kept), so the whole set is replaced.
  for (const file of Object.values(certificateFiles)) fs.rmSync(file, { force: true });
  await generateCertificates();
  console.log(`New development CA: ${certificateFiles.ca} (not installed; trust it yourself to load the add-in).`);
  return { generated: true, files: certificateFiles };
}

/** { ca, cert, key } Buffers for webpack-dev-server's `server.options`. */
async function devHttpsOptions() {
  await ensureDevCertificates();
  return {
    ca: fs.readFileSync(certificateFiles.ca),
    cert: fs.readFileSync(certificateFiles.cert),
    key: fs.readFileSync(certificateFiles.key),
  };
}

module.exports = { certificateFiles, devHttpsOptions, ensureDevCertificates };
