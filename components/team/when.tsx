const dateTime = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const day = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });

/** A moment in UTC, with the machine-readable value beside it. */
export function When({ at, withTime = false }: { at: Date; withTime?: boolean }) {
  return <time dateTime={at.toISOString()}>{withTime ? `${dateTime.format(at)} UTC` : day.format(at)}</time>;
}
