// Next calls register() once when a server instance starts (never during `next build`).
// Only the Node.js runtime reaches the database; the import stays inside the branch so the
// edge bundle never pulls in Prisma.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startRotationScheduler } = await import("./lib/server/rotation/scheduler");
  startRotationScheduler();
}
