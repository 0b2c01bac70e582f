"use client";

import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from "react";
import { keyNickname, recoveryCode, type MfaStatusResponse, type SecurityKey } from "@/lib/api/mfa";
import { errorMessage } from "@/lib/client/api";
import {
  getMfaStatus,
  listKeys,
  regenerateRecoveryCodes,
  removeKey,
  renameKey,
} from "@/lib/client/mfa";
import { keyErrorMessage } from "./key-error";
import type { Rename } from "./key-row";
import type { Removal } from "./removal-proof";

/**
 * The person's security keys and recovery-code count, and what they do to them: rename in
 * place, remove with a proof, regenerate the recovery codes.
 */
export function useSecurityKeys() {
  const [keys, setKeys] = useState<SecurityKey[] | null>(null);
  const [status, setStatus] = useState<MfaStatusResponse | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [rename, setRename] = useState<Rename | null>(null);
  const [removal, setRemoval] = useState<Removal | null>(null);
  const [regenerateOpen, setRegenerateOpen] = useState(false);
  const [regenerating, setRegenerating] = useState(false);
  const [regenerateError, setRegenerateError] = useState<string | null>(null);
  const renameButtons = useRef(new Map<string, HTMLButtonElement>());

  const load = useCallback(async () => {
    try {
      const [list, mfa] = await Promise.all([listKeys(), getMfaStatus()]);
      setKeys(list.keys);
      setStatus(mfa);
      setLoadError(null);
    } catch (caught) {
      setLoadError(errorMessage(caught));
    }
  }, []);

  useEffect(() => {
    // Loading data on mount is this effect's job; the state it sets comes from the network.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void load();
  }, [load]);

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
      setKeys(
        (current) =>
          current?.map((key) =>
            key.id === rename.keyId ? { ...key, nickname: parsed.data } : key,
          ) ?? null,
      );
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

  async function regenerate() {
    if (regenerating) return;
    setRegenerating(true);
    setRegenerateError(null);
    try {
      // A sensitive action: the server asks for a fresh key check, which the step-up dialog
      // handles before this call is retried.
      const result = await regenerateRecoveryCodes();
      setRegenerateOpen(false);
      setNotice(null);
      setCodes(result.recoveryCodes);
      await load();
    } catch (caught) {
      setRegenerateError(keyErrorMessage(caught));
    } finally {
      setRegenerating(false);
    }
  }

  return {
    keys,
    status,
    loadError,
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
    regenerating,
    regenerateError,
    setRegenerateError,
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
