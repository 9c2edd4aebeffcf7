import {
  Badge,
  Button,
  Center,
  Group,
  Loader,
  Modal,
  NativeSelect,
  Stack,
  Table,
  Text,
  TextInput,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import {
  IconDownload,
  IconFolderPlus,
  IconPackage,
  IconPlus,
  IconSearch,
  IconUpload,
} from "@tabler/icons-react";
import { type FormEvent, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Product, ProductGroup } from "../../../../contracts/catalogue";
import { EmptyState } from "../../components/EmptyState";
import { ErrorAlert } from "../../components/ErrorAlert";
import { api, buildUrl, fieldErrorsOf } from "../../lib/api";
import { useCurrentUser } from "../auth/currentUser";
import { useCatalogueWrite, useGroups, useProducts } from "./hooks";
import { ImportModal } from "./ImportModal";
import { ProductFormModal } from "./ProductFormModal";

/** Groups as an indented list, parents before children (the tree is small). */
export function groupOptions(groups: ProductGroup[]): { value: string; label: string }[] {
  const children = new Map<string | null, ProductGroup[]>();
  for (const g of groups) children.set(g.parentId, [...(children.get(g.parentId) ?? []), g]);
  const out: { value: string; label: string }[] = [];
  const walk = (parent: string | null, depth: number) => {
    for (const g of children.get(parent) ?? []) {
      out.push({ value: g.id, label: `${"  ".repeat(depth)}${g.name}` });
      if (depth < 10) walk(g.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

export function CatalogueTab() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const admin = me.role === "admin";
  const [search, setSearch] = useState("");
  const [groupId, setGroupId] = useState<string | null>(null);
  const [q] = useDebouncedValue(search, 300);
  const products = useProducts({ q, groupId });
  const groups = useGroups();
  const [editing, setEditing] = useState<{ opened: boolean; product: Product | null }>({
    opened: false,
    product: null,
  });
  const [importing, setImporting] = useState(false);
  const [grouping, setGrouping] = useState(false);
  const items = useMemo(() => products.data?.pages.flatMap((p) => p.items) ?? [], [products.data]);
  const groupName = useMemo(() => new Map((groups.data ?? []).map((g) => [g.id, g.name])), [groups.data]);
  const filtered = q.trim() !== "" || groupId !== null;
  const query = { q: q.trim(), groupId };

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <Group gap="sm" align="flex-end">
          <TextInput
            label={t("catalogue.products.search")}
            leftSection={<IconSearch size={16} aria-hidden />}
            type="search"
            w={280}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
          />
          <NativeSelect
            label={t("catalogue.products.group")}
            w={220}
            value={groupId ?? ""}
            onChange={(e) => setGroupId(e.currentTarget.value || null)}
            data={[
              { value: "", label: t("catalogue.products.allGroups") },
              ...groupOptions(groups.data ?? []),
            ]}
          />
        </Group>
        <Group gap="xs">
          <Button
            component="a"
            variant="default"
            href={buildUrl("/exports/products.csv", query)}
            leftSection={<IconDownload size={16} aria-hidden />}
          >
            {t("catalogue.products.exportCsv")}
          </Button>
          <Button
            component="a"
            variant="default"
            href={buildUrl("/exports/products.xlsx", query)}
            leftSection={<IconDownload size={16} aria-hidden />}
          >
            {t("catalogue.products.exportXlsx")}
          </Button>
          {admin && (
            <>
              <Button
                variant="default"
                leftSection={<IconUpload size={16} aria-hidden />}
                onClick={() => setImporting(true)}
              >
                {t("catalogue.products.import")}
              </Button>
              <Button
                variant="default"
                leftSection={<IconFolderPlus size={16} aria-hidden />}
                onClick={() => setGrouping(true)}
              >
                {t("catalogue.products.addGroup")}
              </Button>
              <Button
                leftSection={<IconPlus size={16} aria-hidden />}
                onClick={() => setEditing({ opened: true, product: null })}
              >
                {t("catalogue.products.add")}
              </Button>
            </>
          )}
        </Group>
      </Group>

      {products.isError && <ErrorAlert error={products.error} onRetry={() => void products.refetch()} />}
      {products.isPending ? (
        <Center py="xl">
          <Loader size="sm" aria-label={t("common.loading")} />
        </Center>
      ) : items.length === 0 ? (
        filtered ? (
          <Text c="dimmed">{t("catalogue.products.noMatches")}</Text>
        ) : (
          <EmptyState
            icon={<IconPackage size={28} />}
            title={t("catalogue.products.emptyTitle")}
            text={t("catalogue.products.emptyText")}
          />
        )
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table striped highlightOnHover fz="sm" aria-label={t("catalogue.products.tableLabel")}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("catalogue.products.columns.sku")}</Table.Th>
                <Table.Th>{t("catalogue.products.columns.name")}</Table.Th>
                <Table.Th>{t("catalogue.products.columns.unit")}</Table.Th>
                <Table.Th>{t("catalogue.products.columns.vat")}</Table.Th>
                <Table.Th ta="right">{t("catalogue.products.columns.price")}</Table.Th>
                <Table.Th>{t("catalogue.products.columns.group")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((p) => (
                <Table.Tr key={p.id} c={p.active ? undefined : "dimmed"}>
                  <Table.Td>{p.sku}</Table.Td>
                  <Table.Td>
                    {admin ? (
                      <Button
                        variant="subtle"
                        size="compact-sm"
                        px={0}
                        onClick={() => setEditing({ opened: true, product: p })}
                      >
                        {p.name}
                      </Button>
                    ) : (
                      p.name
                    )}
                    {!p.active && (
                      <Badge ml="xs" size="xs" variant="default">
                        {t("catalogue.products.inactive")}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{p.unitName}</Table.Td>
                  <Table.Td>{t(`catalogue.vat.${p.vatRate}`)}</Table.Td>
                  <Table.Td ta="right">{p.basePrice}</Table.Td>
                  <Table.Td>
                    {p.groupId ? (groupName.get(p.groupId) ?? t("common.notSet")) : t("common.notSet")}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {products.hasNextPage && (
        <Center>
          <Button
            variant="default"
            loading={products.isFetchingNextPage}
            onClick={() => void products.fetchNextPage()}
          >
            {t("common.loadMore")}
          </Button>
        </Center>
      )}
      {admin && (
        <>
          <ProductFormModal
            opened={editing.opened}
            product={editing.product}
            onClose={() => setEditing((c) => ({ ...c, opened: false }))}
          />
          <ImportModal opened={importing} onClose={() => setImporting(false)} />
          <GroupModal opened={grouping} groups={groups.data ?? []} onClose={() => setGrouping(false)} />
        </>
      )}
    </Stack>
  );
}

function GroupModal({
  opened,
  groups,
  onClose,
}: {
  opened: boolean;
  groups: ProductGroup[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState("");
  const [parentId, setParentId] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const create = useCatalogueWrite((body: { name: string; parentId: string | null }) =>
    api.post<ProductGroup>("/product-groups", body),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { name: name.trim(), parentId: parentId || null },
      {
        onSuccess: () => {
          setName("");
          onClose();
        },
        onError: (error) => setErrors(fieldErrorsOf(error)),
      },
    );
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t("catalogue.products.addGroup")}>
      <form noValidate onSubmit={submit}>
        <Stack gap="sm">
          <TextInput
            label={t("catalogue.products.groupName")}
            data-autofocus
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.name}
          />
          <NativeSelect
            label={t("catalogue.products.parentGroup")}
            value={parentId}
            onChange={(e) => setParentId(e.currentTarget.value)}
            data={[{ value: "", label: t("catalogue.products.noParent") }, ...groupOptions(groups)]}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={create.isPending}>
              {t("common.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
