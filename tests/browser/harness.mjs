// What the browser tests share: Debian's Chromium started as the checks want it (no
// sandbox, no GPU, no network of its own), the axe-core source, and a list of failures
// that ends the run with exit code 1.

import { chromium } from "playwright-core";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

export const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ],
  });
}

export const failures = [];
export const fail = (message) => { failures.push(message); console.log(`FAIL ${message}`); };

// Exits 1 if anything failed, saying how many; else prints `passed`.
export function finish(passed) {
  if (failures.length) {
    console.log(`\n${failures.length} failure(s)`);
    process.exit(1);
  }
  console.log(passed);
}
