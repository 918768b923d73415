import type { RecordOf } from "@naast/shared";
import { useEffect, useRef } from "preact/hooks";
import { useT } from "../i18n/index.ts";

type Contact = RecordOf<"handovers">["network"][number];

/** The client's network as the sender knows it: a row per contact, added and removed by hand. */
export function NetworkFields({ network, onChange }: { network: Contact[]; onChange(next: Contact[]): void }) {
  const t = useT();
  // A contact just added: its name field takes the focus (not on first render).
  const count = useRef(network.length);
  const last = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (network.length > count.current) last.current?.focus();
    count.current = network.length;
  }, [network.length]);
  const set = (index: number, patch: Partial<Contact>) => onChange(network.map((c, i) => (i === index ? { ...c, ...patch } : c)));
  return (
    <fieldset>
      <legend>{t("handover.network")}</legend>
      {network.map((contact, index) => (
        <div key={index} class="network-contact" data-testid="network-contact">
          <label>
            {t("handover.contactName")}
            <input
              ref={index === network.length - 1 ? last : undefined}
              name="contact-name"
              maxLength={500}
              value={contact.name}
              onInput={(e) => set(index, { name: e.currentTarget.value })}
            />
          </label>
          <label>
            {t("handover.contactRole")}
            <input name="contact-role" maxLength={200} value={contact.role} onInput={(e) => set(index, { role: e.currentTarget.value })} />
          </label>
          <label>
            {t("handover.contactReach")}
            <input name="contact-reach" maxLength={200} value={contact.reachableAt} onInput={(e) => set(index, { reachableAt: e.currentTarget.value })} />
          </label>
          <button type="button" class="secondary" onClick={() => onChange(network.filter((_, i) => i !== index))}>
            {t("handover.contactRemove")}
          </button>
        </div>
      ))}
      <button type="button" class="secondary" onClick={() => onChange([...network, { name: "", role: "", reachableAt: "" }])}>
        {t("handover.contactAdd")}
      </button>
    </fieldset>
  );
}
