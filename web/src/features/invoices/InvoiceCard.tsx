import {
  Badge,
  Button,
  Center,
  Group,
  Loader,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconArrowLeft, IconFileTypePdf, IconTrash } from "@tabler/icons-react";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageHeader } from "../../components/PageHeader";
import { SectionCard } from "../../components/SectionCard";
import { fieldErrorsOf } from "../../lib/api";
import { useCurrentUser } from "../auth/currentUser";
import { money, ruDate, statusColor } from "./format";
import { invoicePdfUrl, useAddPayment, useDeletePayment, useInvoice, usePayments } from "./hooks";

const today = () => new Date().toISOString().slice(0, 10);

/** One invoice: amounts, the PDF, its payments and a form to record one. */
export function InvoiceCard({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const invoice = useInvoice(id);
  const payments = usePayments(id);
  const add = useAddPayment(id);
  const remove = useDeletePayment(id);
  const [paidOn, setPaidOn] = useState(today());
  const [amount, setAmount] = useState("");
  const [note, setNote] = useState("");
  const errors = fieldErrorsOf(add.error);
  const lang = i18n.language;

  if (invoice.error) return <ErrorAlert error={invoice.error} onRetry={() => invoice.refetch()} />;
  if (!invoice.data)
    return (
      <Center py="xl">
        <Loader />
      </Center>
    );
  const inv = invoice.data;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate(
      { paidOn, amount: amount.trim().replace(",", ".").replace(/\s/g, ""), note: note.trim() || null },
      {
        onSuccess: () => {
          setAmount("");
          setNote("");
          notifications.show({ color: "green", message: t("documents.invoices.card.added") });
        },
      },
    );
  };

  return (
    <Stack gap="lg">
      <PageHeader
        title={t("documents.invoices.card.title", { number: inv.number, date: ruDate(inv.issueDate, lang) })}
        description={inv.companyName}
      />
      <Group>
        <Button component={Link} to="/invoices" variant="subtle" leftSection={<IconArrowLeft size={16} />}>
          {t("documents.invoices.card.back")}
        </Button>
        <Button component="a" href={invoicePdfUrl(inv.id)} leftSection={<IconFileTypePdf size={16} />}>
          {t("documents.invoices.card.pdf")}
        </Button>
        <Badge color={statusColor[inv.status]} size="lg" variant="light">
          {t(`documents.invoices.status.${inv.status}`)}
        </Badge>
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Fact label={t("documents.invoices.card.gross")} value={`${money(inv.gross, lang)} ₽`} />
        <Fact label={t("documents.invoices.card.paid")} value={`${money(inv.paid, lang)} ₽`} />
        <Fact label={t("documents.invoices.card.due")} value={`${money(inv.due, lang)} ₽`} />
        <Fact label={t("documents.invoices.card.company")} value={inv.companyName} />
        <Fact label={t("documents.invoices.card.proposal")} value={inv.basis ?? "—"} />
        <Fact
          label={t("documents.invoices.columns.dueDate")}
          value={
            inv.paidAt
              ? `${t("documents.invoices.card.paidAt")} ${ruDate(inv.paidAt, lang)}`
              : ruDate(inv.dueDate, lang)
          }
        />
      </SimpleGrid>
      <Text size="sm">
        {t("documents.invoices.card.words")}: {inv.amountInWords}
      </Text>
      <SectionCard title={t("documents.invoices.card.payments")}>
        <Stack gap="md">
          {payments.error && <ErrorAlert error={payments.error} />}
          {payments.data && payments.data.items.length === 0 && (
            <Text size="sm" c="dimmed">
              {t("documents.invoices.card.noPayments")}
            </Text>
          )}
          {payments.data && payments.data.items.length > 0 && (
            <Table withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("documents.invoices.card.paidOn")}</Table.Th>
                  <Table.Th ta="right">{t("documents.invoices.card.amount")}</Table.Th>
                  <Table.Th>{t("documents.invoices.card.note")}</Table.Th>
                  {me.role !== "manager" && <Table.Th aria-label={t("documents.invoices.card.remove")} />}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {payments.data.items.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td>{ruDate(p.paidOn, lang)}</Table.Td>
                    <Table.Td ta="right">{money(p.amount, lang)}</Table.Td>
                    <Table.Td>{p.note}</Table.Td>
                    {me.role !== "manager" && (
                      <Table.Td>
                        <Button
                          size="xs"
                          variant="subtle"
                          color="red"
                          aria-label={t("documents.invoices.card.remove")}
                          onClick={() =>
                            remove.mutate(p.id, {
                              onSuccess: () =>
                                notifications.show({ message: t("documents.invoices.card.removed") }),
                            })
                          }
                        >
                          <IconTrash size={14} />
                        </Button>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          {remove.error && <ErrorAlert error={remove.error} />}
          {inv.status !== "paid" && inv.status !== "cancelled" && (
            <form noValidate onSubmit={submit}>
              <Group align="flex-start" wrap="wrap">
                <TextInput
                  type="date"
                  label={t("documents.invoices.card.paidOn")}
                  value={paidOn}
                  onChange={(e) => setPaidOn(e.currentTarget.value)}
                  error={errors.paidOn}
                  required
                />
                <TextInput
                  label={t("documents.invoices.card.amount")}
                  inputMode="decimal"
                  value={amount}
                  onChange={(e) => setAmount(e.currentTarget.value)}
                  error={errors.amount}
                  placeholder={inv.due}
                  required
                />
                <TextInput
                  label={t("documents.invoices.card.note")}
                  value={note}
                  onChange={(e) => setNote(e.currentTarget.value)}
                  style={{ flex: 1, minWidth: 180 }}
                />
                <Button type="submit" mt={24} loading={add.isPending}>
                  {t("documents.invoices.card.add")}
                </Button>
              </Group>
              {add.error && !errors.amount && !errors.paidOn && <ErrorAlert error={add.error} />}
            </form>
          )}
        </Stack>
      </SectionCard>
    </Stack>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={500}>
        {value}
      </Text>
    </Stack>
  );
}
