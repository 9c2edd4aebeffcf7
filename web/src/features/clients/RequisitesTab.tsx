import { Anchor, SimpleGrid, Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Company } from "../../../../contracts/companies";
import { SectionCard } from "../../components/SectionCard";
import { currentLocale } from "../../i18n";
import { useCurrentUser } from "../auth/currentUser";
import { StatusBadge, TagList } from "./badges";
import { DataList } from "./DataList";
import { formatDate } from "./format";
import { usePeople } from "./people";

const mono = { fontVariantNumeric: "tabular-nums" } as const;
const num = (value: string | null) => (value ? <span style={mono}>{value}</span> : null);

/** Only http(s) links are made clickable: a stored "javascript:" address must stay text. */
function safeWebsite(value: string | null) {
  if (!value) return null;
  const href = /^https?:\/\//i.test(value) ? value : `https://${value}`;
  try {
    const url = new URL(href);
    if (url.protocol !== "http:" && url.protocol !== "https:") return value;
    return (
      <Anchor href={url.href} target="_blank" rel="noopener noreferrer" size="sm">
        {value}
      </Anchor>
    );
  } catch {
    return value;
  }
}

export function RequisitesTab({ company }: { company: Company }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const { byId } = usePeople();
  const locale = currentLocale();
  const links = (values: string[], scheme: "tel" | "mailto") =>
    values.length ? (
      <Stack gap={2}>
        {values.map((v) => (
          <Anchor key={v} href={`${scheme}:${scheme === "tel" ? v.replace(/[^\d+]/g, "") : v}`} size="sm">
            {v}
          </Anchor>
        ))}
      </Stack>
    ) : null;

  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
      <SectionCard title={t("company.form.requisites")}>
        <DataList
          items={[
            { label: t("company.fields.fullName"), value: company.fullName, wide: true },
            { label: t("company.fields.kind"), value: t(`company.kind.${company.kind}`) },
            { label: t("company.fields.inn"), value: num(company.inn) },
            ...(company.kind === "legal"
              ? [{ label: t("company.fields.kpp"), value: num(company.kpp) }]
              : []),
            ...(company.kind !== "person"
              ? [
                  {
                    label:
                      company.kind === "entrepreneur" ? t("company.fields.ogrnip") : t("company.fields.ogrn"),
                    value: num(company.ogrn),
                  },
                ]
              : []),
          ]}
        />
      </SectionCard>
      <SectionCard title={t("company.card.bankSection")}>
        <DataList
          items={[
            { label: t("company.fields.bik"), value: num(company.bik) },
            { label: t("company.fields.bankName"), value: company.bankName },
            { label: t("company.fields.account"), value: num(company.account) },
            { label: t("company.fields.corrAccount"), value: num(company.corrAccount) },
          ]}
        />
      </SectionCard>
      <SectionCard title={t("company.card.channelsSection")}>
        <DataList
          items={[
            { label: t("company.fields.phones"), value: links(company.phones, "tel") },
            { label: t("company.fields.emails"), value: links(company.emails, "mailto") },
            { label: t("company.fields.website"), value: safeWebsite(company.website) },
            { label: t("company.fields.address"), value: company.address, wide: true },
          ]}
        />
      </SectionCard>
      <SectionCard title={t("company.card.workSection")}>
        <DataList
          cols={3}
          items={[
            { label: t("company.fields.status"), value: <StatusBadge status={company.status} /> },
            { label: t("company.fields.owner"), value: byId.get(company.ownerId)?.fullName },
            { label: t("company.fields.segment"), value: company.segment },
            { label: t("company.fields.industry"), value: company.industry },
            { label: t("company.fields.region"), value: company.region },
            { label: t("company.fields.city"), value: company.city },
            { label: t("company.fields.source"), value: company.source },
            {
              label: t("company.fields.createdAt"),
              value: formatDate(company.createdAt, locale, me.timeZone),
            },
            {
              label: t("company.fields.tags"),
              value: company.tags.length ? <TagList tags={company.tags} max={30} wrap /> : null,
            },
            { label: t("company.fields.notes"), value: company.notes, wide: true },
          ]}
        />
      </SectionCard>
    </SimpleGrid>
  );
}
