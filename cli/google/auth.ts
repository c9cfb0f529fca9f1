/**
 * Credentials for the Google mode, narrowest scopes first:
 *
 * - a service-account key (`--credentials key.json`, else GOOGLE_APPLICATION_CREDENTIALS):
 *   the spreadsheet must be shared with the account's e-mail;
 * - an installed-app OAuth client (`--credentials client_secret.json` of type "installed"):
 *   the browser sign-in of @google-cloud/local-auth once, then the refresh token cached in
 *   ~/.config/mentor-match/token.json (mode 0600);
 * - with neither, a token cached by an earlier sign-in.
 *
 * Scopes: `spreadsheets` (read the roster, write the result sheets of a spreadsheet the user
 * names by id — `drive.file` alone cannot open a file the app did not create), `documents`
 * (fill the chairs' Docs) and `drive.file` (the program folder, the Docs and their sharing,
 * limited to files this app created).
 */
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import { google } from "googleapis";
import type { AuthClient } from "google-auth-library";
import { CliError } from "../command.js";

export const googleScopes = [
  "https://www.googleapis.com/auth/spreadsheets",
  "https://www.googleapis.com/auth/documents",
  "https://www.googleapis.com/auth/drive.file",
];

export interface GoogleAuthOptions {
  /** `--credentials`: a service-account key or an installed-app OAuth client file. */
  credentials?: string | undefined;
  env?: NodeJS.ProcessEnv;
  /** Where the installed-app token is cached (default ~/.config/mentor-match/token.json). */
  tokenPath?: string;
  /**
   * Tests only: a loopback root that also stands in for https://oauth2.googleapis.com, so the
   * service account's signed-JWT token exchange is answered by the fake server.
   */
  tokenRootUrl?: string | undefined;
}

export interface GoogleCredentials {
  auth: AuthClient;
  /** Who the requests run as (the service account's e-mail), when known: for messages. */
  identity: string | undefined;
}

export function defaultTokenPath(env: NodeJS.ProcessEnv = process.env): string {
  const config = env.XDG_CONFIG_HOME ?? join(homedir(), ".config");
  return join(config, "mentor-match", "token.json");
}

const missingCredentials = `no Google credentials: pass --credentials <service-account-key.json> (or set GOOGLE_APPLICATION_CREDENTIALS), or --credentials <client_secret.json> of an OAuth "Desktop app" client to sign in with your browser once; see docs/google-mode.md`;

export async function googleCredentials(options: GoogleAuthOptions): Promise<GoogleCredentials> {
  const env = options.env ?? process.env;
  const tokenPath = options.tokenPath ?? defaultTokenPath(env);
  const file = options.credentials ?? env.GOOGLE_APPLICATION_CREDENTIALS;
  if (file === undefined || file === "") {
    if (existsSync(tokenPath)) return { auth: await cachedUser(tokenPath), identity: undefined };
    throw new CliError(missingCredentials);
  }
  const json = await readJson(file);
  if (json.type === "service_account") {
    if (typeof json.client_email !== "string" || typeof json.private_key !== "string")
      throw new CliError(`${file}: a service-account key needs client_email and private_key`);
    const client = await new google.auth.GoogleAuth({
      keyFile: file,
      scopes: googleScopes,
    }).getClient();
    if (options.tokenRootUrl !== undefined) redirectTokenEndpoint(client, options.tokenRootUrl);
    return { auth: client, identity: json.client_email };
  }
  if (json.installed !== undefined || json.web !== undefined) {
    if (existsSync(tokenPath)) return { auth: await cachedUser(tokenPath), identity: undefined };
    const { authenticate } = await import("@google-cloud/local-auth");
    const client = await authenticate({ keyfilePath: file, scopes: googleScopes });
    const key = (json.installed ?? json.web) as { client_id?: string; client_secret?: string };
    if (client.credentials.refresh_token) {
      await mkdir(dirname(tokenPath), { recursive: true });
      await writeFile(
        tokenPath,
        JSON.stringify({
          type: "authorized_user",
          client_id: key.client_id,
          client_secret: key.client_secret,
          refresh_token: client.credentials.refresh_token,
        }),
        { mode: 0o600 },
      );
    }
    // local-auth brings its own copy of google-auth-library: the same client, other types.
    return { auth: client as unknown as AuthClient, identity: undefined };
  }
  throw new CliError(
    `${file} is neither a service-account key nor an OAuth client file (see docs/google-mode.md)`,
  );
}

async function cachedUser(tokenPath: string): Promise<AuthClient> {
  const json = await readJson(tokenPath);
  return google.auth.fromJSON(json) as AuthClient;
}

/** Whether an error says the cached sign-in was revoked or expired. */
export function isRevokedToken(error: unknown): boolean {
  const e = error as { response?: { data?: { error?: unknown } }; message?: unknown };
  return (
    e?.response?.data?.error === "invalid_grant" ||
    (typeof e?.message === "string" && e.message.includes("invalid_grant"))
  );
}

/** Forgets a revoked sign-in so the next run asks again. */
export async function forgetToken(tokenPath: string): Promise<void> {
  await rm(tokenPath, { force: true });
}

async function readJson(file: string): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    throw new CliError(`cannot read the credentials file ${file}`);
  }
  try {
    const json: unknown = JSON.parse(text);
    if (typeof json === "object" && json !== null) return json as Record<string, unknown>;
  } catch {
    // reported below
  }
  throw new CliError(`${file} is not a JSON credentials file`);
}

/** Sends the token exchange to `root` + "token" instead of https://oauth2.googleapis.com. */
function redirectTokenEndpoint(client: AuthClient, root: string): void {
  client.transporter.interceptors.request.add({
    resolved: async (config) => {
      const url = new URL(String(config.url));
      if (url.host === "oauth2.googleapis.com")
        config.url = new URL(
          url.pathname.replace(/^\//, ""),
          root.endsWith("/") ? root : root + "/",
        );
      return config;
    },
  });
}
