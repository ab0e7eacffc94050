// Browser test of the generated HTML site, in Debian's Chromium through playwright-core.
//
// Usage: node check.mjs <path/to/output/html> [screenshot folder]
// SEARCH_STATE and SEARCH_THEME give what the search must find in a version in another
// language ("الأرجنتين", "阿根廷"; default "Argentina" and "ransomware").
// For index.html, a category page, a State page and print.html, at desktop and phone
// widths: the page renders (non-empty screenshot, one <h1>), axe-core finds no serious or
// critical violation; on index.html the search box finds a State and says, in the page's
// language, when it finds nothing; keyboard focus reaches
// the skip link first; in a redline, the switch hides and shows the deletions. Exits 1 on
// any failure, listing every one.

import { axeSource, fail, finish, launch } from "./harness.mjs";
import { readdirSync, mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const site = resolve(process.argv[2] ?? "../../output/html");
const shots = process.argv[3] ? resolve(process.argv[3]) : null;
if (shots) mkdirSync(shots, { recursive: true });

const category = readdirSync(join(site, "categories")).sort()[0];
const state = readdirSync(join(site, "states")).sort()[0];
const pages = ["index.html", `categories/${category}`, `states/${state}`, "print.html"];
const widths = { desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } };

const browser = await launch();

try {
  for (const [name, viewport] of Object.entries(widths)) {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    const requests = [];
    page.on("request", (r) => { if (!r.url().startsWith("file:")) requests.push(r.url()); });
    page.on("pageerror", (e) => fail(`${name}: script error: ${e.message}`));
    for (const path of pages) {
      const url = pathToFileURL(join(site, path)).href;
      await page.goto(url);
      const where = `${name} ${path}`;
      const shot = await page.screenshot({ fullPage: false });
      if (shot.length < 5000) fail(`${where}: the screenshot is nearly empty (${shot.length} bytes)`);
      if (shots) await page.screenshot({ path: join(shots, `${name}-${path.replace(/\//g, "-")}.png`) });
      const h1 = await page.locator("h1").count();
      if (h1 !== 1) fail(`${where}: ${h1} <h1> elements`);
      await page.addScriptTag({ content: axeSource });
      const result = await page.evaluate(async () =>
        await window.axe.run(document, { resultTypes: ["violations"] }));
      for (const v of result.violations) {
        const line = `${where}: axe ${v.impact} ${v.id}: ${v.help} (${v.nodes.length} nodes)`;
        if (v.impact === "serious" || v.impact === "critical") fail(line);
        else console.log(`note ${line}`);
      }
      console.log(`ok ${where}`);
    }

    // Search: typing a State's name lists a link to its page.
    await page.goto(pathToFileURL(join(site, "index.html")).href);
    const stateName = process.env.SEARCH_STATE ?? "Argentina";
    const theme = process.env.SEARCH_THEME ?? "ransomware";
    await page.fill("#search", stateName);
    const hit = page.locator("#search-results a", { hasText: stateName });
    if ((await hit.count()) === 0) fail(`${name}: search for "${stateName}" found nothing`);
    else if (!(await hit.first().getAttribute("href")).endsWith("states/arg.html")) {
      fail(`${name}: search result does not link to states/arg.html`);
    }
    // In any case: the name written in small letters finds it too (Cyrillic, Latin).
    const lower = stateName.toLocaleLowerCase(await page.locator("html").getAttribute("lang"));
    await page.fill("#search", lower);
    if ((await page.locator("#search-results a", { hasText: stateName }).count()) === 0) {
      fail(`${name}: search for "${lower}" found nothing`);
    }
    await page.fill("#search", theme);
    if ((await page.locator("#search-results a").count()) === 0) fail(`${name}: search for a theme found nothing`);
    // Nothing found: the page's own words say so, in its language (site.js holds none).
    await page.fill("#search", "zzqxjv");
    const said = (await page.locator("#search-results li").first().textContent()) ?? "";
    const none = await page.locator("#search").getAttribute("data-none");
    const lang = await page.locator("html").getAttribute("lang");
    if (!none || said !== none) fail(`${name}: an empty search says "${said}", not the page's "${none}"`);
    else if (lang !== "en" && said === "No match") fail(`${name}: an empty search answers in English`);
    else console.log(`ok ${name}: an empty search says "${said}"`);

    // A redline: the switch in the draft banner hides what was deleted, says it is
    // pressed, and shows it again.
    await page.goto(pathToFileURL(join(site, "index.html")).href);
    const toggle = page.locator("button.toggle-changes");
    if ((await toggle.count()) > 0 && (await page.locator("del").count()) > 0) {
      const deleted = page.locator("del").first();
      if (!(await deleted.isVisible())) fail(`${name}: a deletion is not shown`);
      await toggle.click();
      if ((await toggle.getAttribute("aria-pressed")) !== "true") fail(`${name}: the switch is not pressed`);
      if (await deleted.isVisible()) fail(`${name}: the switch does not hide the deletions`);
      await toggle.click();
      if (!(await deleted.isVisible())) fail(`${name}: the switch does not show the deletions again`);
      console.log(`ok ${name}: the redline's switch`);
    }

    // Keyboard: the first Tab reaches the skip link.
    await page.goto(pathToFileURL(join(site, "index.html")).href);
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => document.activeElement?.className);
    if (focused !== "skip") fail(`${name}: first Tab focuses "${focused}", not the skip link`);

    if (requests.length) fail(`${name}: network requests: ${requests.join(", ")}`);
    await context.close();
  }
} finally {
  await browser.close();
}

finish("\nbrowser checks passed");
