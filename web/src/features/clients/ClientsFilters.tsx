import { CloseButton, NativeSelect, Paper, SimpleGrid, TextInput } from "@mantine/core";
import { useDebouncedCallback } from "@mantine/hooks";
import { IconSearch } from "@tabler/icons-react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { CompanyStatus } from "../../../../contracts/companies";
import { shortName } from "../../lib/format";
import { useCurrentUser } from "../auth/currentUser";
import type { ListState, TextFilter } from "./listState";
import { usePeople } from "./people";

type Props = { state: ListState; onChange: (next: ListState) => void };

/**
 * A text filter that applies itself a moment after typing stops (and at once on Enter or on
 * leaving the field), so the list is not re-queried on every keystroke.
 */
function DebouncedInput({
  label,
  value,
  onCommit,
  placeholder,
  search,
}: {
  label: string;
  value: string;
  onCommit: (value: string) => void;
  placeholder?: string;
  search?: boolean;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  const commit = useDebouncedCallback((next: string) => {
    if (next.trim() !== value.trim()) onCommit(next);
  }, 450);
  return (
    <TextInput
      label={label}
      value={draft}
      placeholder={placeholder}
      size="xs"
      type={search ? "search" : "text"}
      leftSection={search ? <IconSearch size={14} aria-hidden /> : undefined}
      onChange={(event) => {
        setDraft(event.currentTarget.value);
        commit(event.currentTarget.value);
      }}
      onBlur={() => draft.trim() !== value.trim() && onCommit(draft)}
      onKeyDown={(event) => event.key === "Enter" && onCommit(draft)}
      rightSection={
        draft && !search ? (
          <CloseButton
            size="xs"
            aria-label={`${t("clients.filters.clear")}: ${label}`}
            onClick={() => {
              setDraft("");
              onCommit("");
            }}
          />
        ) : undefined
      }
    />
  );
}

export function ClientsFilters({ state, onChange }: Props) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const { people } = usePeople();
  const set = <K extends keyof ListState>(key: K, value: ListState[K]) =>
    onChange({ ...state, [key]: value });
  const text = (key: TextFilter) => (
    <DebouncedInput
      label={t(`clients.filters.${key}`)}
      value={state[key]}
      onCommit={(value) => set(key, value)}
      placeholder={t("clients.filters.listHint")}
    />
  );
  const owners = people.filter((person) => person.active || person.id === state.ownerId);

  return (
    <Paper withBorder radius="md" p="sm" component="section" aria-label={t("clients.filters.label")}>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" verticalSpacing={8}>
        <DebouncedInput
          label={t("clients.filters.q")}
          value={state.q}
          onCommit={(value) => set("q", value)}
          placeholder={t("clients.filters.qPlaceholder")}
          search
        />
        <NativeSelect
          label={t("clients.filters.status")}
          size="xs"
          value={state.status}
          onChange={(event) => set("status", event.currentTarget.value)}
          data={[
            { value: "", label: t("clients.filters.anyStatus") },
            ...CompanyStatus.options.map((value) => ({ value, label: t(`company.status.${value}`) })),
          ]}
        />
        {me.role !== "manager" && (
          <NativeSelect
            label={t("clients.filters.owner")}
            size="xs"
            value={state.ownerId}
            onChange={(event) => set("ownerId", event.currentTarget.value)}
            data={[
              { value: "", label: t("clients.filters.anyOwner") },
              { value: me.id, label: t("clients.filters.me") },
              ...owners
                .filter((person) => person.id !== me.id)
                .map((person) => ({ value: person.id, label: shortName(person.fullName) })),
            ]}
          />
        )}
        <TextInput
          label={t("clients.filters.noContactSince")}
          type="date"
          size="xs"
          value={state.noContactSince}
          onChange={(event) => set("noContactSince", event.currentTarget.value)}
        />
        {text("segment")}
        {text("industry")}
        {text("region")}
        {text("tag")}
      </SimpleGrid>
    </Paper>
  );
}
