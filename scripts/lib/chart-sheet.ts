/**
 * Adds a chart sheet to a package ExcelJS wrote (ExcelJS cannot write one): the chartsheet part,
 * its drawing and a bar chart, wired into the workbook, its relationships and content types the
 * way Excel itself lays them out.
 */
import { editPart } from "./files.js";
import type { ZipFile } from "./zip.js";

const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export interface ChartSheetOptions {
  /** Tab name of the chart sheet. */
  readonly name: string;
  /** Insert the tab before this worksheet (by name). */
  readonly before: string;
  readonly title: string;
  /** Series ranges, e.g. `Lists!$C$2:$C$8`. */
  readonly categories: string;
  readonly values: string;
}

export function addChartSheet(files: ZipFile[], options: ChartSheetOptions): ZipFile[] {
  const relId = "rIdChartSheet1";
  let edited = editPart(files, "xl/workbook.xml", (xml) =>
    xml.replace(
      new RegExp(`(<sheet [^>]*name="${options.before}")`),
      `<sheet sheetId="99" name="${options.name}" r:id="${relId}"/>$1`,
    ),
  );
  edited = editPart(edited, "xl/_rels/workbook.xml.rels", (xml) =>
    xml.replace(
      "</Relationships>",
      `<Relationship Id="${relId}" Type="${NS_REL}/chartsheet" Target="chartsheets/sheet1.xml"/></Relationships>`,
    ),
  );
  const overrides = [
    ["/xl/chartsheets/sheet1.xml", "spreadsheetml.chartsheet+xml"],
    ["/xl/drawings/drawing1.xml", "drawing+xml"],
    ["/xl/charts/chart1.xml", "drawingml.chart+xml"],
  ]
    .map(
      ([part, type]) =>
        `<Override PartName="${part}" ContentType="application/vnd.openxmlformats-officedocument.${type}"/>`,
    )
    .join("");
  edited = editPart(edited, "[Content_Types].xml", (xml) =>
    xml.replace("</Types>", `${overrides}</Types>`),
  );
  return [
    ...edited,
    part(
      "xl/chartsheets/sheet1.xml",
      `<chartsheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><sheetPr/><sheetViews><sheetView zoomToFit="1" workbookViewId="0"/></sheetViews><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><drawing r:id="rId1"/></chartsheet>`,
    ),
    part(
      "xl/chartsheets/_rels/sheet1.xml.rels",
      `<Relationships xmlns="${NS_PKG_REL}"><Relationship Id="rId1" Type="${NS_REL}/drawing" Target="../drawings/drawing1.xml"/></Relationships>`,
    ),
    part(
      "xl/drawings/drawing1.xml",
      `<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><xdr:absoluteAnchor><xdr:pos x="0" y="0"/><xdr:ext cx="9294091" cy="6067425"/><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Chart 1"/><xdr:cNvGraphicFramePr><a:graphicFrameLocks noGrp="1"/></xdr:cNvGraphicFramePr></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${NS_REL}" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:absoluteAnchor></xdr:wsDr>`,
    ),
    part(
      "xl/drawings/_rels/drawing1.xml.rels",
      `<Relationships xmlns="${NS_PKG_REL}"><Relationship Id="rId1" Type="${NS_REL}/chart" Target="../charts/chart1.xml"/></Relationships>`,
    ),
    part(
      "xl/charts/chart1.xml",
      `<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${NS_REL}"><c:chart><c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>${options.title}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/><c:plotArea><c:layout/><c:barChart><c:barDir val="bar"/><c:grouping val="clustered"/><c:varyColors val="0"/><c:ser><c:idx val="0"/><c:order val="0"/><c:cat><c:strRef><c:f>${options.categories}</c:f></c:strRef></c:cat><c:val><c:numRef><c:f>${options.values}</c:f></c:numRef></c:val></c:ser><c:axId val="1001"/><c:axId val="1002"/></c:barChart><c:catAx><c:axId val="1001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:crossAx val="1002"/></c:catAx><c:valAx><c:axId val="1002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="1001"/></c:valAx></c:plotArea><c:plotVisOnly val="1"/></c:chart></c:chartSpace>`,
    ),
  ];
}

function part(name: string, xml: string): ZipFile {
  return { name, data: Buffer.from(XML_HEAD + xml, "utf8") };
}
