// The command tree is built from the named command alone (decision 0036): `coffer read` must not
// load the person commands, yet the help still lists every command and a typo still gets its
// "did you mean".
import { describe, expect, it } from "vitest";
import { createProgram, namedCommand, withIdHint } from "@/cli/program";
import { commandModules } from "@/cli/commands";

const names = (program: Awaited<ReturnType<typeof createProgram>>) =>
  program.commands.map((command) => command.name());

describe("namedCommand", () => {
  it.each([
    [["read", "coffer://a/b/c"], "read"],
    [["--url", "https://coffer.example", "run", "--", "node"], "run"],
    [["--token-file", "read", "env"], "env"],
    [["--url=https://coffer.example", "token", "exchange"], "token"],
    [["--help"], null],
    [["-V"], null],
    [[], null],
    [["--", "read"], null],
  ])("%j names %s", (args, expected) => {
    expect(namedCommand(args)).toBe(expected);
  });
});

describe("createProgram", () => {
  it("registers only the named command", async () => {
    expect(names(await createProgram(["read", "coffer://a/b/c"]))).toEqual(["read"]);
    expect(names(await createProgram(["--url", "https://x.test", "run", "--", "node"]))).toEqual([
      "run",
    ]);
  });

  it("gathers a group that several files add to", async () => {
    const token = (await createProgram(["token", "list"])).commands;
    expect(token.map((command) => command.name())).toEqual(["token"]);
    expect(token[0]!.commands.map((command) => command.name())).toEqual(
      expect.arrayContaining(["exchange", "mint", "list", "create", "revoke"]),
    );
  });

  it("registers every command for the help and for a mistyped name", async () => {
    const every = [...new Set(commandModules.map((entry) => entry.name))];
    expect(names(await createProgram([]))).toEqual(every);
    expect(names(await createProgram(["reed"]))).toEqual(every);
  });

  it("registers none for --version alone", async () => {
    expect(names(await createProgram(["--version"]))).toEqual([]);
  });
});

describe("withIdHint", () => {
  it("points to -- when the rejected option looks like an id", () => {
    expect(withIdHint("unknown option '-reuRcaJ8h5mh2oNjRlQAQ'\n")).toBe(
      `unknown option '-reuRcaJ8h5mh2oNjRlQAQ' (an id that begins with "-" goes after "--", behind every option)\n`,
    );
  });

  it("leaves a mistyped option's message as commander wrote it", () => {
    const message = "unknown option '--yse'\n(Did you mean --yes?)\n";
    expect(withIdHint(message)).toBe(message);
    expect(withIdHint("unknown option '-x'\n")).toBe("unknown option '-x'\n");
    const long = "unknown option '--max-token-tll'\n(Did you mean --max-token-ttl?)\n";
    expect(withIdHint(long)).toBe(long);
  });
});
