import { describe, expect, it } from "vitest";
import { portProblem } from "@/lib/client/items/port";

describe("portProblem", () => {
  it.each([["1"], ["5432"], ["65535"], [" 6379 "], [""]])("accepts %j", (value) => {
    expect(portProblem(value)).toBeNull();
  });

  it.each([["not-a-port"], ["0"], ["65536"], ["-1"], ["54.32"], ["5432a"], ["1e3"], ["99999999"]])(
    "refuses %j with a sentence",
    (value) => {
      expect(portProblem(value)).toBe("A port is a whole number from 1 to 65535.");
    },
  );
});
