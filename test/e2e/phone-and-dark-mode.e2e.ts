// Coffer on a phone and in the dark: at 390 px wide, home, a vault, an item and search fit the
// screen with no sideways scrolling, the navigation sits behind a Menu button a keyboard can
// drive, and a 200-character vault name wraps instead of stretching the page. The same screens
// follow a dark system scheme, and the Appearance setting overrides the system either way,
// rendered by the server so the first paint is already right.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchChromium, watchForErrors } from "../support/browser";
import { setUpOwnerInBrowser } from "../support/browser-flows";
import { openFromNav } from "../support/e2e-steps";
import { startServer, type RunningServer } from "../support/server";

const owner = {
  organisation: "Acme Robotics",
  name: "Olive Owner",
  email: "olive@acme.test",
  password: "a long and memorable passphrase",
};
const phone = { width: 390, height: 844 };
const desktop = { width: 1280, height: 800 };
// No space or hyphen to wrap at, so nothing but an explicit break or cut keeps it on screen.
const longVaultName = "PaymentsInfrastructure".repeat(10).slice(0, 200);
const login = { title: "Deploy bot", username: "deploy@acme.test", password: "first-Secret-42" };

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: () => string[];

/**
 * How far the page reaches past the screen's edge. A phone widens its layout viewport (and so
 * innerWidth) to fit content that is too wide, so the screen's own width is the measure.
 */
function horizontalOverflow(target: Page) {
  return target.evaluate(
    (screenWidth) =>
      Math.max(document.documentElement.scrollWidth, window.innerWidth) - screenWidth,
    target.viewportSize()!.width,
  );
}

