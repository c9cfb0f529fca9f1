/**
 * The Sheets fake is only worth its tests if it refuses what Google refuses. Each case is a
 * refusal documented in Google's reference or seen from the real API (the first is the one
 * that stopped every first run of `run --google`, issue 18), with Google's wording.
 */
import { sign } from "node:crypto";
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import type { FakeSheet, FakeSpreadsheet } from "./fake-google-server.js";
import { applySheetBatch, SheetsRefusal } from "./fake-sheets-requests.js";
import { spreadsheetId, useFakeGoogle } from "./harness.js";

function sheet(sheetId: number, title: string, rowCount = 200, columnCount = 12): FakeSheet {
  return { sheetId, title, rowCount, columnCount, cells: new Map(), merges: [], validations: 0 };
}

function book(): FakeSpreadsheet {
  return { id: "b", title: "Book", sheets: [sheet(0, "Roster", 1000, 26), sheet(7, "Pairs")] };
}

function refusal(requests: unknown[]): string {
  try {
    applySheetBatch(book(), { requests });
  } catch (error) {
    if (error instanceof SheetsRefusal) return error.message;
    throw error;
  }
  return "accepted";
}

const list = { condition: { type: "ONE_OF_LIST", values: [{ userEnteredValue: "Locked" }] } };

