// The workbench as a person uses it, in headless Chromium driven by playwright-core:
// search -> hit -> the cited span marked and in view; an entity's figures; ledger -> group ->
// sentences; the network drawn and a what-if cut; a hostile article that must run nothing;
// the served briefing, whose citation opens the viewer at its words; the self-contained HTML
// briefing, whose citation opens its sentence in place with the words marked.
// Run by the Rust test `browser::workbench_in_chromium`, which starts the server:
//   node walk.cjs PLAYWRIGHT_CORE_DIR BASE_URL SCREENSHOT_DIR BRIEFING_HTML_FILE
// Prints one line "ok <check>" per check passed; exits non-zero on the first failure.
"use strict";
const [playwrightDir, base, shots, briefingFile] = process.argv.slice(2);
const { chromium } = require(playwrightDir);

function check(cond, what) {
  if (!cond) { throw new Error("check failed: " + what); }
  console.log("ok " + what);
}

async function inView(locator) {
  return locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.bottom > 0 && r.top < window.innerHeight && r.width > 0;
  });
}

(async () => {
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync",
           "--disable-dev-shm-usage"],
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const dialogs = [];
  page.on("dialog", async (d) => { dialogs.push(d.message()); await d.dismiss(); });
  const pageErrors = [];
  page.on("pageerror", (e) => pageErrors.push(String(e)));
  try {
    // 1. Search, open a hit: the viewer opens at the hit's words, marked.
    await page.goto(base + "/search?q=containers");
    await page.screenshot({ path: shots + "/search.png", fullPage: true });
    const hit = page.locator("ol.hits li a").first();
    check(await hit.count() === 1, "search lists hits");
    await Promise.all([page.waitForURL(/\/doc\//), hit.click()]);
    const target = page.locator("#text mark.target").first();
    check(await target.count() === 1, "the hit's span is marked in the viewer");
    // A span crossed by other annotations is marked in several pieces.
    const marked = (await page.locator("#text mark.target").allInnerTexts()).join("");
    check(marked.toLowerCase().includes("container"), "the marked span holds the hit (" + marked + ")");
    check(await inView(target), "the marked span is in view");
    await page.screenshot({ path: shots + "/document.png" });

    // 2. The entity page of North Korea lists its figures.
    await page.goto(base + "/entity/North%20Korea");
    const figures = page.locator("td.sentence");
    check(await figures.count() > 0, "North Korea's page lists figures with their sentences");
    await page.screenshot({ path: shots + "/entity.png", fullPage: true });

    // 3. Ledger -> a group -> each claim beside its sentence.
    await page.goto(base + "/ledger");
    await page.screenshot({ path: shots + "/ledger.png", fullPage: true });
    const group = page.locator("td a[href^='/ledger/']").first();
    await Promise.all([page.waitForURL(/\/ledger\/[0-9a-f]+/), group.click()]);
    const sentences = await page.locator("td.sentence").allInnerTexts();
    check(sentences.length > 0 && sentences.every((s) => s.trim().length > 0), "a group shows each claim's sentence");
    await page.screenshot({ path: shots + "/group.png", fullPage: true });

    // 4. The network is drawn; a what-if cut lowers a dependent's supply.
    await page.goto(base + "/network");
    await page.waitForSelector("#graph[data-ready]", { timeout: 15000 });
    check(Number(await page.getAttribute("#graph", "data-ready")) > 0, "the network draws its flows");
    check(await page.locator("#graph canvas").count() > 0, "cytoscape drew on a canvas");
    await page.screenshot({ path: shots + "/network.png" });
    const net = await (await page.request.get(base + "/api/network")).json();
    const edge = net.edges.find((e) => e.share !== null) || net.edges[0];
    await page.goto(base + edge.cut_href);
    await page.waitForSelector("#graph[data-ready]", { timeout: 15000 });
    const heading = await page.locator("h2", { hasText: "What if" }).count();
    check(heading === 1, "the what-if answers for the cut flow");
    const rows = await page.locator("h2:has-text('What if') + table tr").count();
    if (edge.share !== null) {
      const cells = await page.locator("h2:has-text('What if') + table tr:nth-child(2) td").allInnerTexts();
      const before = parseFloat(cells[3]);
      const left = parseFloat(cells[4]);
      check(rows > 1 && left < before, "cutting " + edge.from + " -> " + edge.to + " lowers a share (" + before + "% -> " + left + "%)");
    }
    await page.screenshot({ path: shots + "/what-if.png", fullPage: true });

    // 5. A hostile article renders as text and runs nothing.
    const found = await (await page.request.get(base + "/api/search?q=onerror+hostile")).json();
    await page.goto(base + "/doc/" + found.results.hits[0].doc);
    const shown = await page.locator("#text").innerText();
    check(shown.includes("<script>alert('x')</script>"), "the hostile markup is shown as text: " + shown.slice(0, 120));
    check(await page.locator("#text img, #text script, #text a[href^='javascript']").count() === 0, "no element comes from the article");
    await page.waitForTimeout(300);
    check(dialogs.length === 0, "no script of the article ran (no dialog)");
    await page.screenshot({ path: shots + "/hostile.png" });

    // 6. The served briefing: a key judgment's citation opens the viewer at its words.
    await page.goto(base + "/briefing");
    await page.screenshot({ path: shots + "/briefing.png", fullPage: true });
    const cite = page.locator("sup.cite a").first();
    check(await cite.count() === 1, "the served briefing has citations");
    const href = await cite.getAttribute("href");
    const span = /^\/doc\/[^?]+\?span=(\d+)-(\d+)#s-(\d+)$/.exec(href);
    check(span !== null && span[1] === span[3], "a citation links into the viewer at its span (" + href + ")");
    await Promise.all([page.waitForURL(/\/doc\//), cite.click()]);
    const opened = page.locator("#text mark.target").first();
    check(await opened.count() === 1, "the cited span is marked in the viewer");
    const squash = (t) => t.split(/\s+/).filter((w) => w).join(" ");
    const openedWords = squash((await page.locator("#text mark.target").allInnerTexts()).join(""));
    const api = await (await page.request.get(base + "/api/briefing")).json();
    const cited = api.notes.find((n) => n.citation.span.start === Number(span[1]) && n.citation.span.end === Number(span[2]));
    check(cited && squash(cited.marked) === openedWords,
      "the marked span holds the cited words (" + openedWords.slice(0, 80) + ")");
    check(await inView(opened), "the cited span is in view");
    await page.screenshot({ path: shots + "/briefing-citation.png" });

    // 7. The HTML briefing as a file: clicking a citation shows its sentence in place, the
    // cited words marked, with a link to its note.
    await page.goto("file://" + briefingFile);
    const first = page.locator("#key-judgments sup.cite a").first();
    check(await first.count() === 1, "the HTML briefing's key judgments are cited");
    const pop = page.locator("#" + (await first.getAttribute("href")).slice(1));
    check(!(await pop.isVisible()), "the cited sentence is closed until asked for");
    await first.click();
    check(await pop.isVisible(), "clicking a citation opens its sentence");
    check(await inView(pop), "the opened sentence is in view");
    const mark = pop.locator("mark");
    check(await mark.count() === 1 && (await mark.innerText()).trim().length > 0, "the cited words are marked: " + (await mark.innerText()));
    const note = await pop.locator("a").getAttribute("href");
    check(note === "#note-" + (await first.getAttribute("data-note")), "the opened sentence links to its note");
    const beside = await first.evaluate((a) => a.parentElement.nextElementSibling === document.querySelector(":target"));
    check(beside, "the sentence opens right after its citation");
    await page.screenshot({ path: shots + "/html-briefing-citation.png" });
    check(pageErrors.length === 0, "no page raised a script error: " + pageErrors.join("; "));
  } finally {
    await browser.close();
  }
})().catch((e) => { console.error(e && e.stack || String(e)); process.exit(1); });
