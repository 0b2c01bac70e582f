"use client";

import Link from "next/link";
import { useEffect, useState, type FormEvent } from "react";
import { accountCreatedResponse, newAccount } from "@/lib/api/account";
import { fieldProblem, maxLengthOf } from "@/lib/api/issue-sentence";
import {
  inviteLookupRequest,
  inviteLookupResponse,
  type InviteLookupResponse,
} from "@/lib/api/invite";
import { api, errorMessage } from "@/lib/client/api";
import { KitStep } from "./kit-step";
import { validateNewPassword } from "../password-fields";
import { MasterPasswordStep } from "./master-password-step";
import { useAccountCreation } from "./use-account-creation";
import { Alert } from "../ui/alert";
import { Card } from "../ui/card";
import { Field } from "../ui/field";

type Lookup =
  | { state: "loading" }
  | { state: "invalid"; message: string }
  | { state: "ready"; token: string; invite: InviteLookupResponse };

const apiFields: Record<string, string> = { "account.name": "name", "account.email": "email" };

const nameLimit = maxLengthOf(newAccount.shape.name);

const roleNames: Record<string, string> = {
  owner: "an owner",
  admin: "an admin",
  member: "a member",
};

/**
 * Accepts an invite whose token sits in the URL fragment (`/join#<token>`): the fragment never
 * reaches the server, a proxy log or a Referer header; the token is posted in a request body.
 */
export function JoinForm() {
  const [lookup, setLookup] = useState<Lookup>({ state: "loading" });
  const [name, setName] = useState("");
  const [password, setPassword] = useState("");
  const [confirm, setConfirm] = useState("");
  const creation = useAccountCreation((field) => apiFields[field]);
  const { phase, fieldErrors } = creation;
  const working = phase === "deriving" || phase === "saving";

  useEffect(() => {
    let cancelled = false;
    const token = window.location.hash.replace(/^#/, "");
    const request = inviteLookupRequest.safeParse({ token });
    const finish = (next: Lookup) => {
      if (!cancelled) setLookup(next);
    };
    if (!request.success) {
      finish({
        state: "invalid",
        message: token
          ? "This invite link is incomplete or damaged. Copy the whole link from your invitation."
          : "This page needs an invite link. Ask an admin of your organisation to invite you.",
      });
      return;
    }
    api("/api/v1/invites/lookup", {
      json: request.data,
      schema: inviteLookupResponse,
      redirectOnUnauthorized: false,
    })
      .then((invite) => finish({ state: "ready", token: request.data.token, invite }))
      .catch((error: unknown) => finish({ state: "invalid", message: errorMessage(error) }));
    return () => {
      cancelled = true;
    };
  }, []);

  // Pasting another invite link into this tab changes only the fragment: start over with it.
  useEffect(() => {
    const onHashChange = () => window.location.reload();
    window.addEventListener("hashchange", onHashChange);
    return () => window.removeEventListener("hashchange", onHashChange);
  }, []);

  if (lookup.state === "loading") {
    return (
      <div className="mx-auto w-full max-w-md">
        <Card>
          <p role="status" className="text-sm text-stone-600">
            Checking your invite…
          </p>
        </Card>
      </div>
    );
  }

  if (lookup.state === "invalid") {
    return (
      <div className="mx-auto w-full max-w-md">
        <Card>
          <h1 className="text-lg font-semibold text-stone-900">This invite cannot be used</h1>
          <Alert className="mt-4">{lookup.message}</Alert>
          <p className="mt-4 text-sm text-stone-600">
            Invite links work once and expire after 7 days. Ask an admin for a new one, or{" "}
            <Link href="/signin" className="font-medium text-stone-900 underline">
              sign in
            </Link>{" "}
            if you already have an account.
          </p>
        </Card>
      </div>
    );
  }

  const { invite, token } = lookup;

  if ((phase === "kit" || phase === "continuing") && creation.kit) {
    return (
      <KitStep
        title="Your account is ready."
        organizationName={invite.organizationName}
        creation={{ ...creation, kit: creation.kit }}
      />
    );
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // Checked against the server's own schema before the key derivation, not after it.
    const nameProblem = name.trim()
      ? fieldProblem(newAccount.shape.name, "name", name)
      : "Enter your name.";
    const problems: Record<string, string> = {
      ...(nameProblem ? { name: nameProblem } : {}),
      ...validateNewPassword(password, confirm),
    };
    if (Object.keys(problems).length > 0) {
      creation.setError(null);
      creation.setFieldErrors(problems);
      return;
    }
    await creation.create({ email: invite.email, name, password }, async (account) => {
      await api("/api/v1/signup", {
        json: { inviteToken: token, account },
        schema: accountCreatedResponse,
        redirectOnUnauthorized: false,
      });
    });
  }

  return (
    <div className="mx-auto w-full max-w-md">
      <div className="mb-6 text-center">
        <h1 className="text-2xl font-semibold text-stone-900">Join {invite.organizationName}</h1>
        <p className="mt-2 text-sm text-stone-600">
          You were invited as {roleNames[invite.role] ?? "a member"}. Choose a master password to
          create your account; your keys are made in this browser.
        </p>
      </div>
      <Card>
        <form className="space-y-5" onSubmit={onSubmit} noValidate>
          <Field
            label="Email"
            type="email"
            value={invite.email}
            readOnly
            aria-readonly="true"
            className="[&_input]:bg-stone-50"
            hint="The address your invite was sent to."
            error={fieldErrors.email}
          />
          <Field
            label="Your name"
            autoComplete="name"
            required
            maxLength={nameLimit}
            value={name}
            onChange={(event) => setName(event.target.value)}
            error={fieldErrors.name}
            disabled={working}
            autoFocus
          />
          <MasterPasswordStep
            password={password}
            confirm={confirm}
            onPasswordChange={setPassword}
            onConfirmChange={setConfirm}
            phase={phase}
            fieldErrors={fieldErrors}
            error={creation.error}
            submitLabel="Create account"
            savingLabel="Creating account…"
          />
        </form>
      </Card>
    </div>
  );
}
