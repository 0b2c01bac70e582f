// `npm run audit:verify`: walks the audit log's hash chain in the configured database and
// reports the first edited or missing row. Exits 1 when the chain is broken.
async function main() {
  // Imported here so that a bad environment is reported by main()'s handler.
  const { verifyAuditChain } = await import("../lib/server/data/audit");
  const result = await verifyAuditChain();
  if (result.ok) {
    console.log(`Audit chain intact: ${result.checked} event(s) verified.`);
    process.exit(0);
  }
  const problem = result.problem;
  const description =
    problem?.kind === "edited"
      ? `event ${problem.seq} was edited (its hash does not follow from the chain)`
      : problem?.kind === "missing"
        ? `event ${problem.expectedSeq} is missing (deleted after event ${problem.afterSeq})`
        : `events after ${problem?.lastSeq} are missing (the chain head is at ${problem?.headSeq})`;
  console.error(`Audit chain BROKEN after ${result.checked} good event(s): ${description}.`);
  process.exit(1);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(2);
});
