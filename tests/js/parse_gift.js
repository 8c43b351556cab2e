// Parse GIFT text from stdin with the real gift-pegjs parser; print its questions as JSON (tests/test_export_gift.py).
"use strict";
const { parse } = require("gift-pegjs");

let text = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => { text += chunk; });
process.stdin.on("end", () => {
  try {
    process.stdout.write(JSON.stringify(parse(text)));
  } catch (error) {
    const where = error.location ? ` at line ${error.location.start.line}, column ${error.location.start.column}` : "";
    process.stderr.write(`${error.name}: ${error.message}${where}\n`);
    process.exit(1);
  }
});
