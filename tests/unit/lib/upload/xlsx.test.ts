/** What src/lib/upload/xlsx.ts does to a sheet's XML before it is read. */
import { describe, expect, it } from "vitest";
import {
  percentStyles,
  withCellReferences,
  withPercentsAsShown,
} from "../../../../src/lib/upload/xlsx.ts";

describe("sheets without cell references", () => {
  it("fills in the r of rows and cells that leave it out, keeping those that have it", () => {
    expect(
      withCellReferences(
        '<sheetData><row><c t="s"><v>0</v></c><c><v>1</v></c></row><row/>' +
          '<row r="5"><c r="C5"><v>2</v></c><c t="inlineStr"><is><t>a&lt;c&gt;</t></is></c><c/></row>' +
          "<x:row><x:c><x:v>3</x:v></x:c></x:row></sheetData>",
      ),
    ).toBe(
      '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>1</v></c></row><row r="2"/>' +
        '<row r="5"><c r="C5"><v>2</v></c><c r="D5" t="inlineStr"><is><t>a&lt;c&gt;</t></is></c><c r="E5"/></row>' +
        '<x:row r="6"><x:c r="A6"><x:v>3</x:v></x:c></x:row></sheetData>',
    );
  });
});

describe("percentages as shown", () => {
  const styles =
    '<styleSheet><numFmts><numFmt numFmtId="166" formatCode="0%"/><numFmt numFmtId="167" formatCode="0&quot;%&quot;"/></numFmts>' +
    '<cellStyleXfs><xf numFmtId="9"/></cellStyleXfs>' +
    '<cellXfs><xf numFmtId="0"/><xf numFmtId="166"/><xf numFmtId="10"/><xf numFmtId="167"/></cellXfs></styleSheet>';

  it("finds the cell styles that show a percentage, not a quoted % sign", () => {
    expect([...percentStyles(styles)]).toEqual([1, 2]);
  });

  it("multiplies those cells' numbers by 100, to 15 significant digits, and nothing else", () => {
    const percent = percentStyles(styles);
    expect(
      withPercentsAsShown(
        '<c r="A1" s="1"><v>1</v></c><c r="B1" s="2"><v>0.555</v></c><c r="C1" s="1" t="s"><v>3</v></c>' +
          '<c r="D1" s="0"><v>0.6</v></c><c r="E1" s="3"><v>60</v></c><c r="F1" s="1"/>',
        percent,
      ),
    ).toBe(
      '<c r="A1" s="1"><v>100</v></c><c r="B1" s="2"><v>55.5</v></c><c r="C1" s="1" t="s"><v>3</v></c>' +
        '<c r="D1" s="0"><v>0.6</v></c><c r="E1" s="3"><v>60</v></c><c r="F1" s="1"/>',
    );
  });
});
