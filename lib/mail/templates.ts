// The text of every mail Substation sends.
import type { Mail } from "./index";

export function welcomeMail(input: { to: string; name: string; organizationName: string; kind: "miner" | "buyer"; appUrl: string; verifyUrl: string }): Mail {
  const next =
    input.kind === "miner"
      ? `Add your first site — its energized megawatts, power mix and cooling — then list the capacity you can offer. Our team reviews each listing before AI teams see it.`
      : `Search listed capacity by power, cooling, density, price and dates, and reserve what fits with a refundable deposit.`;
  return {
    to: input.to,
    template: "welcome",
    subject: "Welcome to Substation",
    text: [
      `Hi ${input.name},`,
      ``,
      `Your account for ${input.organizationName} is ready. First, confirm this email address (the link works once and for 24 hours):`,
      ``,
      input.verifyUrl,
      ``,
      next,
      ``,
      `Sign in: ${input.appUrl}/sign-in`,
      ``,
      `— The Substation team`,
    ].join("\n"),
  };
}

const STATUS_SENTENCES: Record<string, string> = {
  pending_deposit: "A reservation was made and is held for 30 minutes while the deposit is paid.",
  awaiting_provider: "The deposit is authorized. The miner now has 5 days to accept or decline.",
  confirmed: "The miner accepted. The deposit has been captured and the capacity is reserved.",
  active: "The booking has started.",
  completed: "The booking has ended.",
  expired: "The hold expired before the deposit was paid; the capacity is free again.",
  declined: "The request was declined and the deposit authorization released.",
  cancelled: "The reservation was cancelled and any deposit authorization released.",
  refunded: "The deposit was refunded.",
};

export function bookingMail(input: { to: string; listingTitle: string; kw: number; start: string; end: string; status: string; reason: string | null; url: string }): Mail {
  return {
    to: input.to,
    template: `booking.${input.status}`,
    subject: `${input.listingTitle}: booking ${input.status.replace("_", " ")}`,
    text: [
      `${input.kw.toLocaleString("en-US")} kW of “${input.listingTitle}”, ${input.start} to ${input.end}.`,
      ``,
      STATUS_SENTENCES[input.status] ?? `The booking is now ${input.status}.`,
      ...(input.reason ? [``, `Reason: ${input.reason}`] : []),
      ``,
      `See the booking: ${input.url}`,
      ``,
      `— Substation`,
    ].join("\n"),
  };
}
