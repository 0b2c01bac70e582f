import {
  accountCreatedResponse,
  changePasswordRequest,
  kdfUpgradeRequest,
  accountResponse,
  keyMaterialResponse,
  setupRequest,
  setupStatusResponse,
  signupRequest,
} from "../account";
import {
  challengeResponse,
  credentialsCallbackForm,
  csrfResponse,
  nextAuthUrlResponse,
  preloginRequest,
  preloginResponse,
  signOutForm,
} from "../auth";
import { legacyCspReport, reportingApiBatch } from "../csp-report";
import { healthResponse } from "../health";
import { inviteListResponse, inviteLookupRequest, inviteLookupResponse } from "../invite";
import { onboardingInviteRequest, onboardingInviteResponse } from "../checklist";
import { revokedCountResponse, sessionListResponse } from "../session";
import {
  approveDeviceLoginRequest,
  createDeviceLoginRequest,
  createDeviceLoginResponse,
  deviceLoginLookupQuery,
  deviceLoginLookupResponse,
  pollDeviceLoginRequest,
  pollDeviceLoginResponse,
} from "../device-login";
import { defineRoute } from "../route-spec";
import { z } from "zod";

/** Health, setup, sign-in (ours and next-auth's), invites, sign-up, account and sessions. */
export const authRoutes = {
  health: defineRoute({
    method: "GET",
    path: "/api/v1/health",
    access: "none",
    response: healthResponse,
  }),
  setupStatus: defineRoute({
    method: "GET",
    path: "/api/v1/setup",
    access: "none",
    response: setupStatusResponse,
  }),
  setup: defineRoute({
    method: "POST",
    path: "/api/v1/setup",
    access: "none",
    body: setupRequest,
    status: 201,
    response: accountCreatedResponse,
  }),
  cspReport: defineRoute({
    method: "POST",
    path: "/api/v1/csp-reports",
    access: "none",
    // application/csp-report or application/reports+json, not application/json.
    body: z.union([legacyCspReport, reportingApiBatch]),
    response: "empty",
  }),
  prelogin: defineRoute({
    method: "POST",
    path: "/api/v1/auth/prelogin",
    access: "none",
    body: preloginRequest,
    response: preloginResponse,
  }),
  challenge: defineRoute({
    method: "POST",
    path: "/api/v1/auth/challenge",
    access: "none",
    response: challengeResponse,
  }),
  credentialsCallback: defineRoute({
    method: "POST",
    path: "/api/auth/callback/credentials",
    access: "none",
    form: true,
    body: credentialsCallbackForm,
    response: nextAuthUrlResponse,
  }),
  csrf: defineRoute({
    method: "GET",
    path: "/api/auth/csrf",
    access: "none",
    response: csrfResponse,
  }),
  signOut: defineRoute({
    method: "POST",
    path: "/api/auth/signout",
    access: "session",
    form: true,
    body: signOutForm,
    response: nextAuthUrlResponse,
  }),
  listInvites: defineRoute({
    method: "GET",
    path: "/api/v1/invites",
    access: "admin",
    response: inviteListResponse,
  }),
  createInvite: defineRoute({
    method: "POST",
    path: "/api/v1/invites",
    access: "admin",
    body: onboardingInviteRequest,
    status: 201,
    response: onboardingInviteResponse,
  }),
  revokeInvite: defineRoute({
    method: "DELETE",
    path: "/api/v1/invites/:id",
    access: "admin",
    response: "empty",
  }),
  lookupInvite: defineRoute({
    method: "POST",
    path: "/api/v1/invites/lookup",
    access: "none",
    body: inviteLookupRequest,
    response: inviteLookupResponse,
  }),
  signup: defineRoute({
    method: "POST",
    path: "/api/v1/signup",
    access: "none",
    body: signupRequest,
    status: 201,
    response: accountCreatedResponse,
  }),
  account: defineRoute({
    method: "GET",
    path: "/api/v1/account",
    access: "session",
    response: accountResponse,
  }),
  accountKeys: defineRoute({
    method: "GET",
    path: "/api/v1/account/keys",
    access: "session",
    response: keyMaterialResponse,
  }),
  changePassword: defineRoute({
    method: "POST",
    path: "/api/v1/account/password",
    access: "session",
    stepUp: true,
    body: changePasswordRequest,
    response: revokedCountResponse,
  }),
  upgradeKdf: defineRoute({
    method: "POST",
    path: "/api/v1/account/kdf-upgrade",
    access: "session (signed in ≤ 10 min ago)",
    body: kdfUpgradeRequest,
    response: "empty",
  }),
  listSessions: defineRoute({
    method: "GET",
    path: "/api/v1/sessions",
    access: "session",
    response: sessionListResponse,
  }),
  revokeSession: defineRoute({
    method: "DELETE",
    path: "/api/v1/sessions/:id",
    access: "session",
    response: "empty",
  }),
  revokeOtherSessions: defineRoute({
    method: "POST",
    path: "/api/v1/sessions/revoke-others",
    access: "session",
    response: revokedCountResponse,
  }),
  startDeviceLogin: defineRoute({
    method: "POST",
    path: "/api/v1/device-logins",
    access: "none",
    body: createDeviceLoginRequest,
    status: 201,
    response: createDeviceLoginResponse,
  }),
  findDeviceLoginByCode: defineRoute({
    method: "GET",
    path: "/api/v1/device-logins",
    access: "session",
    query: deviceLoginLookupQuery,
    response: deviceLoginLookupResponse,
  }),
  getDeviceLogin: defineRoute({
    method: "GET",
    path: "/api/v1/device-logins/:id",
    access: "session",
    response: deviceLoginLookupResponse,
  }),
  approveDeviceLogin: defineRoute({
    method: "POST",
    path: "/api/v1/device-logins/:id/approve",
    access: "session",
    stepUp: true,
    body: approveDeviceLoginRequest,
    response: "empty",
  }),
  denyDeviceLogin: defineRoute({
    method: "POST",
    path: "/api/v1/device-logins/:id/deny",
    access: "session",
    response: "empty",
  }),
  pollDeviceLogin: defineRoute({
    method: "POST",
    path: "/api/v1/device-logins/:id/poll",
    access: "none",
    body: pollDeviceLoginRequest,
    response: pollDeviceLoginResponse,
  }),
};
