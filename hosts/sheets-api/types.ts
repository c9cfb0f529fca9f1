/**
 * The few Sheets API v4 JSON shapes the translator writes, as plain types of our own. They are
 * structurally the same as `GoogleAppsScript.Sheets.Schema.*` (Apps Script's advanced service)
 * and googleapis' `sheets_v4.Schema$*`, so either host passes them on unchanged, and no host
 * library's types leak into code shared by both.
 */
export interface Color {
  red?: number;
  green?: number;
  blue?: number;
}

export interface ColorStyle {
  rgbColor?: Color;
}

export interface Border {
  style?: string;
  colorStyle?: ColorStyle;
}

export interface Borders {
  top?: Border;
  bottom?: Border;
  left?: Border;
  right?: Border;
}

export interface TextFormat {
  bold?: boolean;
  italic?: boolean;
  fontSize?: number;
  foregroundColorStyle?: ColorStyle;
  link?: { uri?: string };
}

export interface CellFormat {
  textFormat?: TextFormat;
  backgroundColorStyle?: ColorStyle;
  borders?: Borders;
  wrapStrategy?: string;
  verticalAlignment?: string;
  numberFormat?: { type?: string; pattern?: string };
}

export interface ExtendedValue {
  stringValue?: string;
  numberValue?: number;
  boolValue?: boolean;
}

export interface CellData {
  userEnteredValue?: ExtendedValue;
  userEnteredFormat?: CellFormat;
}

export interface GridRange {
  sheetId?: number;
  startRowIndex?: number;
  endRowIndex?: number;
  startColumnIndex?: number;
  endColumnIndex?: number;
}

export interface GridProperties {
  rowCount?: number;
  columnCount?: number;
  frozenRowCount?: number;
  frozenColumnCount?: number;
}

export interface SheetProperties {
  sheetId?: number;
  title?: string;
  index?: number;
  gridProperties?: GridProperties;
}

export interface Request {
  addSheet?: { properties?: SheetProperties };
  deleteSheet?: { sheetId?: number };
  updateSheetProperties?: { properties?: SheetProperties; fields?: string };
  updateCells?: {
    start?: { sheetId?: number; rowIndex?: number; columnIndex?: number };
    range?: GridRange;
    rows?: { values?: CellData[] }[];
    fields?: string;
  };
  unmergeCells?: { range?: GridRange };
  mergeCells?: { range?: GridRange; mergeType?: string };
  updateDimensionProperties?: {
    range?: { sheetId?: number; dimension?: string; startIndex?: number; endIndex?: number };
    properties?: { pixelSize?: number };
    fields?: string;
  };
  setDataValidation?: {
    range?: GridRange;
    rule?: {
      condition?: { type?: string; values?: { userEnteredValue?: string }[] };
      strict?: boolean;
      showCustomUi?: boolean;
    };
  };
}
