import { Badge, Combobox, Group, Kbd, Loader, Text, TextInput, ThemeIcon, useCombobox } from "@mantine/core";
import { useDebouncedValue, useHotkeys } from "@mantine/hooks";
import { IconBuilding, IconSearch, IconTargetArrow, IconUser } from "@tabler/icons-react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import type { SearchHit } from "../../../../contracts/search";
import { api } from "../../lib/api";
import { GradeBadge } from "../reliability/GradeBadge";
import classes from "./GlobalSearch.module.css";

const MIN_LENGTH = 2;
const GROUPS: SearchHit["type"][] = ["company", "contact", "deal"];
const ICONS = { company: IconBuilding, contact: IconUser, deal: IconTargetArrow };

function useSearch(q: string) {
  const term = q.trim();
  return useQuery({
    queryKey: ["search", term],
    queryFn: ({ signal }) => api.get<{ items: SearchHit[] }>("/search", { q: term, limit: 15 }, signal),
    enabled: term.length >= MIN_LENGTH,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
}

/** Where a hit leads: a deal's own card, else its company's card (a contact's company). */
function targetOf(hit: SearchHit): string | null {
  if (hit.type === "deal") return `/deals/${hit.id}`;
  return hit.companyId ? `/clients/${hit.companyId}${hit.type === "contact" ? "?tab=contacts" : ""}` : null;
}

/**
 * The one search box: companies and contacts (deals later) by word forms, typos, INN, phone or
 * e-mail. `/` focuses it from anywhere but a text field; ↑↓ pick, Enter opens, Esc closes.
 */
export function GlobalSearch() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const input = useRef<HTMLInputElement>(null);
  const [value, setValue] = useState("");
  const [debounced] = useDebouncedValue(value, 250);
  const search = useSearch(debounced);
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const hits = value.trim().length >= MIN_LENGTH ? (search.data?.items ?? []) : [];

  // useHotkeys ignores keys typed into inputs, textareas and selects by default. The physical
  // binding serves the Russian layout, where the "/" key types "." but is still the Slash key.
  const focus = () => input.current?.focus();
  useHotkeys([
    ["/", focus],
    ["/", focus, { usePhysicalKeys: true, preventDefault: true }],
  ]);

  // The best hit is preselected, so Enter right after typing opens it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-run when the hits change.
  useEffect(() => {
    if (hits.length) requestAnimationFrame(() => combobox.selectFirstOption());
  }, [search.data]);

  const open = (id: string) => {
    const hit = hits.find((h) => `${h.type}:${h.id}` === id);
    const to = hit && targetOf(hit);
    if (!to) return;
    setValue("");
    combobox.closeDropdown();
    input.current?.blur();
    navigate(to);
  };

  const term = value.trim();
  const status =
    term.length < MIN_LENGTH
      ? t("search.minLength")
      : search.isFetching && !hits.length
        ? t("search.searching")
        : !hits.length
          ? t("search.nothing", { q: term })
          : null;

  return (
    <Combobox
      store={combobox}
      onOptionSubmit={open}
      withinPortal
      position="bottom-start"
      width={520}
      offset={6}
    >
      <Combobox.Target>
        <TextInput
          ref={input}
          aria-label={t("search.label")}
          placeholder={t("search.placeholder")}
          value={value}
          type="search"
          autoComplete="off"
          w={{ base: 220, md: 380 }}
          leftSection={
            search.isFetching && term.length >= MIN_LENGTH ? (
              <Loader size={14} />
            ) : (
              <IconSearch size={16} aria-hidden />
            )
          }
          rightSection={!value ? <Kbd size="xs">/</Kbd> : undefined}
          rightSectionPointerEvents="none"
          title={t("search.shortcut")}
          onChange={(event) => {
            setValue(event.currentTarget.value);
            combobox.openDropdown();
          }}
          onFocus={() => value && combobox.openDropdown()}
          onBlur={() => combobox.closeDropdown()}
          onKeyDown={(event) => {
            if (event.key === "Escape") {
              if (!combobox.dropdownOpened) input.current?.blur();
              combobox.closeDropdown();
            }
          }}
        />
      </Combobox.Target>
      <Combobox.Dropdown hidden={!term}>
        <Combobox.Options mah={460} style={{ overflowY: "auto" }}>
          {status ? (
            <Combobox.Empty>{status}</Combobox.Empty>
          ) : (
            GROUPS.map((type) => {
              const group = hits.filter((h) => h.type === type);
              if (!group.length) return null;
              return (
                <Combobox.Group key={type} label={t(`search.groups.${type}`)}>
                  {group.map((hit) => (
                    <HitOption key={`${hit.type}:${hit.id}`} hit={hit} />
                  ))}
                </Combobox.Group>
              );
            })
          )}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}

function HitOption({ hit }: { hit: SearchHit }) {
  const { t } = useTranslation();
  const Icon = ICONS[hit.type];
  return (
    <Combobox.Option value={`${hit.type}:${hit.id}`} disabled={!hit.companyId} className={classes.option}>
      <Group gap="sm" wrap="nowrap">
        <ThemeIcon
          size={28}
          radius="md"
          variant="light"
          color={hit.type === "company" ? "brand" : "grape"}
          aria-hidden
        >
          <Icon size={16} />
        </ThemeIcon>
        <div style={{ flex: 1, minWidth: 0 }}>
          <Text size="sm" fw={500} truncate>
            {hit.title}
          </Text>
          <Text size="xs" c="dimmed" truncate>
            {hit.subtitle ?? (hit.companyId ? "" : t("search.noCompany"))}
          </Text>
        </div>
        <GradeBadge grade={hit.grade} />
        <Badge size="xs" variant="light" color="gray" tt="none" style={{ flexShrink: 0 }}>
          {t(`search.matched.${hit.matchedBy}`)}
        </Badge>
      </Group>
    </Combobox.Option>
  );
}
