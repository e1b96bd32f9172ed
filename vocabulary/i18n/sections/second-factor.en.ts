import type { Translation } from "../types";
import type vi from "./second-factor.vi";

const en: Translation<typeof vi> = {
  banner: {
    notEnabled: "Two-step verification is not turned on for this account.",
    optional: "On this system it is optional (demo mode).",
    required: "On this system two-step verification is required.",
    setUp: "Turn on two-step verification",
  },
  code: {
    title: "Enter your verification code",
    lead: "Open the authenticator app on your phone (for example Google Authenticator or Microsoft Authenticator) and enter the 6-digit code it shows for Cổng THADS.",
    label: "Verification code",
    hint: "6 digits from the app, or a recovery code like ABCDE-FGHJK if you do not have your phone with you.",
    submit: "Confirm",
    lostPhone: "Lost your phone and used up your recovery codes? Ask an administrator to reset your two-step verification.",
    startAgain: "Start signing in again",
  },
  setUp: {
    title: "Turn on two-step verification",
    leadRequired: "Staff accounts must use two-step verification. You only need to do this once.",
    leadOptional: "Once it is on, each time you sign in you also enter a code from an app on your phone.",
    step1: "Install an authenticator app on your phone, for example Google Authenticator or Microsoft Authenticator.",
    step2: "In the app, choose to add an account and scan the QR code below.",
    qrAlt: "QR code that adds your Cổng THADS account to an authenticator app",
    manual: "Cannot scan it? Enter this key in the app (type: time-based):",
    secretLabel: "Secret key",
    step3: "Enter the 6-digit code the app shows to confirm.",
    codeLabel: "Verification code",
    codeHint: "6 digits, for example 123456. The code changes every 30 seconds.",
    submit: "Confirm and turn on",
  },
  recovery: {
    title: "Your recovery codes",
    enabled: "Two-step verification is on.",
    lead: "If you lose your phone, you can sign in with one of the ten codes below instead of a code from the app. Each code works once.",
    once: "These codes are shown only this once. Print this page or write the codes down and keep them somewhere safe.",
    listLabel: "Ten recovery codes",
    continue: "Continue",
  },
  errors: {
    codeRequired: "Enter your verification code.",
    codeFormat: "A verification code is 6 digits, or a recovery code like ABCDE-FGHJK.",
    wrongCode: "That code is not right. Enter the code the app shows now (check your phone's clock if this keeps happening).",
    reused: "That code has already been used. Wait for the app to show a new code, then enter it.",
    noFactor: "There is no two-step verification to check. Please start signing in again.",
    rateLimited: "Too many wrong codes. Please try again in {{seconds, wait}}.",
    expired: "Your unfinished sign-in has expired. Please start signing in again.",
  },
  reset: {
    title: "Reset two-step verification",
    lead: "For a staff member who lost their phone or used up their recovery codes. The old secret key and recovery codes are deleted and every session of this person is signed out; at their next sign-in they set it up again.",
    person: "Staff member",
    email: "E-mail",
    status: "Status",
    enabled: "On, {{count}} recovery codes left",
    notEnabled: "Not turned on",
    confirm: "I confirm I have checked the identity of the person who asked for the reset.",
    confirmRequired: "Tick the confirmation box before resetting.",
    submit: "Reset two-step verification",
    done: "Two-step verification of {{name}} has been reset and {{count}} sessions signed out.",
  },
};

export default en;
