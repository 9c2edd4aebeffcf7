import { Alert, Button, Group, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconRefresh } from "@tabler/icons-react";
import { type FormEvent, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import type { Company, DuplicateCandidate } from "../../../../contracts/companies";
import { ErrorAlert } from "../../components/ErrorAlert";
import { i18n } from "../../i18n";
import { fieldErrorsOf, isApiError } from "../../lib/api";
import { useCurrentUser } from "../auth/currentUser";
import {
  BankSection,
  ChannelsSection,
  type FieldApi,
  RequisitesSection,
  WorkSection,
} from "./CompanyFormFields";
import {
  changesOf,
  findIssues,
  type Issue,
  identityChanged,
  initialValues,
  isComplete,
  kindForInn,
  REQUISITE_FIELDS,
  type RequisiteField,
  toBody,
} from "./companyForm";
import { DuplicateWarning } from "./DuplicateWarning";
import { checkDuplicates, fetchCompany, useCreateCompany, useUpdateCompany } from "./hooks";
import { mayTransfer, usePeople } from "./people";

export function issueText(issue: Issue): string {
  const key = `company.validation.${issue.code}`;
  return i18n.exists(key)
    ? i18n.t(key as "company.validation.required", { value: issue.value })
    : i18n.t("validation.invalid");
}

const isRequisite = (key: string): key is RequisiteField =>
  (REQUISITE_FIELDS as readonly string[]).includes(key);

/** New or existing company: live requisite checks, a duplicate warning, server errors on the fields. */
export function CompanyForm({ company: initialCompany }: { company: Company | null }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const { people } = usePeople();
  const create = useCreateCompany();
  const update = useUpdateCompany();
  const [company, setCompany] = useState(initialCompany);
  const [values, setValues] = useState(() => initialValues(initialCompany, me.id));
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [duplicates, setDuplicates] = useState<DuplicateCandidate[] | null>(null);
  const [checking, setChecking] = useState(false);
  const [kindNote, setKindNote] = useState<string | undefined>();
  const formRef = useRef<HTMLFormElement>(null);
  const issues = findIssues(values);
  const saving = create.isPending || update.isPending;
  const stale = isApiError(failure) && failure.status === 409;

  const set: FieldApi["set"] = (key, value) => {
    setValues((current) => {
      const next = { ...current, [key]: value };
      if (key === "inn") {
        const kind = kindForInn(String(value), current.kind);
        if (kind !== current.kind) {
          next.kind = kind;
          setKindNote(t("company.form.kindSwitched", { kind: t(`company.kind.${kind}`) }));
        }
      }
      if (key === "kind") setKindNote(undefined);
      return next;
    });
    setServerErrors(({ [key]: _dropped, ...rest }) => rest);
    setDuplicates(null);
  };

  const shows = (key: string) => {
    if (submitted || touched.has(key)) return true;
    return isRequisite(key) && isComplete(key, values[key], values.kind);
  };

  const api: FieldApi = {
    values,
    set,
    blur: (key) => setTouched((current) => (current.has(key) ? current : new Set(current).add(key))),
    error: (key) => serverErrors[key] ?? (issues[key] && shows(key) ? issueText(issues[key]) : undefined),
    valid: (key) => {
      const ok = (k: RequisiteField) =>
        values[k].trim() !== "" && !issues[k] && !serverErrors[k] && isComplete(k, values[k], values.kind);
      // An account is only "checked" against a BIK that is itself right.
      return ok(key) && (key !== "account" && key !== "corrAccount" ? true : ok("bik"));
    },
  };

  // After the errors render, the first wrong field in reading order gets the cursor.
  const focusFirstError = () =>
    requestAnimationFrame(() =>
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(),
    );

  const onError = (error: unknown) => {
    const fields = fieldErrorsOf(error);
    setServerErrors(fields);
    setFailure(Object.keys(fields).length > 0 ? null : error);
    if (Object.keys(fields).length) focusFirstError();
  };

  const save = () => {
    const body = toBody(values);
    setFailure(null);
    const done = (saved: Company) => {
      notifications.show({
        color: "green",
        message: company ? t("company.form.saved") : t("company.form.created", { name: saved.name }),
      });
      navigate(`/clients/${saved.id}`);
    };
    if (!company) {
      // A manager always creates for themselves; the server decides the owner then.
      create.mutate(mayTransfer(me.role) ? body : { ...body, ownerId: undefined }, {
        onSuccess: done,
        onError,
      });
      return;
    }
    const changes = changesOf(company, body);
    if (!mayTransfer(me.role)) delete changes.ownerId;
    update.mutate(
      { id: company.id, body: { ...changes, version: company.version } },
      { onSuccess: done, onError },
    );
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (Object.keys(issues).length) return focusFirstError();
    const body = toBody(values);
    if (!identityChanged(company, body)) return save();
    setChecking(true);
    try {
      const found = await checkDuplicates({
        excludeId: company?.id,
        name: body.name,
        city: body.city,
        inn: body.inn,
        ogrn: body.ogrn,
        phones: body.phones,
        emails: body.emails,
      });
      if (found.items.length) {
        setDuplicates(found.items);
        return;
      }
    } catch {
      // The check is advice: when it fails, saving still goes ahead and the server has the last word.
    } finally {
      setChecking(false);
    }
    save();
  };

  // The colleague's changes come in; this user's own edits stay on top of them.
  const reloadLatest = async () => {
    if (!company) return;
    try {
      const mine = Object.keys(changesOf(company, toBody(values))) as (keyof typeof values)[];
      const fresh = await fetchCompany(company.id);
      const next = initialValues(fresh, me.id);
      for (const key of mine) if (key in next) Object.assign(next, { [key]: values[key] });
      setCompany(fresh);
      setValues(next);
      setFailure(null);
      setServerErrors({});
    } catch (error) {
      setFailure(error);
    }
  };

  const owners = mayTransfer(me.role)
    ? people.filter((p) => (p.active && p.role !== "department") || p.id === values.ownerId)
    : null;

  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <Stack gap="md">
        <RequisitesSection api={api} autoFocus kindNote={kindNote} />
        <BankSection api={api} />
        <ChannelsSection api={api} />
        <WorkSection api={api} owners={owners?.length ? owners : null} />

        {submitted && Object.keys(issues).length > 0 && (
          <Text c="red" size="sm" role="status">
            {t("company.form.fixErrors")}
          </Text>
        )}
        {stale ? (
          <Alert color="yellow" variant="light" role="alert" title={t("errors.staleTitle")}>
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{t("company.form.staleText")}</Text>
              <Button
                size="xs"
                variant="white"
                leftSection={<IconRefresh size={14} aria-hidden />}
                onClick={() => void reloadLatest()}
              >
                {t("errors.reloadLatest")}
              </Button>
            </Stack>
          </Alert>
        ) : (
          <ErrorAlert error={failure} />
        )}
        {duplicates && (
          <DuplicateWarning
            candidates={duplicates}
            saving={saving}
            onSaveAnyway={save}
            onDismiss={() => setDuplicates(null)}
          />
        )}

        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={() => navigate(company ? `/clients/${company.id}` : "/clients")}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={saving || checking} disabled={!!duplicates}>
            {company ? t("company.form.save") : t("company.form.create")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
