import { Alert, Anchor, Badge, Button, Group, Menu, Stack, Tabs, Text, Title } from "@mantine/core";
import { modals } from "@mantine/modals";
import { notifications } from "@mantine/notifications";
import {
  IconAddressBook,
  IconArrowBackUp,
  IconChevronLeft,
  IconCopy,
  IconDots,
  IconFileDescription,
  IconFileText,
  IconHistory,
  IconPencil,
  IconReceipt,
  IconShieldCheck,
  IconTargetArrow,
  IconTimeline,
  IconTrash,
  IconUserShare,
} from "@tabler/icons-react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import type { Company } from "../../../../contracts/companies";
import { currentLocale } from "../../i18n";
import { ApiError } from "../../lib/api";
import { Timeline } from "../activities/Timeline";
import { useCurrentUser } from "../auth/currentUser";
import { CompanyContactPanel } from "../cadences/CompanyContactPanel";
import { ClientTermsTab } from "../catalogue/ClientTermsTab";
import { ContactsTab } from "../contacts/ContactsTab";
import { CompanyDealsTab } from "../deals/CompanyDealsTab";
import { ProposalsTable } from "../proposals/ProposalsList";
import { GradeBadge } from "../reliability/GradeBadge";
import { ReliabilityTab } from "../reliability/ReliabilityTab";
import { StatusBadge, TagList } from "./badges";
import { DuplicatesTab } from "./DuplicatesTab";
import { formatAgo, formatDate } from "./format";
import { HistoryTab } from "./HistoryTab";
import { useDeleteCompany, useRestoreCompany } from "./hooks";
import { mayRestore, mayTransfer, usePeople } from "./people";
import { RequisitesTab } from "./RequisitesTab";
import { TransferModal } from "./TransferModal";

const TABS = [
  "requisites",
  "contacts",
  "deals",
  "proposals",
  "terms",
  "timeline",
  "reliability",
  "history",
  "duplicates",
] as const;
type Tab = (typeof TABS)[number];
const TAB_ICONS = {
  requisites: IconFileText,
  contacts: IconAddressBook,
  proposals: IconFileDescription,
  terms: IconReceipt,
  deals: IconTargetArrow,
  timeline: IconTimeline,
  reliability: IconShieldCheck,
  history: IconHistory,
  duplicates: IconCopy,
};

function Meta({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </Stack>
  );
}

