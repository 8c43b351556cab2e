/* The smallest .xlsx the class report needs: named sheets of text and numbers (inline strings, no styles), in a
   stored (uncompressed) zip. Loaded by report.html alone, after report.js asks for it: window.cwXlsx(sheets)
   returns the file's bytes. The xmlns values below are the format's namespace names, never fetched. */
(() => {
  "use strict";
  if (window.cwXlsx) return;
  const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  const PKG = "http://schemas.openxmlformats.org/package/2006/";
  const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

  const table = [];
  for (let n = 0; n < 256; n += 1) {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table.push(c >>> 0);
  }
  const crc32 = (bytes) => {
    let c = 0xffffffff;
    for (let i = 0; i < bytes.length; i += 1) c = table[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };

  // XML text: escaped, and without the control characters XML 1.0 cannot carry at all
  const esc = (text) => String(text).replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, "")
    .replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  const column = (n) => (n >= 26 ? column(Math.floor(n / 26) - 1) : "") + String.fromCharCode(65 + (n % 26));

  function cell(value, ref) {
    if (typeof value === "number" && isFinite(value)) return '<c r="' + ref + '"><v>' + value + "</v></c>";
    if (value === null || value === undefined || value === "") return "";
    return '<c r="' + ref + '" t="inlineStr"><is><t xml:space="preserve">' + esc(value) + "</t></is></c>";
  }

  function sheet(rows) {
    const body = rows.map((row, r) => '<row r="' + (r + 1) + '">' +
      row.map((value, c) => cell(value, column(c) + (r + 1))).join("") + "</row>").join("");
    return XML + '<worksheet xmlns="' + MAIN + '"><sheetData>' + body + "</sheetData></worksheet>";
  }

  function parts(sheets) {
    const files = [["[Content_Types].xml", XML + '<Types xmlns="' + PKG + 'content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      sheets.map((s, i) => '<Override PartName="/xl/worksheets/sheet' + (i + 1) +
        '.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>').join("") + "</Types>"],
    ["_rels/.rels", XML + '<Relationships xmlns="' + PKG + 'relationships"><Relationship Id="rId1" Type="' + REL +
      '/officeDocument" Target="xl/workbook.xml"/></Relationships>'],
    ["xl/workbook.xml", XML + '<workbook xmlns="' + MAIN + '" xmlns:r="' + REL + '"><sheets>' +
      sheets.map((s, i) => '<sheet name="' + esc(s.name.slice(0, 31)) + '" sheetId="' + (i + 1) + '" r:id="rId' + (i + 1) + '"/>').join("") +
      "</sheets></workbook>"],
    ["xl/_rels/workbook.xml.rels", XML + '<Relationships xmlns="' + PKG + 'relationships">' +
      sheets.map((s, i) => '<Relationship Id="rId' + (i + 1) + '" Type="' + REL + '/worksheet" Target="worksheets/sheet' + (i + 1) + '.xml"/>').join("") +
      "</Relationships>"]];
    sheets.forEach((s, i) => files.push(["xl/worksheets/sheet" + (i + 1) + ".xml", sheet(s.rows)]));
    return files;
  }

  // A stored zip: local headers and data, then the central directory; fixed dates keep the bytes repeatable.
  function zip(files) {
    const utf8 = new TextEncoder(), chunks = [], central = [];
    let offset = 0;
    files.forEach((file) => {
      const name = utf8.encode(file[0]), data = utf8.encode(file[1]), crc = crc32(data);
      const head = header(30, 0x04034b50, name, data.length, crc);
      const entry = header(46, 0x02014b50, name, data.length, crc);
      new DataView(entry.buffer).setUint32(42, offset, true);
      chunks.push(head, data);
      central.push(entry);
      offset += head.length + data.length;
    });
    const size = central.reduce((n, c) => n + c.length, 0), end = new Uint8Array(22), view = new DataView(end.buffer);
    view.setUint32(0, 0x06054b50, true);
    view.setUint16(8, files.length, true);
    view.setUint16(10, files.length, true);
    view.setUint32(12, size, true);
    view.setUint32(16, offset, true);
    return new Blob(chunks.concat(central, [end]), { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
  }

  function header(length, signature, name, size, crc) {
    const bytes = new Uint8Array(length + name.length), view = new DataView(bytes.buffer), central = length === 46;
    const at = central ? 2 : 0; // the central entry has "version made by" before the fields both share
    view.setUint32(0, signature, true);
    if (central) view.setUint16(4, 20, true);
    view.setUint16(4 + at, 20, true);
    view.setUint16(6 + at, 0x0800, true); // names are UTF-8
    view.setUint16(12 + at, 0x21, true); // 1980-01-01
    view.setUint32(14 + at, crc, true);
    view.setUint32(18 + at, size, true);
    view.setUint32(22 + at, size, true);
    view.setUint16(26 + at, name.length, true);
    bytes.set(name, length);
    return bytes;
  }

  window.cwXlsx = (sheets) => zip(parts(sheets));
})();
