// The text of every mail Substation sends.
import type { Mail } from "./index";

export function welcomeMail(input: { to: string; name: string; organizationName: string; kind: "miner" | "buyer"; appUrl: string }): Mail {
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
      `Your account for ${input.organizationName} is ready.`,
      ``,
      next,
      ``,
      `Sign in: ${input.appUrl}/sign-in`,
      ``,
      `— The Substation team`,
    ].join("\n"),
  };
}