/** The body's painted background as sRGB relative luminance: 0 is black, 1 white. */
function backgroundLuminance(target: Page) {
  return target.evaluate(() => {
    // Computed colours may come back as oklch(); a canvas turns any CSS colour into sRGB.
    const canvas = document.createElement("canvas");
    canvas.width = canvas.height = 1;
    const context2d = canvas.getContext("2d")!;
    context2d.fillStyle = getComputedStyle(document.body).backgroundColor;
    context2d.fillRect(0, 0, 1, 1);
    const [r, g, b] = Array.from(context2d.getImageData(0, 0, 1, 1).data).map((channel) => {
      const value = channel / 255;
      return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  });
}

function menuButton(target: Page) {
  return target.getByRole("button", { name: "Menu", exact: true });
}

function mainNav(target: Page) {
  return target.getByRole("navigation", { name: "Main" });
}

/** The four screens, each checked for fit: home, the long-named vault, its item and search. */
async function visitMainScreens(target: Page, check: (screen: string) => Promise<void>) {
  await openFromNav(target, "Home");
  await target.getByRole("heading", { name: /Welcome/ }).waitFor();
  await check("home");

  await openFromNav(target, "Vaults");
  await target.getByRole("list", { name: "Your vaults" }).getByRole("link").first().click();
  await target.getByRole("heading", { name: longVaultName, level: 1 }).waitFor();
  await check("vault");

  await target.getByRole("link", { name: new RegExp(`^${login.title}`) }).click();
  await target.getByRole("heading", { name: login.title, level: 1 }).waitFor();
  await check("item");

  await openFromNav(target, "Vaults");
  await target.getByRole("searchbox", { name: "Search" }).fill("deploy");
  await target
    .getByRole("listbox", { name: "Items" })
    .getByRole("option", { name: new RegExp(login.title) })
    .waitFor();
  await check("search");
}

beforeAll(async () => {
  server = await startServer({ kind: "pglite", port: 3318 });
  browser = await launchChromium();
  context = await browser.newContext({ viewport: phone, isMobile: true, hasTouch: true });
  page = await context.newPage();
  errors = watchForErrors(page);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("on a phone", () => {
  it("the owner sets up the installation at 390 px and home fits the screen", async () => {
    await setUpOwnerInBrowser(page, server.url, owner);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    // The navigation is folded away until asked for.
    expect(await mainNav(page).count()).toBe(0);
    expect(await menuButton(page).getAttribute("aria-expanded")).toBe("false");
  });

  it("the menu opens from the keyboard, Escape closes it and gives the focus back", async () => {
    const menu = menuButton(page);
    await menu.focus();
    await page.keyboard.press("Enter");
    expect(await menu.getAttribute("aria-expanded")).toBe("true");
    const links = await mainNav(page).getByRole("link").allInnerTexts();
    expect(links).toEqual(expect.arrayContaining(["Home", "Vaults", "Settings", "Audit log"]));
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

    // The menu follows its button in the tab order.
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Home");
    await page.keyboard.press("Escape");
    expect(await menu.getAttribute("aria-expanded")).toBe("false");
    expect(await mainNav(page).count()).toBe(0);
    expect(await menu.evaluate((element) => element === document.activeElement)).toBe(true);

    await page.keyboard.press("Enter");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Vaults");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/vaults$/);
    // Following a link closes the menu.
    expect(await menu.getAttribute("aria-expanded")).toBe("false");
  });

  it("a tap outside the open menu closes it", async () => {
    await menuButton(page).click();
    expect(await mainNav(page).count()).toBe(1);
    await page.locator("main").click({ position: { x: 5, y: 5 } });
    expect(await menuButton(page).getAttribute("aria-expanded")).toBe("false");
  });

  it("a vault with a 200-character name wraps on its page, in the list and on the item", async () => {
    await page.getByRole("button", { name: "New vault" }).first().click();
    const dialog = page.getByRole("dialog", { name: "New vault" });
    await dialog.getByLabel("Vault name").fill(longVaultName);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await dialog.getByRole("button", { name: "Create vault" }).click();
    const heading = page.getByRole("heading", { name: longVaultName, level: 1 });
    await heading.waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    // Wrapped, not cut: the whole name is on screen, on several lines.
    const box = (await heading.boundingBox())!;
    expect(box.width).toBeLessThanOrEqual(phone.width);
    expect(box.height).toBeGreaterThan(80);

    await page.getByRole("button", { name: "New item" }).click();
    await page.getByRole("dialog").getByRole("link", { name: "Login", exact: true }).click();
    await page.getByLabel("Title").fill(login.title);
    await page.getByLabel("Username").fill(login.username);
    await page.getByLabel("Password", { exact: true }).fill(login.password);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await page.getByRole("heading", { name: login.title, level: 1 }).waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

    await openFromNav(page, "Vaults");
    const card = page.getByRole("list", { name: "Your vaults" }).getByRole("link").first();
    await card.waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    // However the list fits the name in, the whole of it is there to read.
    expect(await card.innerText()).toContain(longVaultName.slice(0, 40));
    expect(
      (await card.innerText()).includes(longVaultName) ||
        (await card.locator(`[title="${longVaultName}"]`).count()) > 0,
    ).toBe(true);
  });

  it("the same long name keeps the page to the window at 1280 px, with the header on one row", async () => {
    await page.setViewportSize(desktop);
    try {
      await openFromNav(page, "Vaults");
      await page.getByRole("list", { name: "Your vaults" }).getByRole("link").first().click();
      await page.getByRole("heading", { name: longVaultName, level: 1 }).waitFor();
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

      expect(await menuButton(page).isVisible()).toBe(false);
      const tops = await mainNav(page)
        .getByRole("link")
        .evaluateAll((links) => links.map((link) => link.getBoundingClientRect().top));
      expect(tops.length).toBe(9);
      expect(new Set(tops).size).toBe(1);
      const lockTop = await page
        .getByRole("button", { name: "Lock now" })
        .evaluate((button) => button.getBoundingClientRect().top);
      expect(Math.abs(lockTop - tops[0]!)).toBeLessThan(8);
    } finally {
      await page.setViewportSize(phone);
    }
  });

  it("home, a vault, an item and search fit the screen", async () => {
    await visitMainScreens(page, async (screen) => {
      expect({ screen, overflow: await horizontalOverflow(page) }).toEqual({ screen, overflow: 0 });
    });
  });
});

describe("in the dark", () => {
  it("a dark system scheme makes every main screen dark, still without sideways scrolling", async () => {
    await page.emulateMedia({ colorScheme: "dark" });
    await visitMainScreens(page, async (screen) => {
      expect({ screen, dark: (await backgroundLuminance(page)) < 0.05 }).toEqual({
        screen,
        dark: true,
      });
      expect({ screen, overflow: await horizontalOverflow(page) }).toEqual({ screen, overflow: 0 });
    });
  });

  it("Light in Settings wins over a dark system, and the server renders it from the first byte", async () => {
    await openFromNav(page, "Settings");
    await page.getByRole("radio", { name: /^Light/ }).check();
    expect(await backgroundLuminance(page)).toBeGreaterThan(0.8);

    // A fresh load of any page arrives light already: no script has to run for it.
    const html = await (await page.request.get(`${server.url}/signin`)).text();
    expect(html).toMatch(/<html[^>]* data-theme="light"/);
    await openFromNav(page, "Home");
    // The next test opens the menu: the move to Home must be over, or it closes the menu again.
    await page.waitForURL(/\/home$/);
    expect(await backgroundLuminance(page)).toBeGreaterThan(0.8);
  });

  it("Dark wins over a light system, and System follows it again", async () => {
    await page.emulateMedia({ colorScheme: "light" });
    await openFromNav(page, "Settings");
    expect(await page.getByRole("radio", { name: /^Light/ }).isChecked()).toBe(true);
    await page.getByRole("radio", { name: /^Dark/ }).check();
    expect(await backgroundLuminance(page)).toBeLessThan(0.05);
    const html = await (await page.request.get(`${server.url}/signin`)).text();
    expect(html).toMatch(/<html[^>]* data-theme="dark"/);

    await page.getByRole("radio", { name: /^System/ }).check();
    expect(await backgroundLuminance(page)).toBeGreaterThan(0.8);
    await page.emulateMedia({ colorScheme: "dark" });
    expect(await backgroundLuminance(page)).toBeLessThan(0.05);
    const followingSystem = await (await page.request.get(`${server.url}/signin`)).text();
    expect(followingSystem).not.toMatch(/<html[^>]* data-theme=/);
  });

  it("logged no errors", () => {
    expect(errors()).toEqual([]);
  });
});
