import { DOMParser, onErrorStopParsing, type Element } from "@xmldom/xmldom";
import {
  expiryDay,
  keepassImportResult,
  type KeePassEntry,
  type KeePassGroup,
  type KeePassString,
} from "./keepass-entries";
import { decodeText, peekText } from "./mapping";
import { ImportError, type ImportFile, type ImportParser } from "./types";

const ELEMENT_NODE = 1;

function children(element: Element, name: string): Element[] {
  const found: Element[] = [];
  for (let node = element.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === ELEMENT_NODE && node.nodeName === name) found.push(node as Element);
  }
  return found;
}

function childText(element: Element, name: string): string {
  return children(element, name)[0]?.textContent ?? "";
}

// KeePass writes booleans as "True"/"False"; it marks a value to hide with ProtectInMemory in
// an export (Protected inside a KDBX, where the value is also encrypted).
function isTrue(text: string | null): boolean {
  return (text ?? "").trim().toLowerCase() === "true";
}

function readString(element: Element): KeePassString {
  const valueElement = children(element, "Value")[0];
  return {
    key: childText(element, "Key"),
    value: valueElement?.textContent ?? "",
    protected:
      isTrue(valueElement?.getAttribute("ProtectInMemory") ?? null) ||
      isTrue(valueElement?.getAttribute("Protected") ?? null),
  };
}

function readEntry(element: Element): KeePassEntry {
  const history = children(element, "History")[0];
  const times = children(element, "Times")[0];
  return {
    expires: times
      ? expiryDay(isTrue(childText(times, "Expires")), childText(times, "ExpiryTime").trim())
      : null,
    strings: children(element, "String").map(readString),
    tags: childText(element, "Tags")
      .split(/[;,]/)
      .map((tag) => tag.trim())
      .filter((tag) => tag !== ""),
    attachments: children(element, "Binary").length,
    history: history ? children(history, "Entry").map(readEntry) : [],
  };
}

function readGroup(element: Element, recycleBinUuid: string | null): KeePassGroup {
  return {
    name: childText(element, "Name"),
    isRecycleBin: recycleBinUuid !== null && childText(element, "UUID").trim() === recycleBinUuid,
    entries: children(element, "Entry").map(readEntry),
    groups: children(element, "Group").map((group) => readGroup(group, recycleBinUuid)),
  };
}

const DAMAGED = "This KeePass XML file is damaged or incomplete; export it again from KeePass.";

function parseDocument(text: string): Element {
  let root: Element | null;
  try {
    // xmldom's parser, not the browser's: the same code runs in the CLI.
    const parsed = new DOMParser({ onError: onErrorStopParsing }).parseFromString(text, "text/xml");
    root = parsed.documentElement;
  } catch {
    throw new ImportError("malformed", DAMAGED);
  }
  if (!root || root.nodeName !== "KeePassFile") {
    throw new ImportError("wrong_format", "This XML file is not a KeePass 2 XML export.");
  }
  return root;
}

/** KeePass 2's "KeePass XML (2.x)" export: the database in plain text, groups and all. */
export const keepassXmlParser: ImportParser = {
  format: "keepass-xml",
  label: "KeePass 2 (XML)",
  detect(file: ImportFile): boolean {
    return /^\s*(<\?xml[^>]*\?>\s*)?(<!--[\s\S]*?-->\s*)*<KeePassFile[\s>]/.test(
      peekText(file.bytes),
    );
  },
  needsPassword: () => false,
  async parse(file: ImportFile) {
    const root = parseDocument(decodeText(file.bytes, "This KeePass XML file"));
    const meta = children(root, "Meta")[0];
    const binEnabled = meta ? childText(meta, "RecycleBinEnabled").trim() !== "False" : false;
    const binUuid = meta && binEnabled ? childText(meta, "RecycleBinUUID").trim() || null : null;
    const rootElement = children(root, "Root")[0];
    const rootGroup = rootElement ? children(rootElement, "Group")[0] : undefined;
    if (!rootGroup) throw new ImportError("malformed", DAMAGED);
    return keepassImportResult("keepass-xml", readGroup(rootGroup, binUuid));
  },
};