describe("the Sheets fake refuses what Google refuses", () => {
  const cases: [string, unknown[], string][] = [
    [
      "a drop-down list reaching past the grid",
      [
        {
          setDataValidation: {
            range: {
              sheetId: 7,
              startRowIndex: 1,
              endRowIndex: 283,
              startColumnIndex: 0,
              endColumnIndex: 1,
            },
            rule: list,
          },
        },
      ],
      "Invalid requests[0].setDataValidation: Range ('Pairs'!A2:A283) exceeds grid limits. Max rows: 200, max columns: 12",
    ],
    [
      "values written below the last row",
      [
        {
          updateCells: {
            start: { sheetId: 7, rowIndex: 199, columnIndex: 0 },
            rows: [{ values: [{}] }, { values: [{}] }],
            fields: "userEnteredValue",
          },
        },
      ],
      "Invalid requests[0].updateCells: Range ('Pairs'!A200:A201) exceeds grid limits. Max rows: 200, max columns: 12",
    ],
    [
      "a merge beside the last column",
      [
        {
          mergeCells: {
            range: {
              sheetId: 7,
              startRowIndex: 0,
              endRowIndex: 1,
              startColumnIndex: 10,
              endColumnIndex: 13,
            },
            mergeType: "MERGE_ALL",
          },
        },
      ],
      "Invalid requests[0].mergeCells: Range ('Pairs'!K1:M1) exceeds grid limits. Max rows: 200, max columns: 12",
    ],
    [
      "a column width past the last column",
      [
        {
          updateDimensionProperties: {
            range: { sheetId: 7, dimension: "COLUMNS", startIndex: 11, endIndex: 14 },
            properties: { pixelSize: 80 },
            fields: "pixelSize",
          },
        },
      ],
      "Invalid requests[0].updateDimensionProperties: Range ('Pairs'!L:N) exceeds grid limits. Max rows: 200, max columns: 12",
    ],
    [
      "a request kind the API does not have",
      [{ formatSheet: { sheetId: 7 } }],
      `Invalid JSON payload received. Unknown name "formatSheet" at 'requests[0]': Cannot find field.`,
    ],
    [
      "a field the request does not have",
      [{ addSheet: { properties: { title: "New", colour: "red" } } }],
      `Invalid JSON payload received. Unknown name "colour" at 'requests[0].add_sheet.properties': Cannot find field.`,
    ],
    [
      "a field mask naming no field",
      [
        {
          updateSheetProperties: {
            properties: { sheetId: 7, gridProperties: { rowCount: 300 } },
            fields: "gridProperties.rows",
          },
        },
      ],
      "Invalid requests[0].updateSheetProperties: Invalid field mask: 'gridProperties.rows' is not a field of the request's object.",
    ],
    [
      "a title already used, in another case",
      [{ addSheet: { properties: { title: "PAIRS" } } }],
      'Invalid requests[0].addSheet: A sheet with the name "PAIRS" already exists. Please enter another name.',
    ],
    [
      "every row frozen",
      [
        {
          updateSheetProperties: {
            properties: { sheetId: 7, gridProperties: { frozenRowCount: 200 } },
            fields: "gridProperties.frozenRowCount",
          },
        },
      ],
      "Invalid requests[0].updateSheetProperties: You can't freeze all visible rows on the sheet.",
    ],
    [
      "a merge across the frozen edge",
      [
        {
          updateSheetProperties: {
            properties: { sheetId: 7, gridProperties: { frozenRowCount: 1 } },
            fields: "gridProperties.frozenRowCount",
          },
        },
        {
          mergeCells: {
            range: {
              sheetId: 7,
              startRowIndex: 0,
              endRowIndex: 2,
              startColumnIndex: 0,
              endColumnIndex: 1,
            },
            mergeType: "MERGE_ALL",
          },
        },
      ],
      "Invalid requests[1].mergeCells: You can't merge frozen and non-frozen rows.",
    ],
    [
      "a merge cutting through another",
      [0, 1].map((shift) => ({
        mergeCells: {
          range: {
            sheetId: 7,
            startRowIndex: 4,
            endRowIndex: 5,
            startColumnIndex: shift,
            endColumnIndex: shift + 3,
          },
          mergeType: "MERGE_ALL",
        },
      })),
      "Invalid requests[1].mergeCells: You must select all cells in a merged range to merge or unmerge them.",
    ],
    [
      "deleting the last sheet",
      [{ deleteSheet: { sheetId: 0 } }, { deleteSheet: { sheetId: 7 } }],
      "Invalid requests[1].deleteSheet: You can't remove all the sheets in a document.",
    ],
    [
      "a grid past ten million cells",
      [
        {
          addSheet: {
            properties: { title: "Huge", gridProperties: { rowCount: 1_000_000, columnCount: 11 } },
          },
        },
      ],
      "Invalid requests[0].addSheet: This action would increase the number of cells in the workbook above the limit of 10000000 cells.",
    ],
    [
      "an empty list",
      [
        {
          setDataValidation: {
            range: {
              sheetId: 7,
              startRowIndex: 1,
              endRowIndex: 2,
              startColumnIndex: 0,
              endColumnIndex: 1,
            },
            rule: { condition: { type: "ONE_OF_LIST", values: [] } },
          },
        },
      ],
      "Invalid requests[0].setDataValidation: ConditionType 'ONE_OF_LIST' requires at least 1 ConditionValue.",
    ],
  ];
  for (const [what, requests, message] of cases)
    it(`refuses ${what}`, () => expect(refusal(requests)).toBe(message));

  it("accepts the same requests once the grid has grown in the same batch", () => {
    const grow = {
      updateSheetProperties: {
        properties: { sheetId: 7, gridProperties: { rowCount: 300, columnCount: 14 } },
        fields: "gridProperties.rowCount,gridProperties.columnCount",
      },
    };
    expect(refusal([grow, ...cases[0]![1], ...cases[2]![1], ...cases[3]![1]])).toBe("accepted");
  });

  const h = useFakeGoogle();
  it("answers 400 over HTTP and applies nothing of a refused batch", async () => {
    const before = h.titles();
    const key = JSON.parse(await readFile(h.keyFile, "utf8")) as { private_key: string };
    const part = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
    const unsigned = `${part({ alg: "RS256", typ: "JWT" })}.${part({ scope: "spreadsheets" })}`;
    const signature = sign("RSA-SHA256", Buffer.from(unsigned), key.private_key);
    const form = new URLSearchParams({
      grant_type: "urn:ietf:params:oauth:grant-type:jwt-bearer",
      assertion: `${unsigned}.${signature.toString("base64url")}`,
    });
    const token = (await (
      await fetch(`${h.fake.rootUrl}token`, { method: "POST", body: form })
    ).json()) as {
      access_token: string;
    };
    const response = await fetch(`${h.fake.rootUrl}v4/spreadsheets/${spreadsheetId}:batchUpdate`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${token.access_token}`,
        "content-type": "application/json",
      },
      body: JSON.stringify({
        requests: [
          {
            addSheet: {
              properties: {
                title: "Pairs",
                sheetId: 7,
                gridProperties: { rowCount: 200, columnCount: 12 },
              },
            },
          },
          ...cases[0]![1],
        ],
      }),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as {
      error: { code: number; message: string; status: string };
    };
    expect(body.error).toEqual({
      code: 400,
      message: cases[0]![2].replace("requests[0]", "requests[1]"),
      status: "INVALID_ARGUMENT",
    });
    expect(h.titles()).toEqual(before);
  });
});
