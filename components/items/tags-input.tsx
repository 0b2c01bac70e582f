"use client";

import { useId, useRef, useState } from "react";

export function TagsInput({
  tags,
  onChange,
}: {
  tags: string[];
  onChange: (tags: string[]) => void;
}) {
  const id = useId();
  const [text, setText] = useState("");
  const inputRef = useRef<HTMLInputElement>(null);
  function add() {
    const tag = text.trim().replace(/,$/, "");
    if (tag && !tags.includes(tag)) onChange([...tags, tag]);
    setText("");
  }
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-stone-800">
        Tags
      </label>
      <div
        className="mt-1.5 flex flex-wrap items-center gap-1.5 rounded-lg border border-stone-300 bg-white px-2 py-1.5"
        onClick={() => inputRef.current?.focus()}
      >
        {tags.map((tag) => (
          <span
            key={tag}
            className="inline-flex max-w-full items-center gap-1 rounded-full bg-stone-100 px-2 py-0.5 text-xs break-all text-stone-800"
          >
            {tag}
            <button
              type="button"
              onClick={() => onChange(tags.filter((other) => other !== tag))}
              className="text-stone-500 hover:text-stone-900"
            >
              <span aria-hidden="true">×</span>
              <span className="sr-only">Remove tag {tag}</span>
            </button>
          </span>
        ))}
        <input
          ref={inputRef}
          id={id}
          value={text}
          placeholder={tags.length ? "" : "Add a tag and press Enter"}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === "Enter" || event.key === ",") {
              event.preventDefault();
              add();
            } else if (event.key === "Backspace" && !text && tags.length) {
              onChange(tags.slice(0, -1));
            }
          }}
          onBlur={add}
          className="min-w-24 flex-1 border-0 px-1 py-0.5 text-sm focus:outline-none"
        />
      </div>
    </div>
  );
}
