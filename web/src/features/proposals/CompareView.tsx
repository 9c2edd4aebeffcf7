import { Anchor, Badge, Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageHeader } from "../../components/PageHeader";
import { SectionCard } from "../../components/SectionCard";
import { money } from "./format";
import { useCompare } from "./hooks";

const changeColor = { added: "teal", removed: "red", changed: "yellow", same: "gray" } as const;

/** Two revisions side by side: each line before and after, the totals and the changed terms. */
export function CompareView({ id, withId }: { id: string; withId: string }) {
  const { t } = useTranslation();
  const cmp = useCompare(id, withId);
  if (cmp.error) return <ErrorAlert error={cmp.error} />;
  const c = cmp.data;
  if (!c) return null;
  const side = (s: (typeof c.lines)[number]["before"]) =>
    s
      ? `${s.quantity} × ${money(s.price)}${s.discountPercent !== "0.00" ? ` −${s.discountPercent} %` : ""} = ${money(s.gross)}`
      : "—";
  return (
    <>
      <PageHeader title={t("proposals.compare.title", { a: c.base.revision, b: c.other.revision })} />
      <Stack gap="md">
        <Anchor component={Link} to={`/proposals/${c.other.id}`}>
          {t("proposals.compare.back")}
        </Anchor>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("proposals.editor.product")}</Table.Th>
              <Table.Th />
              <Table.Th>{t("proposals.compare.before")}</Table.Th>
              <Table.Th>{t("proposals.compare.after")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {c.lines.map((l, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: lines of one product may repeat
              <Table.Tr key={i}>
                <Table.Td>{l.name}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={changeColor[l.change]}>
                    {t(`proposals.compare.change.${l.change}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>{side(l.before)}</Table.Td>
                <Table.Td>{side(l.after)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <SectionCard title={t("proposals.compare.totals")}>
          <Table>
            <Table.Tbody>
              {(["before", "after", "delta"] as const).map((k) => (
                <Table.Tr key={k}>
                  <Table.Td>{t(`proposals.compare.${k}`)}</Table.Td>
                  <Table.Td ta="right" ff="monospace">
                    {money(c.totals[k].gross)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </SectionCard>
        {c.fields.length > 0 && (
          <SectionCard title={t("proposals.compare.fields")}>
            {c.fields.map((f) => (
              <Text key={f.field} size="sm">
                {f.field}: {String(f.before ?? "—")} → {String(f.after ?? "—")}
              </Text>
            ))}
          </SectionCard>
        )}
      </Stack>
    </>
  );
}
