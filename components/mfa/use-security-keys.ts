"use client";

import { useCallback, useRef, useState, type KeyboardEvent } from "react";
import { keyNickname, recoveryCode, type SecurityKey } from "@/lib/api/mfa";
import { errorMessage } from "@/lib/client/api";
import {
  getMfaStatus,
  listKeys,
  regenerateRecoveryCodes,
  removeKey,
  renameKey,
  webAuthnProblem,
} from "@/lib/client/mfa";
import { useAction } from "@/components/ui/use-action";
import { useResource } from "@/components/ui/use-resource";
import { keyErrorMessage } from "./key-error";
import type { Rename } from "./key-row";
import type { Removal } from "./removal-proof";

/**
 * The person's security keys and recovery-code count, and what they do to them: rename in
 * place, remove with a proof, regenerate the recovery codes.
 */
export function useSecurityKeys() {
  const loaded = useResource(loadKeys);
  const keys = loaded.data?.keys ?? null;
  const status = loaded.data?.status ?? null;
  const { reload: load, replace } = loaded;
  const [notice, setNotice] = useState<string | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  // Renaming and removing keep their pending state and error inside the row's own object
  // (Rename, Removal), which the row and the removal dialog read.
  const [rename, setRename] = useState<Rename | null>(null);
  const [removal, setRemoval] = useState<Removal | null>(null);
  const [regenerateOpen, setRegenerateOpen] = useState(false);
  const renameButtons = useRef(new Map<string, HTMLButtonElement>());

  const regeneration = useAction(
    useCallback(async () => {
      try {
        // A sensitive action: the server asks for a fresh key check, which the step-up dialog
        // handles before this call is retried.
        const result = await regenerateRecoveryCodes();
        setRegenerateOpen(false);
        setNotice(null);
        setCodes(result.recoveryCodes);
      } catch (caught) {
        // The security key's own refusal reads better in its words than the browser's.
        const problem = webAuthnProblem(caught);
        throw problem ? new Error(problem) : caught;
      }
      await load();
    }, [load]),
  );

  function startRename(key: SecurityKey) {
    setNotice(null);
    setRename({ keyId: key.id, value: key.nickname, error: null, saving: false });
  }

  function stopRename(keyId: string) {
    setRename(null);
    // The input is gone after this render: the keyboard focus goes back to the Rename button.
    window.setTimeout(() => renameButtons.current.get(keyId)?.focus(), 0);
  }

  async function saveRename() {
    if (!rename || rename.saving) return;
    const parsed = keyNickname.safeParse(rename.value);
    if (!parsed.success) {
      setRename({
        ...rename,
        error: rename.value.trim() ? "Use at most 60 characters." : "Enter a nickname.",
      });
      return;
    }
    const unchanged = keys?.find((key) => key.id === rename.keyId)?.nickname === parsed.data;
    if (unchanged) return stopRename(rename.keyId);
    setRename({ ...rename, saving: true, error: null });
    try {
      await renameKey(rename.keyId, parsed.data);
      if (loaded.data) {
        replace({
          ...loaded.data,
          keys: loaded.data.keys.map((key) =>
            key.id === rename.keyId ? { ...key, nickname: parsed.data } : key,
          ),
        });
      }
      setNotice(`Renamed to ${parsed.data}.`);
      stopRename(rename.keyId);
    } catch (caught) {
      setRename({ ...rename, saving: false, error: errorMessage(caught) });
    }
  }

  function onRenameKeyDown(event: KeyboardEvent<HTMLInputElement>, keyId: string) {
    if (event.key === "Enter") {
      event.preventDefault();
      void saveRename();
    } else if (event.key === "Escape") {
      event.preventDefault();
      stopRename(keyId);
    }
  }

  function startRemoval(key: SecurityKey) {
    setNotice(null);
    const otherKeys = (keys?.length ?? 0) > 1;
    setRemoval({ key, proof: otherKeys ? "key" : "code", code: "", error: null, removing: false });
  }

  async function confirmRemoval() {
    if (!removal || removal.removing) return;
    let proof: { recoveryCode?: string } = {};
    if (removal.proof === "code") {
      const parsed = recoveryCode.safeParse(removal.code);
      if (!removal.code.trim() || !parsed.success) {
        setRemoval({
          ...removal,
          error: "Enter one of your recovery codes: four groups of four letters and digits.",
        });
        return;
      }
      proof = { recoveryCode: parsed.data };
    }
    setRemoval({ ...removal, removing: true, error: null });
    try {
      await removeKey(removal.key.id, proof);
      setRemoval(null);
      setNotice(`Removed ${removal.key.nickname}.`);
      await load();
    } catch (caught) {
      setRemoval({ ...removal, removing: false, error: keyErrorMessage(caught) });
    }
  }

  function regenerate() {
    if (!regeneration.pending) void regeneration.run();
  }

  return {
    keys,
    status,
    loadError: loaded.error,
    notice,
    setNotice,
    codes,
    setCodes,
    rename,
    setRename,
    removal,
    setRemoval,
    regenerateOpen,
    setRegenerateOpen,
    regenerating: regeneration.pending,
    regenerateError: regeneration.error?.message ?? null,
    /** The view clears the dialog's error as it opens the dialog again. */
    setRegenerateError(message: null) {
      if (message === null) regeneration.clearError();
    },
    renameButtons,
    load,
    startRename,
    stopRename,
    saveRename,
    onRenameKeyDown,
    startRemoval,
    confirmRemoval,
    regenerate,
  };
}

async function loadKeys() {
  const [list, status] = await Promise.all([listKeys(), getMfaStatus()]);
  return { keys: list.keys, status };
}
