// The date every output carries: SOURCE_DATE_EPOCH when set (reproducible builds), else now.

/** `SOURCE_DATE_EPOCH` (seconds) as a date, or the current time. */
export function buildDate(env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch.trim())) return new Date(Number(epoch.trim()) * 1000);
  return new Date();
}
