// The mail of account recovery and verification. Links carry single-use tokens; the text
// says how long each lasts and what to do if the reader did not ask for it.
import type { Mail } from "./index";

const SIGN_OFF = ["", "— The Substation team"];

export function verifyEmailMail(input: { to: string; name: string; url: string }): Mail {
  return {
    to: input.to,
    template: "verify_email",
    subject: "Confirm your email address",
    text: [
      `Hi ${input.name},`,
      "",
      "Confirm this address to reserve capacity, submit listings, create API tokens and invite colleagues:",
      "",
      input.url,
      "",
      "The link works once and for 24 hours. If you did not create a Substation account, ignore this mail.",
      ...SIGN_OFF,
    ].join("\n"),
  };
}

/** Sent instead of a second account, so sign-up never tells anyone that an address is taken. */
export function accountExistsMail(input: { to: string; appUrl: string }): Mail {
  return {
    to: input.to,
    template: "account_exists",
    subject: "You already have a Substation account",
    text: [
      "Someone, probably you, tried to create a Substation account with this address, which already has one.",
      "",
      `Sign in: ${input.appUrl}/sign-in`,
      `Forgot your password? ${input.appUrl}/forgot-password`,
      "",
      "If it was not you, you can ignore this mail: nothing was changed.",
      ...SIGN_OFF,
    ].join("\n"),
  };
}

export function passwordResetMail(input: { to: string; name: string; url: string }): Mail {
  return {
    to: input.to,
    template: "password_reset",
    subject: "Reset your Substation password",
    text: [
      `Hi ${input.name},`,
      "",
      "Choose a new password here:",
      "",
      input.url,
      "",
      "The link works once and for one hour. Setting a new password signs you out everywhere else.",
      "If you did not ask for this, ignore this mail: your password stays as it is.",
      ...SIGN_OFF,
    ].join("\n"),
  };
}

export function passwordChangedMail(input: { to: string; name: string; appUrl: string }): Mail {
  return {
    to: input.to,
    template: "password_changed",
    subject: "Your Substation password was changed",
    text: [
      `Hi ${input.name},`,
      "",
      "The password of your Substation account was just changed, and your other sessions were signed out.",
      `If this was not you, reset it at once: ${input.appUrl}/forgot-password`,
      ...SIGN_OFF,
    ].join("\n"),
  };
}

export function confirmNewEmailMail(input: { to: string; name: string; url: string }): Mail {
  return {
    to: input.to,
    template: "email_change",
    subject: "Confirm your new email address",
    text: [
      `Hi ${input.name},`,
      "",
      "Confirm that Substation should use this address for your account from now on:",
      "",
      input.url,
      "",
      "The link works once and for 24 hours. Until you confirm, your old address stays in use.",
      ...SIGN_OFF,
    ].join("\n"),
  };
}

export function emailChangeRequestedMail(input: { to: string; name: string; newEmail: string; appUrl: string }): Mail {
  return {
    to: input.to,
    template: "email_change_notice",
    subject: "Your Substation email address is being changed",
    text: [
      `Hi ${input.name},`,
      "",
      `Someone signed in to your account asked to use ${input.newEmail} instead of this address. The change happens once that address is confirmed.`,
      `If this was not you, change your password at once: ${input.appUrl}/forgot-password`,
      ...SIGN_OFF,
    ].join("\n"),
  };
}

/** To an address that already has an account, when someone asked to move another account onto it. */
export function emailTakenMail(input: { to: string; appUrl: string }): Mail {
  return {
    to: input.to,
    template: "email_change_refused",
    subject: "Someone tried to use your address on Substation",
    text: [
      "Someone signed in to another Substation account asked to use this address, which already belongs to your account. Nothing was changed.",
      "",
      `If you expected this, sign in with this address instead: ${input.appUrl}/sign-in`,
      ...SIGN_OFF,
    ].join("\n"),
  };
}
