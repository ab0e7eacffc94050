// Browser test of the layout preview of `report serve`, in Debian's Chromium through
// playwright-core.
//
// Usage: node layout.mjs <http://127.0.0.1:PORT> <lang>... [--shots DIR]
// For each language: /__report/layout/<lang> shows its pages (every <img> an SVG that
// loaded, at the page's size), in the version's direction (dir="rtl" for Arabic), numbered
// from 1 in order; a page's link to a reply leads to that reply's site page, whose live
// script links back to the layout at the page its heading is on; the corner says which PDF
// is current; axe-core finds no serious or critical violation. Exits 1 on any failure,
// listing every one.

import { axeSource, fail, finish, launch } from "./harness.mjs";
import { mkdirSync } from "node:fs";
import { join } from "node:path";

const args = process.argv.slice(2);
const shotsAt = args.indexOf("--shots");
const shots = shotsAt >= 0 ? args.splice(shotsAt, 2)[1] : null;
if (shots) mkdirSync(shots, { recursive: true });
const [base, ...languages] = args;
if (!base || languages.length === 0) {
  console.error("usage: node layout.mjs http://127.0.0.1:PORT LANG... [--shots DIR]");
  process.exit(2);
}
const rtl = new Set(["ar", "fa", "he", "ur"]);

const browser = await launch();

try {
  const page = await browser.newPage({ viewport: { width: 1100, height: 1300 } });
  page.on("pageerror", (e) => fail(`script error: ${e.message}`));
  for (const lang of languages) {
    const where = `layout ${lang}`;
    await page.goto(`${base}/__report/layout/${lang}`);
    await page.waitForLoadState("load");
    const dir = await page.evaluate(() => document.documentElement.dir);
    const expected = rtl.has(lang) ? "rtl" : "ltr";
    if (dir !== expected) fail(`${where}: dir="${dir}", not "${expected}"`);
    const pages = await page.evaluate(() => [...document.querySelectorAll("#report-pages figure")]
      .map((f) => ({ id: f.id, loaded: f.querySelector("img").naturalWidth > 0,
        svg: f.querySelector("img").src.includes(".svg") })));
    if (pages.length < 2) fail(`${where}: ${pages.length} pages`);
    pages.forEach((p, i) => {
      if (p.id !== `page-${i + 1}`) fail(`${where}: page ${i + 1} is "${p.id}"`);
      if (!p.loaded || !p.svg) fail(`${where}: ${p.id} shows no SVG page`);
    });
    await page.waitForFunction(() => /PDF/.test(document.getElementById("report-live")?.textContent ?? ""));
    if (shots) await page.screenshot({ path: join(shots, `layout-${lang}.png`) });
    await page.addScriptTag({ content: axeSource });
    const result = await page.evaluate(async () => await window.axe.run(document, { resultTypes: ["violations"] }));
    for (const v of result.violations) {
      if (v.impact === "serious" || v.impact === "critical") {
        fail(`${where}: axe ${v.impact} ${v.id}: ${v.help} (${v.nodes.length} nodes)`);
      }
    }
    // From a page to its reply on the site, and back to the page its heading is on.
    const reply = page.locator("figcaption a[href*='/states/']").first();
    if ((await reply.count()) === 0) {
      fail(`${where}: no page links to a reply`);
      continue;
    }
    const figure = await reply.evaluate((a) => a.closest("figure").id);
    await reply.click();
    await page.waitForLoadState("load");
    const back = await page.evaluate(() => document.querySelector("script[data-layout]")?.dataset.layout);
    if (!back || !back.startsWith(`/__report/layout/${lang}#page-`)) {
      fail(`${where}: the reply's site page does not link back to the layout (${back})`);
    } else if (back.split("#")[1] !== figure) {
      // The first reply of a page starts on it, so the link leads back to that page.
      fail(`${where}: the reply of ${figure} links back to ${back}`);
    }
    const link = page.locator("#report-live a");
    if ((await link.count()) !== 1) fail(`${where}: the site page's corner has no link to the layout`);
  }
} finally {
  await browser.close();
}
finish(`layout preview: ${languages.join(", ")}: ok`);
