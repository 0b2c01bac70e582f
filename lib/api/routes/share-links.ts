import {
  createShareLinkRequest,
  inspectShareLinkResponse,
  revealShareLinkRequest,
  revealShareLinkResponse,
  shareLinkListResponse,
  shareLinkPolicy,
  shareLinkPolicyResponse,
  shareLinkResponse,
} from "../share-link";
import { defineRoute } from "../route-spec";

/**
 * One-time share links: a person's own links, the admins' view and policy, and the two public
 * routes the signed-out reveal page calls (docs/security.md, "Share links").
 */
export const shareLinkRoutes = {
  createShareLink: defineRoute({
    method: "POST",
    path: "/api/v1/share-links",
    access: "session",
    body: createShareLinkRequest,
    status: 201,
    response: shareLinkResponse,
  }),
  listShareLinks: defineRoute({
    method: "GET",
    path: "/api/v1/share-links",
    access: "session",
    response: shareLinkListResponse,
  }),
  shareLinkRules: defineRoute({
    method: "GET",
    path: "/api/v1/share-links/policy",
    access: "session",
    response: shareLinkPolicyResponse,
  }),
  revokeShareLink: defineRoute({
    method: "DELETE",
    path: "/api/v1/share-links/:id",
    access: "session (creator, or admin)",
    response: shareLinkResponse,
  }),
  itemShareLinks: defineRoute({
    method: "GET",
    path: "/api/v1/vaults/:id/items/:itemId/share-links",
    access: "view",
    response: shareLinkListResponse,
  }),
  adminShareLinks: defineRoute({
    method: "GET",
    path: "/api/v1/admin/share-links",
    access: "admin",
    response: shareLinkListResponse,
  }),
  shareLinkPolicy: defineRoute({
    method: "GET",
    path: "/api/v1/admin/share-link-policy",
    access: "admin",
    response: shareLinkPolicyResponse,
  }),
  setShareLinkPolicy: defineRoute({
    method: "PUT",
    path: "/api/v1/admin/share-link-policy",
    access: "admin",
    body: shareLinkPolicy,
    response: shareLinkPolicyResponse,
  }),
  inspectShareLink: defineRoute({
    method: "GET",
    path: "/api/v1/shared/:id",
    access: "none",
    response: inspectShareLinkResponse,
  }),
  revealShareLink: defineRoute({
    method: "POST",
    path: "/api/v1/shared/:id/reveal",
    access: "none",
    body: revealShareLinkRequest,
    response: revealShareLinkResponse,
  }),
};
