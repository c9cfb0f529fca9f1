/**
 * The dev server's HTTPS certificate. office-addin-dev-certs makes a localhost certificate and a
 * CA and installs the CA — which needs `sudo` on Linux, and fails for root without it (or when
 * the user says no). Then the server still starts with the generated certificate, and says the
 * one command (or browser step) that trusts it: never a stack trace.
 */
import { existsSync, readFileSync } from "node:fs";
import {
  caCertificatePath,
  localhostCertificatePath,
  localhostKeyPath,
} from "office-addin-dev-certs/lib/defaults.js";
import { generateCertificates, getHttpsServerOptions } from "office-addin-dev-certs";

export interface DevCertificate {
  options: { key: Buffer; cert: Buffer; ca: Buffer };
  /** Set when the CA could not be installed: what to tell the user, given the pane's URL. */
  trustHint: ((pageUrl: string) => string) | null;
}

/** The one command that trusts `caPath` on this platform (`sudo ` only when not root). */
export function trustCommand(platform: NodeJS.Platform, caPath: string, isRoot: boolean): string {
  const quoted = `'${caPath.replace(/'/g, `'\\''`)}'`;
  switch (platform) {
    case "darwin":
      return `security add-trusted-cert -d -r trustRoot -k ~/Library/Keychains/login.keychain-db ${quoted}`;
    case "win32":
      return `certutil -user -addstore Root "${caPath}"`;
    default: {
      const sudo = isRoot ? "" : "sudo ";
      const folder = "/usr/local/share/ca-certificates/office-addin-dev-certs";
      return `${sudo}mkdir -p ${folder} && ${sudo}cp ${quoted} ${folder}/ && ${sudo}update-ca-certificates`;
    }
  }
}

export function trustHint(
  platform: NodeJS.Platform,
  caPath: string,
  isRoot: boolean,
  pageUrl: string,
): string {
  return [
    `The development certificate could not be installed as trusted, so the pane is served with it untrusted.`,
    `To trust it, run:  ${trustCommand(platform, caPath, isRoot)}`,
    `(or open ${pageUrl} once in the browser you use for Excel on the web and accept the certificate warning).`,
  ].join("\n");
}

/** The certificate files office-addin-dev-certs keeps in ~/.office-addin-dev-certs. */
function readGenerated(): DevCertificate["options"] | null {
  if (![caCertificatePath, localhostCertificatePath, localhostKeyPath].every((p) => existsSync(p)))
    return null;
  return {
    ca: readFileSync(caCertificatePath),
    cert: readFileSync(localhostCertificatePath),
    key: readFileSync(localhostKeyPath),
  };
}

export async function devCertificate(): Promise<DevCertificate> {
  try {
    const options = await getHttpsServerOptions();
    return { options: { key: options.key, cert: options.cert, ca: options.ca }, trustHint: null };
  } catch {
    // The install failed (no sudo, or refused); the files may or may not have been made.
    if (readGenerated() === null) await generateCertificates();
    const options = readGenerated();
    if (options === null)
      throw new Error(`could not create a development certificate in ${caCertificatePath}`);
    const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
    return {
      options,
      trustHint: (pageUrl) => trustHint(process.platform, caCertificatePath, isRoot, pageUrl),
    };
  }
}
