import type { ComponentChildren, Ref } from "preact";
import { useEffect, useLayoutEffect, useRef, useState } from "preact/hooks";
import "./section.css";

const storageKey = (name: string) => `naast.section.${name}`;

/**
 * A panel section whose heading folds it, so the Tab path through a long view stays short. Its
 * heading is a disclosure button (aria-expanded); the choice is kept per section while the panel
 * is open, from one client to the next. It opens when something focuses the section (a Te doen
 * item, a request from another section), and a section inside a disabled (read-only) fieldset
 * stays open: its button cannot be pressed there.
 */
export function CollapsibleSection({
  name,
  title,
  class: className,
  testId,
  sectionRef,
  headingRef,
  children,
}: {
  /** Unique in the view: the ids of heading and body, and the key of the kept choice. */
  name: string;
  title: string;
  class: string;
  testId?: string;
  sectionRef?: Ref<HTMLElement>;
  /** A heading the panel focuses after a step (tabindex -1). */
  headingRef?: Ref<HTMLHeadingElement>;
  children: ComponentChildren;
}) {
  const [open, setOpen] = useState(() => sessionStorage.getItem(storageKey(name)) !== "closed");
  const [readOnly, setReadOnly] = useState(false);
  const own = useRef<HTMLDivElement>(null);
  useEffect(() => sessionStorage.setItem(storageKey(name), open ? "open" : "closed"), [name, open]);
  useLayoutEffect(() => setReadOnly(Boolean(own.current?.closest("fieldset[disabled]"))));
  const shown = open || readOnly;
  return (
    <section
      class={`card ${className}`}
      aria-labelledby={`${name}-title`}
      data-testid={testId}
      ref={sectionRef}
      tabIndex={sectionRef ? -1 : undefined}
      onFocus={(e) => {
        if (e.target === e.currentTarget) setOpen(true);
      }}
    >
      <h2 id={`${name}-title`} ref={headingRef} tabIndex={headingRef ? -1 : undefined}>
        <button type="button" class="disclosure" aria-expanded={shown} aria-controls={`${name}-body`} onClick={() => setOpen(!shown)}>
          <span class="chevron" aria-hidden="true">
            {shown ? "▾" : "▸"}
          </span>
          {title}
        </button>
      </h2>
      <div id={`${name}-body`} hidden={!shown} ref={own}>
        {children}
      </div>
    </section>
  );
}