export function CompanyCard({ company }: { company: Company }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const locale = currentLocale();
  const [params, setParams] = useSearchParams();
  const { byId } = usePeople();
  const remove = useDeleteCompany();
  const restore = useRestoreCompany();
  const [transferring, setTransferring] = useState(false);
  const tab: Tab = TABS.find((x) => x === params.get("tab")) ?? "requisites";
  const deleted = company.deletedAt !== null;
  const canEdit = !deleted;
  const owner = byId.get(company.ownerId)?.fullName ?? (company.ownerId === me.id ? me.fullName : null);

  useEffect(() => {
    document.title = `${company.name} — ${t("app.name")}`;
  }, [company.name, t]);

  const fail = (error: unknown) =>
    notifications.show({
      color: "red",
      title: t("errors.title"),
      message: error instanceof ApiError ? error.detail : t("errors.unexpected"),
    });

  const confirmDelete = () =>
    modals.openConfirmModal({
      title: t("company.card.deleteTitle"),
      children: <Text size="sm">{t("company.card.deleteText", { name: company.name })}</Text>,
      labels: { confirm: t("company.card.delete"), cancel: t("common.cancel") },
      confirmProps: { color: "red" },
      onConfirm: () =>
        remove.mutate(company.id, {
          onSuccess: () => {
            notifications.show({ message: t("company.card.deleted", { name: company.name }) });
            navigate("/clients");
          },
          onError: fail,
        }),
    });

  const onRestore = () =>
    restore.mutate(company.id, {
      onSuccess: () =>
        notifications.show({ color: "green", message: t("clients.restored", { name: company.name }) }),
      onError: fail,
    });

  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <Anchor component={Link} to="/clients" size="sm" c="dimmed" style={{ alignSelf: "flex-start" }}>
          <Group gap={2}>
            <IconChevronLeft size={14} aria-hidden />
            {t("clients.title")}
          </Group>
        </Anchor>
        <Group justify="space-between" align="flex-start" gap="md">
          <Stack gap={8} style={{ minWidth: 0, flex: 1 }}>
            <Group gap="sm" align="center">
              <Title order={1} fz={22} fw={650} style={{ overflowWrap: "anywhere" }}>
                {company.name}
              </Title>
              <StatusBadge status={company.status} size="md" />
              <GradeBadge grade={company.reliabilityGrade} size="lg" />
              <Badge variant="default" size="md" tt="none" fw={500}>
                {t(`company.kind.${company.kind}`)}
              </Badge>
            </Group>
            <Group gap="xl" align="flex-start">
              {company.inn && <Meta label={t("company.fields.inn")}>{company.inn}</Meta>}
              <Meta label={t("company.card.owner")}>{owner ?? t("common.notSet")}</Meta>
              <Meta label={t("company.card.lastContact")}>
                {company.lastContactAt ? (
                  <span title={formatDate(company.lastContactAt, locale, me.timeZone)}>
                    {formatAgo(company.lastContactAt, locale)}
                  </span>
                ) : (
                  <Text span c="dimmed" size="sm">
                    {t("clients.noContacts")}
                  </Text>
                )}
              </Meta>
              {company.tags.length > 0 && (
                <Meta label={t("company.fields.tags")}>
                  <TagList tags={company.tags} max={8} wrap />
                </Meta>
              )}
            </Group>
          </Stack>
          <Group gap="xs">
            {deleted && mayRestore(me.role) && !company.mergedIntoId && (
              <Button
                leftSection={<IconArrowBackUp size={16} aria-hidden />}
                onClick={onRestore}
                loading={restore.isPending}
              >
                {t("company.card.restore")}
              </Button>
            )}
            {canEdit && (
              <Button
                component={Link}
                to={`/clients/${company.id}/edit`}
                variant="default"
                leftSection={<IconPencil size={16} aria-hidden />}
              >
                {t("company.card.edit")}
              </Button>
            )}
            {canEdit && mayTransfer(me.role) && (
              <Button
                variant="default"
                leftSection={<IconUserShare size={16} aria-hidden />}
                onClick={() => setTransferring(true)}
              >
                {t("company.card.transfer")}
              </Button>
            )}
            {canEdit && (
              <Menu position="bottom-end" withinPortal>
                <Menu.Target>
                  <Button variant="default" px={10} aria-label={t("company.card.more")}>
                    <IconDots size={16} aria-hidden />
                  </Button>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Item
                    color="red"
                    leftSection={<IconTrash size={16} aria-hidden />}
                    onClick={confirmDelete}
                  >
                    {t("company.card.delete")}
                  </Menu.Item>
                </Menu.Dropdown>
              </Menu>
            )}
          </Group>
        </Group>
      </Stack>

      {!deleted && <CompanyContactPanel company={company} />}

      {deleted && (
        <Alert color="red" variant="light" role="status">
          <Group gap="sm">
            <Text size="sm">
              {company.mergedIntoId
                ? t("company.card.mergedBanner")
                : t("company.card.deletedBanner", {
                    date: formatDate(company.deletedAt, locale, me.timeZone),
                  })}
            </Text>
            {company.mergedIntoId && (
              <Anchor component={Link} to={`/clients/${company.mergedIntoId}`} size="sm">
                {t("company.card.openMerged")}
              </Anchor>
            )}
          </Group>
        </Alert>
      )}

      <Tabs
        value={tab}
        keepMounted={false}
        onChange={(value) => {
          const next = new URLSearchParams(params);
          if (value && value !== "requisites") next.set("tab", value);
          else next.delete("tab");
          setParams(next, { replace: true });
        }}
      >
        <Tabs.List aria-label={t("company.card.tabsLabel")} mb="md">
          {TABS.map((value) => {
            const Icon = TAB_ICONS[value];
            return (
              <Tabs.Tab key={value} value={value} leftSection={<Icon size={16} aria-hidden />}>
                {value === "proposals"
                  ? t("proposals.companyTab")
                  : value === "reliability"
                    ? t("reliability.title")
                    : value === "deals"
                      ? t("deals.company.tab")
                      : t(`company.card.tabs.${value}`)}
              </Tabs.Tab>
            );
          })}
        </Tabs.List>
        <Tabs.Panel value="requisites">
          <RequisitesTab company={company} />
        </Tabs.Panel>
        <Tabs.Panel value="contacts">
          <ContactsTab companyId={company.id} canEdit={canEdit} />
        </Tabs.Panel>
        <Tabs.Panel value="proposals">
          <Stack gap="sm">
            {canEdit && (
              <Group>
                <Button component={Link} to={`/proposals/new?companyId=${company.id}`}>
                  {t("proposals.create")}
                </Button>
              </Group>
            )}
            <ProposalsTable companyId={company.id} />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="terms">
          <ClientTermsTab companyId={company.id} canEdit={canEdit && me.role !== "department"} />
        </Tabs.Panel>
        <Tabs.Panel value="deals">
          <CompanyDealsTab companyId={company.id} companyName={company.name} canEdit={canEdit} />
        </Tabs.Panel>
        <Tabs.Panel value="timeline">
          <Timeline companyId={company.id} />
        </Tabs.Panel>
        <Tabs.Panel value="reliability">
          <ReliabilityTab companyId={company.id} canEdit={canEdit} />
        </Tabs.Panel>
        <Tabs.Panel value="history">
          <HistoryTab companyId={company.id} companyName={company.name} />
        </Tabs.Panel>
        <Tabs.Panel value="duplicates">
          <DuplicatesTab company={company} canEdit={canEdit} />
        </Tabs.Panel>
      </Tabs>

      {mayTransfer(me.role) && (
        <TransferModal
          opened={transferring}
          ids={[company.id]}
          currentOwnerId={company.ownerId}
          onClose={() => setTransferring(false)}
        />
      )}
    </Stack>
  );
}
