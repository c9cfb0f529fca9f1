/**
 * A form document (shared/forms/document-model.ts) as a `docx` Document, shared by the hosts
 * that write Word files: the CLI packs it with Node's Buffer, the Excel add-in as a Blob in the
 * browser. A thin adapter: each block maps to its Word counterpart — headings to Heading
 * styles, check boxes to Word check-box content controls, tables with borders, page breaks,
 * blanks to underscores and the last blank of a line to an underscore tab leader up to the
 * margin, signature lines to underscore tab leaders. What the forms say is decided in the core.
 */
import {
  BorderStyle,
  CheckBox,
  Document,
  HeadingLevel,
  HeightRule,
  LeaderType,
  PageBreak,
  Paragraph,
  Tab,
  TabStopType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
  type TabStopDefinition,
} from "docx";
import type { Block, FormDocument, Run, TableBlock } from "../shared/forms/document-model.js";

/** US Letter with 0.75" margins, in twips. */
const page = { width: 12240, height: 15840, margin: 1080 } as const;
const contentWidth = page.width - 2 * page.margin;
const headingLevels = {
  1: HeadingLevel.HEADING_1,
  2: HeadingLevel.HEADING_2,
  3: HeadingLevel.HEADING_3,
} as const;
const border = { style: BorderStyle.SINGLE, size: 4, color: "000000" } as const;

function runs(list: readonly Run[], extra: { size?: number; italics?: boolean } = {}): TextRun[] {
  return list.map(
    (run) =>
      new TextRun({
        text: run.text,
        // Only ever switched on, so a run keeps its paragraph style's bold (headings).
        ...(run.bold === true ? { bold: true } : {}),
        ...(run.italic === true || extra.italics === true ? { italics: true } : {}),
        ...(extra.size === undefined ? {} : { size: extra.size }),
      }),
  );
}

const tab = (): TextRun => new TextRun({ children: [new Tab()] });

function table(block: TableBlock): Table {
  const weights = block.columnWidths ?? block.header.map(() => 1);
  const total = weights.reduce((sum, w) => sum + w, 0);
  const widths = weights.map((w) => Math.floor((w / total) * contentWidth));
  const cells = (row: TableBlock["header"], header: boolean): TableCell[] =>
    row.map(
      (cell, c) =>
        new TableCell({
          width: { size: widths[c] ?? 0, type: WidthType.DXA },
          margins: { top: 40, bottom: 40, left: 60, right: 60 },
          children: [
            new Paragraph({
              spacing: { after: 0 },
              children: runs(header ? cell.runs.map((r) => ({ ...r, bold: true })) : cell.runs, {
                size: 18,
              }),
            }),
          ],
        }),
    );
  return new Table({
    width: { size: contentWidth, type: WidthType.DXA },
    columnWidths: widths,
    borders: {
      top: border,
      bottom: border,
      left: border,
      right: border,
      insideHorizontal: border,
      insideVertical: border,
    },
    rows: [
      new TableRow({ tableHeader: true, children: cells(block.header, true) }),
      ...block.rows.map(
        (row) =>
          new TableRow({
            height: { value: 400, rule: HeightRule.ATLEAST },
            children: cells(row, false),
          }),
      ),
    ],
  });
}

function blockElements(block: Block): (Paragraph | Table)[] {
  switch (block.kind) {
    case "heading":
      return [
        new Paragraph({
          heading: headingLevels[block.level],
          keepNext: true,
          children: runs(block.runs),
        }),
      ];
    case "paragraph":
      return [new Paragraph({ children: runs(block.runs) })];
    case "note":
      return [
        new Paragraph({
          spacing: { before: 240 },
          children: runs(block.runs, { size: 16, italics: true }),
        }),
      ];
    case "checkbox":
      return [
        new Paragraph({
          indent: { left: 360 },
          children: [
            new CheckBox({ checked: block.checked }),
            new TextRun(" "),
            ...runs(block.runs),
          ],
        }),
      ];
    case "fillIn": {
      const children: ParagraphChild[] = [];
      block.fields.forEach((field, i) => {
        if (i > 0) children.push(new TextRun(" "));
        children.push(...runs(field.label));
        if (field.blank === 0) return;
        if (field.label.length > 0) children.push(new TextRun(" "));
        const last = i === block.fields.length - 1;
        children.push(last ? tab() : new TextRun("_".repeat(field.blank)));
      });
      const last = block.fields[block.fields.length - 1]!;
      return [
        new Paragraph({
          spacing: { before: 60 },
          tabStops:
            last.blank > 0
              ? [{ type: TabStopType.RIGHT, position: contentWidth, leader: LeaderType.UNDERSCORE }]
              : [],
          children,
        }),
      ];
    }
    case "signatures":
      return block.lines.map((line) => {
        const lineEnd = line.dateLabel === null ? contentWidth : Math.round(contentWidth * 0.68);
        const children: ParagraphChild[] = [new TextRun(`${line.label} `), tab()];
        const tabStops: TabStopDefinition[] = [
          { type: TabStopType.LEFT, position: lineEnd, leader: LeaderType.UNDERSCORE },
        ];
        if (line.dateLabel !== null) {
          children.push(new TextRun(` ${line.dateLabel} `), tab());
          tabStops.push({
            type: TabStopType.RIGHT,
            position: contentWidth,
            leader: LeaderType.UNDERSCORE,
          });
        }
        return new Paragraph({ spacing: { before: 480 }, tabStops, children });
      });
    case "pageBreak":
      return [new Paragraph({ children: [new PageBreak()] })];
    case "table":
      // An empty paragraph after a table keeps two tables from merging and gives air.
      return [table(block), new Paragraph({})];
  }
}

/** The document as Word would open it. */
export function docxDocument(model: FormDocument): Document {
  return new Document({
    title: model.title,
    creator: "Mentor Match",
    styles: {
      default: {
        document: { run: { font: "Calibri", size: 22 }, paragraph: { spacing: { after: 80 } } },
        heading1: {
          run: { size: 30, bold: true, color: "000000" },
          paragraph: { spacing: { before: 240, after: 120 } },
        },
        heading2: {
          run: { size: 24, bold: true, color: "000000" },
          paragraph: { spacing: { before: 240, after: 80 } },
        },
        heading3: {
          run: { size: 22, bold: true, color: "000000" },
          paragraph: { spacing: { before: 160, after: 60 } },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: page.width, height: page.height },
            margin: {
              top: page.margin,
              bottom: page.margin,
              left: page.margin,
              right: page.margin,
            },
          },
        },
        children: model.blocks.flatMap(blockElements),
      },
    ],
  });
}
