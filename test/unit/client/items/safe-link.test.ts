// A stored URL becomes a link only for web pages: a `javascript:` link clicked in the page that
// holds the unlocked keys would run its script there.
import { describe, expect, it } from "vitest";
import { safeLinkHref } from "@/lib/client/items/safe-link";

describe("safeLinkHref", () => {
  it.each([
    ["an https URL", "https://dashboard.stripe.com/login", "https://dashboard.stripe.com/login"],
    ["an http URL", "http://intranet.acme.test:8080/a?b=c", "http://intranet.acme.test:8080/a?b=c"],
    ["a scheme in capitals", "HTTPS://Example.com", "https://example.com/"],
    ["a bare host, read as https", "example.com/login", "https://example.com/login"],
    ["a bare host with a port", "grafana.acme.test:3000", "https://grafana.acme.test:3000/"],
    ["localhost with a port", "localhost:3000", "https://localhost:3000/"],
    ["surrounding spaces", "  https://example.com  ", "https://example.com/"],
  ])("links %s", (_case, value, href) => {
    expect(safeLinkHref(value)).toBe(href);
  });

  it.each([
    ["javascript:", "javascript:alert(document.cookie)"],
    ["javascript: in capitals", "JavaScript:alert(1)"],
    ["javascript: behind spaces", "  javascript:alert(1)"],
    ["data:", "data:text/html,<script>alert(1)</script>"],
    ["file:", "file:///etc/passwd"],
    ["vbscript:", "vbscript:msgbox(1)"],
    ["a custom scheme", "ssh://git@github.com/acme/repo"],
    ["a protocol-relative URL", "//evil.example/"],
    ["a word without a dot", "intranet"],
    ["text with spaces", "see the wiki page"],
    ["nothing", ""],
  ])("keeps %s as text", (_case, value) => {
    expect(safeLinkHref(value)).toBeNull();
  });
});
